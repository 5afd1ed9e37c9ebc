using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace ContractHarness.MockServer.Hosting;

/// <summary>
/// The response side of an in-memory exchange: status, reason phrase, headers and a body buffer, with the
/// <c>OnStarting</c> callbacks run when the response starts (the journal records the request there), as Kestrel does.
/// </summary>
internal sealed class InMemoryResponse : IHttpResponseFeature, IHttpResponseBodyFeature
{
    private readonly MemoryStream _body = new();
    private readonly List<(Func<object, Task> Callback, object State)> _starting = [];
    private readonly List<(Func<object, Task> Callback, object State)> _completed = [];
    private PipeWriter? _writer;
    private bool _started;

    public int StatusCode { get; set; } = 200;

    public string? ReasonPhrase { get; set; }

    public IHeaderDictionary Headers { get; set; } = new HeaderDictionary();

    public Stream Body
    {
        get => _body;
        set => throw new NotSupportedException("The in-memory response keeps its own body.");
    }

    // Bytes written straight to the stream also start the response, as they would on a socket.
    public bool HasStarted => _started || _body.Length > 0;

    public Stream Stream => _body;

    public PipeWriter Writer => _writer ??= PipeWriter.Create(_body, new StreamPipeWriterOptions(leaveOpen: true));

    public byte[] BodyBytes => _body.ToArray();

    public void OnStarting(Func<object, Task> callback, object state) => _starting.Add((callback, state));

    public void OnCompleted(Func<object, Task> callback, object state) => _completed.Add((callback, state));

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_started)
        {
            return;
        }

        _started = true;
        for (var i = _starting.Count - 1; i >= 0; i--)
        {
            await _starting[i].Callback(_starting[i].State);
        }
    }

    public async Task CompleteAsync()
    {
        await StartAsync();
        if (_writer is not null)
        {
            await _writer.FlushAsync();
        }

        for (var i = _completed.Count - 1; i >= 0; i--)
        {
            await _completed[i].Callback(_completed[i].State);
        }
    }

    public void DisableBuffering()
    {
    }

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The mock sends no files.");
}
