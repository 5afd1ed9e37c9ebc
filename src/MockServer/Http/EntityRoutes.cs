using ContractHarness.Contracts.Catalog;
using ContractHarness.MockServer.Http.Admin;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// The route table, built from the catalog: every entity route answers GET (and HEAD) and PATCH, plus the
/// catalog's own methods (PUT for Relation). Paths match case-insensitively, as on the real server. No route may
/// reach into the admin prefix, which <see cref="MockPipeline"/> dispatches first.
/// </summary>
internal sealed class EntityRoutes
{
    private readonly Dictionary<string, EntityRoute> _byPrefix = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, EntityRoute>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Dictionary<EntityModel, EntityRoute> _byModel = [];

    /// <exception cref="InvalidDataException">A catalog route lies inside the admin prefix.</exception>
    public EntityRoutes(IReadOnlyList<EntityModel> models)
    {
        foreach (var model in models)
        {
            if (AdminEndpoints.Owns(model.Route))
            {
                throw new InvalidDataException($"Route '{model.Route}' is inside the reserved {AdminEndpoints.Prefix} prefix.");
            }

            var methods = new List<string> { HttpMethods.Get, HttpMethods.Head, HttpMethods.Patch };
            methods.AddRange(model.Endpoints.Select(e => e.Method.ToUpperInvariant()));
            var route = new EntityRoute(model, string.Join(", ", methods.Distinct(StringComparer.Ordinal)));
            _byPrefix.Add(model.ItemPrefix, route);
            _byModel.Add(model, route);
        }

        _lookup = _byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Finds the entity route of a path such as <c>/api/v1/Contact/66</c> and returns its id segment.</summary>
    public bool TryMatch(string path, out EntityRoute route, out ReadOnlySpan<char> id)
    {
        var slash = path.LastIndexOf('/');
        id = slash >= 0 ? path.AsSpan(slash + 1) : default;
        return _lookup.TryGetValue(path.AsSpan(0, slash + 1), out route!);
    }

    /// <summary>The <c>Allow</c> header value of a route, e.g. <c>GET, HEAD, PATCH, PUT</c>.</summary>
    public string AllowFor(EntityModel model) => _byModel[model].Allow;

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

/// <summary>An entity route as HTTP serves it: the model, the writer of its <c>_Links</c> and its <c>Allow</c> header.</summary>
internal sealed class EntityRoute(EntityModel model, string allow)
{
    public EntityModel Model { get; } = model;

    /// <summary>Writes this route's <c>_Links</c> for a request.</summary>
    public LinkWriter Links { get; } = new(model);

    /// <summary>The <c>Allow</c> header value, e.g. <c>GET, HEAD, PATCH, PUT</c>.</summary>
    public string Allow { get; } = allow;

    /// <summary>True when the route serves <paramref name="method"/> (any case): one of <see cref="Allow"/>.</summary>
    public bool Serves(string method) => Allow.Split(", ").Contains(method, StringComparer.OrdinalIgnoreCase);

    public override string ToString() => Model.Route;
}
