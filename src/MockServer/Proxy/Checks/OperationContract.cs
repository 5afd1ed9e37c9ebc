using ContractHarness.Contracts.Catalog;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Proxy.Checks;

/// <summary>
/// What the contract says about one method on one entity route, as the proxy checks it: whether the contract has the
/// operation at all, its body, its statuses, the media types and headers it names, and how a request authorizes.
/// </summary>
internal sealed record OperationContract(
    EntityModel Model,
    string Method,
    bool Known,
    RequestBodyKind? BodyKind,
    IReadOnlyList<int> Statuses,
    IReadOnlyList<string> RequestContentTypes,
    IReadOnlyList<string> ResponseContentTypes,
    IReadOnlyList<string> RequestHeaders,
    IReadOnlyDictionary<int, IReadOnlyList<string>> ResponseHeaders)
{
    /// <summary>The operation's name as the journal and the summary show it, e.g. <c>PATCH Contact/{id}</c>.</summary>
    public string Name { get; } = $"{Method} {Model.Resource}/{{id}}";

    /// <summary>The <c>Authorization</c> schemes the route's pages list (<c>Basic</c>, <c>SoTicket</c>, <c>Bearer</c>).</summary>
    public string[] AuthorizationSchemes { get; } = [.. Model.Endpoints.SelectMany(e => e.AuthorizationSchemes).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The headers that may stand in for <c>Authorization</c> (<c>X-XSRF-TOKEN</c>).</summary>
    public string[] AlternativeAuthorizationHeaders { get; } = [.. Model.Endpoints.SelectMany(e => e.AlternativeAuthorizationHeaders).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The operations the contract has on the route, e.g. <c>GET, HEAD, PATCH</c> (set by <see cref="ContractOperations"/>).</summary>
    public string KnownOnRoute { get; init; } = string.Empty;
}
