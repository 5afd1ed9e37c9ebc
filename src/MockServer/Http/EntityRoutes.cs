using ContractHarness.Contracts.Catalog;
using ContractHarness.MockServer.Store;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// The route table, built from the catalog: every entity route answers GET (and HEAD) and PATCH, plus the
/// catalog's own methods (PUT for Relation). Paths match case-insensitively, as on the real server.
/// </summary>
internal sealed class EntityRoutes
{
    private readonly Dictionary<string, EntityModel> _byPrefix = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, EntityModel>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Dictionary<EntityModel, string> _allow = [];

    public EntityRoutes(IReadOnlyList<EntityModel> models)
    {
        foreach (var model in models)
        {
            _byPrefix.Add(model.ItemPrefix, model);
            var methods = new List<string> { HttpMethods.Get, HttpMethods.Head, HttpMethods.Patch };
            methods.AddRange(model.Endpoints.Select(e => e.Method.ToUpperInvariant()));
            _allow[model] = string.Join(", ", methods.Distinct(StringComparer.Ordinal));
        }

        _lookup = _byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Finds the entity route of a path such as <c>/api/v1/Contact/66</c> and returns its id segment.</summary>
    public bool TryMatch(string path, out EntityModel model, out ReadOnlySpan<char> id)
    {
        var slash = path.LastIndexOf('/');
        id = slash >= 0 ? path.AsSpan(slash + 1) : default;
        return _lookup.TryGetValue(path.AsSpan(0, slash + 1), out model!);
    }

    /// <summary>The <c>Allow</c> header value of a route, e.g. <c>GET, HEAD, PATCH, PUT</c>.</summary>
    public string AllowFor(EntityModel model) => _allow[model];

    /// <summary>What the body of <paramref name="method"/> holds on this route, or null when the method is not served.</summary>
    public static RequestBodyKind? BodyKindFor(EntityModel model, string method)
    {
        if (model.EndpointFor(method) is { } endpoint)
        {
            return endpoint.RequestBody.Kind;
        }

        return HttpMethods.IsPatch(method) ? RequestBodyKind.Patch : null;
    }
}
