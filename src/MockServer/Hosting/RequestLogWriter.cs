using System.Globalization;
using System.Text;
using System.Threading.Channels;

namespace ContractHarness.MockServer.Hosting;

/// <summary>
/// Prints the request lines on a background task: a request only queues its line (method, path, status,
/// milliseconds), and the writer formats whatever is queued and writes it in one call with one flush, so requests
/// neither wait for the console nor contend for its lock. Still one line per request, in the order they finished;
/// the queue is bounded, so a console that cannot keep up slows the requests down instead of filling the memory.
/// <see cref="DisposeAsync"/> writes every queued line before it returns.
/// </summary>
internal sealed class RequestLogWriter : IAsyncDisposable
{
    private const int Capacity = 8192;
    private readonly TextWriter _output;
    private readonly Channel<RequestLogLine> _lines = Channel.CreateBounded<RequestLogLine>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Task _writing;

    public RequestLogWriter(TextWriter output)
    {
        _output = output;
        _writing = Task.Run(WriteAsync);
    }

    /// <summary>Queues one request's line.</summary>
    public ValueTask PostAsync(in RequestLogLine line) =>
        _lines.Writer.TryWrite(line) ? ValueTask.CompletedTask : _lines.Writer.WriteAsync(line);

    private async Task WriteAsync()
    {
        var text = new StringBuilder(4096);
        var reader = _lines.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (text.Length < 64 * 1024 && reader.TryRead(out var line))
            {
                line.AppendTo(text);
            }

            try
            {
                await _output.WriteAsync(text).ConfigureAwait(false);
                await _output.FlushAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // The output went away (a closed pipe): the lines are dropped, the requests go on.
            }

            text.Clear();
        }
    }

    /// <summary>Writes every queued line, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _lines.Writer.TryComplete();
        await _writing.ConfigureAwait(false);
    }
}

/// <summary>What the request log prints of one request.</summary>
internal readonly record struct RequestLogLine(string Method, string? Path, string? Query, int Status, double Milliseconds)
{
    public void AppendTo(StringBuilder text) =>
        text.Append(Method).Append(' ').Append(Path).Append(Query).Append(' ')
            .Append(Status.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(Milliseconds.ToString("0.0", CultureInfo.InvariantCulture)).Append(" ms").Append(Environment.NewLine);
}
