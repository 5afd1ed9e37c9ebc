using ContractHarness.MockServer.Http.Admin;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// What happens around every request, in one step rather than a chain of middleware:
/// <list type="bullet">
/// <item>a request for a host the mock does not answer gets 421 (<see cref="Http.HostPolicy"/>);</item>
/// <item>the request is timed with the <see cref="TimeProvider"/> and recorded in the <see cref="RequestJournal"/>
/// (except reads of the journal itself) just before the response starts, so a client that has its answer always
/// finds the request in the journal;</item>
/// <item>refusals arrive here already answered (they are values, docs/mock-layers.md); what is caught is Kestrel's own
/// exception for a body it could not read (too large, malformed), answered with a 4xx, and anything else (a bug in
/// the mock) a 500 with the same JSON shape;</item>
/// <item>when enabled, one request line (method, path, status, milliseconds) is queued to the <see cref="RequestLogWriter"/>.</item>
/// </list>
/// </summary>
internal sealed class RequestPipeline(MockContext mock, RequestDelegate handler)
{
    private static readonly Func<object, Task> RecordInJournal = static state => ((Exchange)state).Record();

    public async Task InvokeAsync(HttpContext context)
    {
        var started = mock.Time.GetTimestamp();
        if (!context.Request.Path.Equals(AdminEndpoints.JournalPath, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.OnStarting(RecordInJournal, new Exchange(mock, context, started));
        }

        try
        {
            await (mock.Hosts.Check(context.Request) is { } misdirected ? ErrorResponse.WriteAsync(context, misdirected) : handler(context));
        }
        catch (BadHttpRequestException error) when (!context.Response.HasStarted)
        {
            var mapped = error.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? MockErrors.PayloadTooLarge(mock.Options.MaxRequestBodyBytes)
                : MockErrors.Unreadable(error.Message);
            await ErrorResponse.WriteAsync(context, mapped);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception error) when (!context.Response.HasStarted)
        {
            await ErrorResponse.WriteAsync(context, new MockHttpException(500, "Internal Server Error", error.GetType().Name, $"The mock server failed: {error.Message}"));
        }
        finally
        {
            if (mock.RequestLog is { } log)
            {
                var request = context.Request;
                await log.PostAsync(new RequestLogLine(
                    request.Method, request.Path.Value, request.QueryString.Value, context.Response.StatusCode, mock.Time.GetElapsedTime(started).TotalMilliseconds));
            }
        }
    }

    /// <summary>A request on its way to the journal: what <see cref="Record"/> needs when the response starts.</summary>
    private sealed class Exchange(MockContext mock, HttpContext context, long started)
    {
        public Task Record()
        {
            var request = context.Request;
            var elapsed = mock.Time.GetElapsedTime(started).TotalMilliseconds;
            mock.Journal.Add(new JournalEntry(
                mock.Time.GetUtcNow(), request.Method, request.Path.Value + request.QueryString.Value, context.Response.StatusCode, Math.Round(elapsed, 3)));
            return Task.CompletedTask;
        }
    }
}
