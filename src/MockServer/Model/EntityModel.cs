using ContractHarness.Contracts.Catalog;
using ContractHarness.Contracts.Validation;

namespace ContractHarness.MockServer.Model;

/// <summary>
/// Everything the mock knows about one entity route, all of it taken from the catalog and the entity schema:
/// no entity has code of its own.
/// </summary>
internal sealed class EntityModel
{
    /// <summary>The carrier property that holds the entity's links, when the schema has it.</summary>
    public const string LinksProperty = "_Links";

    private readonly Lazy<IReadOnlyDictionary<string, byte[]>> _defaultValues;

    public EntityModel(IReadOnlyList<EndpointDefinition> endpoints, SchemaNode schema, string fixturePath)
    {
        var first = endpoints[0];
        Endpoints = endpoints;
        Entity = first.Entity;
        Resource = first.Resource;
        Route = first.Route;
        PrimaryKey = first.PrimaryKey;
        LastUpdateField = first.LastUpdateField;
        UpdatedByField = first.UpdatedByField is { } by && schema.TryGetProperty(by, out var byName, out _) ? byName : null;
        FixtureId = first.FixtureId;
        FixturePath = fixturePath;
        Schema = schema;
        HasLinks = schema.TryGetProperty(LinksProperty, out _, out _);
        var brace = Route.IndexOf('{', StringComparison.Ordinal);
        ItemPrefix = Route[..brace];
        CollectionPath = ItemPrefix.TrimEnd('/');
        _defaultValues = new(() => schema.Properties.ToDictionary(p => p.Key, p => EntityWriter.ValueBytes(SchemaDefaults.For(p.Value)), StringComparer.Ordinal));
    }

    /// <summary>Each top-level property's <see cref="SchemaDefaults">default</see> as JSON bytes, written once per route (on first use, off the start-up path).</summary>
    public IReadOnlyDictionary<string, byte[]> DefaultValues => _defaultValues.Value;

    public IReadOnlyList<EndpointDefinition> Endpoints { get; }

    /// <summary>Entity (carrier) name, e.g. <c>ContactEntity</c>; also the schema name.</summary>
    public string Entity { get; }

    /// <summary>The route's collection segment, e.g. <c>Contact</c>.</summary>
    public string Resource { get; }

    /// <summary>The route template, e.g. <c>/api/v1/Contact/{id}</c>.</summary>
    public string Route { get; }

    /// <summary>The route up to the id, e.g. <c>/api/v1/Contact/</c>.</summary>
    public string ItemPrefix { get; }

    /// <summary>The collection path, e.g. <c>/api/v1/Contact</c> (the <c>Archive</c> link).</summary>
    public string CollectionPath { get; }

    public string PrimaryKey { get; }

    public string LastUpdateField { get; }

    /// <summary>The property naming who last updated the entity, or null when the entity has none.</summary>
    public string? UpdatedByField { get; }

    public int FixtureId { get; }

    public string FixturePath { get; }

    /// <summary>Where <see cref="FixturePath"/> is read from: the contract set's files, or the <c>--fixtures</c> folder.</summary>
    public ContractFiles FixtureFiles { get; init; } = ContractFiles.Folder(".");

    public SchemaNode Schema { get; }

    /// <summary>True when the schema has <c>_Links</c>, which the server fills with absolute <c>Self</c>/<c>Archive</c> URLs.</summary>
    public bool HasLinks { get; }

    /// <summary>The catalog operation answering <paramref name="method"/> on this route, if the catalog has one.</summary>
    public EndpointDefinition? EndpointFor(string method)
    {
        for (var i = 0; i < Endpoints.Count; i++)
        {
            if (string.Equals(Endpoints[i].Method, method, StringComparison.OrdinalIgnoreCase))
            {
                return Endpoints[i];
            }
        }

        return null;
    }

    public override string ToString() => Route;
}
