using ContractHarness.MockServer.Admin;

namespace ContractHarness.MockServer.Hosting;

/// <summary>
/// Times every request with the <see cref="TimeProvider"/> and records it in the <see cref="RequestJournal"/>
/// (except reads of the journal itself) just before the response starts, so a client that has its answer always
/// finds the request in the journal. When enabled, prints one line per request once it is done: method, path,
/// status, milliseconds (through the <see cref="RequestLogWriter"/>, off the request's path).
/// </summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, MockContext mock)
{
    private const string JournalPath = "/__admin/requests";

    public async Task InvokeAsync(HttpContext context)
    {
        var started = mock.Time.GetTimestamp();
        var request = context.Request;
        if (!request.Path.Equals(JournalPath, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.OnStarting(() =>
            {
                var elapsed = mock.Time.GetElapsedTime(started).TotalMilliseconds;
                mock.Journal.Add(new JournalEntry(
                    mock.Time.GetUtcNow(), request.Method, request.Path.Value + request.QueryString.Value, context.Response.StatusCode, Math.Round(elapsed, 3)));
                return Task.CompletedTask;
            });
        }

        try
        {
            await next(context);
        }
        finally
        {
            if (mock.Options.LogRequests)
            {
                var elapsed = mock.Time.GetElapsedTime(started).TotalMilliseconds;
                await mock.RequestLog!.PostAsync(new RequestLogLine(
                    request.Method, request.Path.Value, request.QueryString.Value, context.Response.StatusCode, elapsed));
            }
        }
    }
}
