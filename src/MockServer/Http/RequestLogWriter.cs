using System.Globalization;
using System.Text;
using System.Threading.Channels;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// Prints the request lines on a background task: a request only queues its line (method, path, status,
/// milliseconds), and the writer formats whatever is queued and writes it in one call with one flush, so requests
/// neither wait for the console nor contend for its lock. Once woken by a line, the writer lets the lines of the
/// next <see cref="BatchInterval"/> gather before it writes: under load that is one wake-up and one write per
/// interval instead of one per request, and a person reading the console cannot tell. Still one line per request,
/// in the order they finished; the queue is bounded, so a console that cannot keep up slows the requests down
/// instead of filling the memory. <see cref="DisposeAsync"/> writes every queued line before it returns.
/// </summary>
internal sealed class RequestLogWriter : IAsyncDisposable
{
    private const int Capacity = 8192;
    private const int MaxBatchChars = 64 * 1024;

    /// <summary>How long the writer lets lines gather; on the system clock, since a test's fake clock may never move.</summary>
    internal static readonly TimeSpan BatchInterval = TimeSpan.FromMilliseconds(20);

    private readonly CancellationTokenSource _stopping = new();
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
        var caughtUp = true;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            if (caughtUp)
            {
                await Task.Delay(BatchInterval, TimeProvider.System, _stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            while (text.Length < MaxBatchChars && reader.TryRead(out var line))
            {
                line.AppendTo(text);
            }

            caughtUp = text.Length < MaxBatchChars;

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
        if (!_lines.Writer.TryComplete())
        {
            await _writing.ConfigureAwait(false);
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _writing.ConfigureAwait(false);
        _stopping.Dispose();
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
