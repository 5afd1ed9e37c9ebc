using System.Globalization;
using ContractHarness.MockServer.Admin;

namespace ContractHarness.MockServer.Hosting;

/// <summary>
/// Times every request with the <see cref="TimeProvider"/>, records it in the <see cref="RequestJournal"/> (except
/// reads of the journal itself) and, when enabled, prints one line: method, path, status, milliseconds.
/// </summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, MockContext mock)
{
    private const string JournalPath = "/__admin/requests";

    public async Task InvokeAsync(HttpContext context)
    {
        var started = mock.Time.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var request = context.Request;
            if (!request.Path.Equals(JournalPath, StringComparison.OrdinalIgnoreCase))
            {
                var elapsed = mock.Time.GetElapsedTime(started).TotalMilliseconds;
                var path = request.Path.Value + request.QueryString.Value;
                var status = context.Response.StatusCode;
                mock.Journal.Add(new JournalEntry(mock.Time.GetUtcNow(), request.Method, path, status, Math.Round(elapsed, 3)));
                if (mock.Options.LogRequests)
                {
                    await mock.Log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{request.Method} {path} {status} {elapsed:0.0} ms"));
                }
            }
        }
    }
}
