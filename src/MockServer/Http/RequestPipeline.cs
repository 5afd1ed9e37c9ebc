using ContractHarness.MockServer.Http.Admin;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// What happens around every request, in one step rather than a chain of middleware:
/// <list type="bullet">
/// <item>a request for a host the mock does not answer gets 421 (<see cref="Http.HostPolicy"/>);</item>
/// <item>the request is timed with the <see cref="TimeProvider"/> and recorded in the <see cref="RequestJournal"/>
/// (except the journal's own routes) just before the response starts, by a <see cref="JournalExchange"/>;</item>
/// <item>refusals arrive here already answered (they are values, docs/mock-layers.md); what is caught is Kestrel's own
/// exception for a body it could not read (too large, malformed), answered with a 4xx, and anything else (a bug in
/// the mock) a 500 with the same JSON shape;</item>
/// <item>when enabled, one request line (method, path, status, milliseconds) is queued to the <see cref="RequestLogWriter"/>.</item>
/// </list>
/// </summary>
internal sealed class RequestPipeline(MockContext mock, RequestDelegate handler)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = mock.Time.GetTimestamp();
        if (!AdminEndpoints.ReadsJournal(context.Request.Path))
        {
            JournalExchange.Begin(mock, context, started);
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
                    request.Method, request.Path.Value, request.QueryString.Value, JournalExchange.StatusOf(context), mock.Time.GetElapsedTime(started).TotalMilliseconds));
            }
        }
    }
}
