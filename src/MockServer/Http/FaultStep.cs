using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations;
using ContractHarness.MockServer.Store;
using Microsoft.AspNetCore.WebUtilities;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// The step before a catalog request reaches its entity route: <c>--latency</c>, then the oldest fault rule that
/// applies (its delay, then its abort or status), then the <c>Prefer</c> header (<c>delay=</c> here; <c>code=</c> is
/// handed to <see cref="EntityEndpoints"/>, which answers it once the request itself is valid). A rule's status wins
/// over a preferred code. Nothing here touches the store. Delays wait on the mock's <see cref="TimeProvider"/>
/// without holding a thread, and end early when the client goes away.
/// </summary>
internal sealed class FaultStep(MockContext mock, EntityEndpoints entities)
{
    private readonly DocumentedStatuses _documented = new(mock.Store.Models);

    /// <summary>
    /// Answers a catalog request from <paramref name="world"/> (the default world's store or a session's); without
    /// latency, rules or a <c>Prefer</c> header it is the entity route's own call.
    /// </summary>
    public Task HandleAsync(HttpContext context, EntityRoute route, ReadOnlySpan<char> id, EntityStore world)
    {
        if (mock.Latency is null && mock.Faults.IsEmpty && !context.Request.Headers.ContainsKey(PreferHeader.Name))
        {
            return entities.HandleAsync(context, route, id, world);
        }

        return ApplyAsync(context, route, id.ToString(), world);
    }

    private async Task ApplyAsync(HttpContext context, EntityRoute route, string id, EntityStore world)
    {
        var request = context.Request;
        if (mock.Latency is { } latency)
        {
            var wait = mock.Faults.Draw(latency);
            FaultNote.Add(context, $"latency {(long)wait.TotalMilliseconds} ms");
            await Task.Delay(wait, mock.Time, context.RequestAborted);
        }

        if (mock.Faults.Apply(request.Method, request.Path.Value!, route.Model, id) is { } rule)
        {
            var wait = rule.Delay is { } delay ? mock.Faults.Draw(delay) : (TimeSpan?)null;
            FaultNote.Add(context, rule.Describe(wait));
            if (wait is { } ruleWait)
            {
                await Task.Delay(ruleWait, mock.Time, context.RequestAborted);
            }

            if (rule.Abort)
            {
                context.Abort();
                JournalExchange.Aborted(context);
                return;
            }

            if (rule.Status is { } status)
            {
                await ErrorResponse.WriteAsync(context, Fault(status, $"Fault rule {rule.Id} answers {status} to {request.Method} {request.Path}."));
                return;
            }
        }

        var forced = 0;
        if (request.Headers.TryGetValue(PreferHeader.Name, out var values))
        {
            var prefer = PreferHeader.Parse(values.ToString(), out var refused);
            if (refused is null && prefer.Code is { } code && _documented.For(route.Model, request.Method) is { } documented && !documented.Contains(code))
            {
                refused = PreferHeader.Undocumented(code, $"{request.Method.ToUpperInvariant()} {route.Model.Resource}/{{id}}", documented);
            }

            if (refused is not null)
            {
                await ErrorResponse.WriteAsync(context, refused);
                return;
            }

            if (prefer.DelayMs is { } ms)
            {
                FaultNote.Add(context, $"Prefer: delay={ms}");
                await Task.Delay(TimeSpan.FromMilliseconds(ms), mock.Time, context.RequestAborted);
            }

            if (prefer.Code is { } preferred && _documented.For(route.Model, request.Method) is not null)
            {
                FaultNote.Add(context, $"Prefer: code={preferred}");
                forced = preferred;
            }
        }

        await entities.HandleAsync(context, route, id, world, forced);
    }

    /// <summary>The error answer of a fault or a forced code: the status's own reason phrase, ErrorType <c>Fault</c>.</summary>
    public static MockHttpException Fault(int status, string message) =>
        new(status, ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } reason ? reason : "Fault", "Fault", message);
}
