using System.Globalization;
using ContractHarness.MockServer.Http;
using ContractHarness.MockServer.Http.Admin;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations;
using ContractHarness.MockServer.Proxy.Checks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace ContractHarness.MockServer.Proxy;

/// <summary>
/// <c>--proxy URL</c>: answers every request to a catalog route with the tenant's answer. The request (method, path,
/// query, headers with <c>Authorization</c>, body) goes to the tenant unchanged but for its hop-by-hop headers; the
/// tenant's status, reason phrase, headers and body come back unchanged, with <c>X-Contract-Violations</c>: how many
/// ways the two break the contract (<see cref="RequestCheck"/>, <see cref="ResponseCheck"/>), each listed in the
/// request's journal entry and summed in <c>/__admin/violations</c>. A violation never changes the answer. With
/// <c>--record</c>, a 200 entity is kept (<see cref="Recorder"/>). <c>/__admin</c> is never forwarded.
/// </summary>
internal sealed class ProxyStep
{
    /// <summary>The header that counts the violations of an exchange (0 when it keeps the contract).</summary>
    public const string CountHeader = "X-Contract-Violations";

    private readonly MockContext _mock;
    private readonly TenantClient _tenant;
    private readonly ContractOperations _contract;
    private readonly Recorder? _recorder;

    private ProxyStep(MockContext mock, TenantClient tenant, Recorder? recorder)
    {
        _mock = mock;
        _tenant = tenant;
        _recorder = recorder;
        _contract = new ContractOperations(mock.Store.Models, mock.Catalog.Files, mock.Catalog.PathOf("openapi.json"));
    }

    /// <summary>The proxy of <paramref name="mock"/> to <paramref name="tenant"/>; its connections close with the mock.</summary>
    public static ProxyStep Start(MockContext mock, Uri tenant)
    {
        var client = new TenantClient(tenant, mock.Options.ProxyTimeout, mock.Time);
        mock.Own(client);
        var recorder = mock.Options.RecordDirectory is { Length: > 0 } folder ? new Recorder(folder, mock.Log) : null;
        return new ProxyStep(mock, client, recorder);
    }

    /// <summary>Forwards a request to a catalog route (a <see cref="CatalogHandler"/>).</summary>
    public Task HandleAsync(HttpContext context, EntityRoute route, ReadOnlySpan<char> id) =>
        id is "." or ".."
            ? ErrorResponse.WriteAsync(context, MockErrors.RouteNotFound(context.Request.Path)) // would leave the route at the tenant
            : ForwardAsync(context, route, id.ToString());

    private async Task ForwardAsync(HttpContext context, EntityRoute route, string idText)
    {
        var request = context.Request;
        var (body, refused) = await RequestBody.ReadRawAsync(context, _mock.Options.MaxRequestBodyBytes);
        if (refused is not null)
        {
            await ErrorResponse.WriteAsync(context, refused); // the mock's own limits: not passed on
            return;
        }

        var operation = _contract.For(route.Model, request.Method);
        var violations = new List<ContractViolation>();
        RequestCheck.Check(operation, request, idText, body!, violations);
        var (answer, failure) = await _tenant.SendAsync(request, body!, context.RequestAborted);
        if (answer is null)
        {
            Checked(context, operation, violations);
            await ErrorResponse.WriteAsync(context, failure!.WithHeader(CountHeader, Count(violations)));
            return;
        }

        var arrived = _recorder?.Arrived() ?? 0;
        int? id = int.TryParse(idText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var selected = request.Query.ContainsKey(SelectProjection.QueryName);
        var entity = ResponseCheck.Check(operation, HttpMethods.IsHead(request.Method), selected, id, answer, violations);
        if (_recorder is not null && entity is not null && id is { } recordedId && !selected)
        {
            _recorder.Record(route.Model, recordedId, answer.Content!, arrived); // a $select answer is not the whole entity
        }

        Checked(context, operation, violations);
        await WriteAsync(context, answer, violations.Count);
    }

    private void Checked(HttpContext context, OperationContract operation, List<ContractViolation> violations)
    {
        JournalExchange.Checked(context, violations);
        _mock.Violations.Add(operation.Name, violations);
    }

    /// <summary>The tenant's answer, unchanged but for the hop-by-hop headers (left out already) and the count.</summary>
    private static async Task WriteAsync(HttpContext context, TenantAnswer answer, int violations)
    {
        var response = context.Response;
        response.StatusCode = answer.Status;
        if (answer.Reason is { } reason && context.Features.Get<IHttpResponseFeature>() is { } feature)
        {
            feature.ReasonPhrase = reason;
        }

        var headers = response.Headers;
        foreach (var (name, values) in answer.Headers)
        {
            if (!name.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase) || CanHaveLength(answer.Status))
            {
                headers[name] = values;
            }
        }

        headers[CountHeader] = violations.ToString(CultureInfo.InvariantCulture);
        if (answer.Body.Length > 0 && CanHaveLength(answer.Status))
        {
            response.ContentLength = answer.Body.Length; // the tenant's own, or the length of what it sent in chunks
        }

        JournalExchange.Answering(context, JournalBody.Of(answer.Content ?? answer.Body));
        if (answer.Body.Length > 0 && !HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(answer.Body, context.RequestAborted);
        }
    }

    private static bool CanHaveLength(int status) => status is >= 200 and not 204;

    private static string Count(List<ContractViolation> violations) => violations.Count.ToString(CultureInfo.InvariantCulture);
}
