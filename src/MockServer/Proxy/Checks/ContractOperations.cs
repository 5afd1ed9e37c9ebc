using System.Globalization;
using System.Text.Json.Nodes;
using ContractHarness.Contracts.Catalog;
using ContractHarness.MockServer.Http;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Proxy.Checks;

/// <summary>
/// The contract of every method the proxy may see on every entity route, worked out once at start from the catalog
/// (operations, bodies, statuses, media types, authorization) and the OpenAPI document generated from it (the
/// headers each operation takes and each status carries). A contract set without an OpenAPI document is checked
/// without the header rules.
/// </summary>
internal sealed class ContractOperations
{
    private readonly Dictionary<(EntityModel Model, string Method), OperationContract> _byOperation = [];

    public ContractOperations(IReadOnlyList<EntityModel> models, ContractFiles files, string openApiFile)
    {
        var paths = files.Exists(openApiFile) ? (JsonNode.Parse(files.ReadAllBytes(openApiFile)) as JsonObject)?["paths"] as JsonObject : null;
        var documented = new DocumentedStatuses(models);
        foreach (var model in models)
        {
            var operations = paths?[model.Route] as JsonObject;
            var readTypes = model.Endpoints.SelectMany(e => e.ResponseContentTypes).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            foreach (var method in (string[])[HttpMethods.Get, HttpMethods.Head])
            {
                Add(model, method, documented, null, [], readTypes, operations?["get"] as JsonObject);
            }

            foreach (var endpoint in model.Endpoints)
            {
                Add(model, endpoint.Method.ToUpperInvariant(), documented, endpoint.RequestBody.Kind, endpoint.RequestBody.ContentTypes,
                    endpoint.ResponseContentTypes, operations?[endpoint.Method.ToLowerInvariant()] as JsonObject);
            }

            var known = string.Join(", ", _byOperation.Keys.Where(k => k.Model == model).Select(k => k.Method));
            _knownOn[model] = known;
            foreach (var key in _byOperation.Keys.Where(k => k.Model == model).ToList())
            {
                _byOperation[key] = _byOperation[key] with { KnownOnRoute = known };
            }
        }
    }

    private readonly Dictionary<EntityModel, string> _knownOn = [];

    /// <summary>
    /// The contract of <paramref name="method"/> on <paramref name="model"/>'s route; for a method the contract does not
    /// have, one with <see cref="OperationContract.Known"/> false (its body read as the mock would: a PATCH is a patch).
    /// </summary>
    public OperationContract For(EntityModel model, string method)
    {
        var upper = method.ToUpperInvariant();
        return _byOperation.TryGetValue((model, upper), out var known)
            ? known
            : new OperationContract(model, upper, false, EntityRoutes.BodyKindFor(model, upper), [], JsonTypes, JsonTypes, [], NoHeaders)
            {
                KnownOnRoute = _knownOn.GetValueOrDefault(model, string.Empty),
            };
    }

    private static readonly Dictionary<int, IReadOnlyList<string>> NoHeaders = [];

    private static readonly string[] JsonTypes = ["application/json"];

    private void Add(
        EntityModel model, string method, DocumentedStatuses documented, RequestBodyKind? body, IReadOnlyList<string> requestTypes,
        IReadOnlyList<string> responseTypes, JsonObject? operation)
    {
        if (documented.For(model, method) is not { } statuses)
        {
            return;
        }

        var requestHeaders = (operation?["parameters"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(p => (string?)p["in"] == "header" && p["name"] is JsonValue)
            .Select(p => (string)p["name"]!)
            .ToArray();
        var responseHeaders = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var (status, answer) in operation?["responses"] as JsonObject ?? [])
        {
            if (int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && answer?["headers"] is JsonObject headers)
            {
                responseHeaders[code] = [.. headers.Select(h => h.Key)];
            }
        }

        _byOperation[(model, method)] = new OperationContract(model, method, true, body, statuses, requestTypes, responseTypes, requestHeaders, responseHeaders);
    }
}
