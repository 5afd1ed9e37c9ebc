using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// The statuses each catalog operation documents, the lists the OpenAPI document is generated from: an update's
/// page statuses and server statuses, and the read statuses for GET and HEAD. What <c>Prefer: code=</c> may ask for.
/// </summary>
internal sealed class DocumentedStatuses
{
    private readonly Dictionary<(EntityModel, string), int[]> _byOperation = [];

    public DocumentedStatuses(IEnumerable<EntityModel> models)
    {
        foreach (var model in models)
        {
            var read = Sorted(model.Endpoints.SelectMany(e => e.ReadResponses.Select(r => r.Status)));
            _byOperation[(model, HttpMethods.Get)] = read;
            _byOperation[(model, HttpMethods.Head)] = read;
            foreach (var endpoint in model.Endpoints)
            {
                _byOperation[(model, endpoint.Method.ToUpperInvariant())] = Sorted(endpoint.Responses.Concat(endpoint.ServerResponses).Select(r => r.Status));
            }
        }
    }

    /// <summary>The documented statuses of <paramref name="method"/> on <paramref name="model"/>'s route, or null when the catalog has no such operation.</summary>
    public IReadOnlyList<int>? For(EntityModel model, string method) =>
        _byOperation.TryGetValue((model, method.ToUpperInvariant()), out var statuses) && statuses.Length > 0 ? statuses : null;

    private static int[] Sorted(IEnumerable<int> statuses) => [.. statuses.Distinct().Order()];
}
