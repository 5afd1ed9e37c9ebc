using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations.Coverage;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// The statuses each catalog operation documents, the lists the OpenAPI document is generated from: an update's
/// page statuses and server statuses, and the read statuses for GET and HEAD (<see cref="CatalogOperations"/>).
/// What <c>Prefer: code=</c> may ask for.
/// </summary>
internal sealed class DocumentedStatuses(IEnumerable<EntityModel> models)
{
    private readonly CatalogOperations _operations = CatalogOperations.From(models);

    /// <summary>The documented statuses of <paramref name="method"/> on <paramref name="model"/>'s route, or null when the catalog has no such operation.</summary>
    public IReadOnlyList<int>? For(EntityModel model, string method) =>
        _operations.IndexOf(model, method) is >= 0 and var index && _operations.All[index].Statuses is { Length: > 0 } statuses ? statuses : null;
}
