using System.Text.Json.Nodes;
using ContractHarness.Contracts.Catalog;

namespace ContractHarness.TestSupport.Fuzz;

/// <summary>
/// One catalog operation as the fuzzer sees it: its route and the entity's properties grouped by schema type, read
/// from <c>contracts/endpoints.json</c> and the schemas, so a new entity in the catalog is fuzzed without code.
/// </summary>
internal sealed record FuzzTarget(
    EndpointDefinition Endpoint,
    IReadOnlyList<string> Strings,
    IReadOnlyList<string> Integers,
    IReadOnlyList<string> Booleans,
    IReadOnlyList<string> Dates,
    IReadOnlyList<string> Arrays,
    IReadOnlyList<string> Objects)
{
    /// <summary>The ids every generated data set holds (ids 1..100, see the mock's seeding).</summary>
    public const int IdCount = 100;

    public string Resource => Endpoint.Resource;

    /// <summary>The route with the id left off, e.g. <c>/api/v1/Contact/</c>.</summary>
    public string Prefix => Endpoint.Route.Replace("{id}", string.Empty, StringComparison.Ordinal);

    /// <summary>True for operations whose body is the whole entity (PUT Relation) rather than a patch.</summary>
    public bool TakesEntity => Endpoint.RequestBody.Kind == RequestBodyKind.Entity;

    /// <summary>Properties a client may write: every schema property but the key, the stamps and the links.</summary>
    public IEnumerable<string> Writable(IReadOnlyList<string> group) => group.Where(p =>
        p != Endpoint.PrimaryKey && p != Endpoint.LastUpdateField && p != Endpoint.UpdatedByField && p != "_Links");

    public static IReadOnlyList<FuzzTarget> Load(EndpointCatalog catalog) =>
        [.. catalog.Endpoints.Select(e => FromSchema(e, JsonNode.Parse(File.ReadAllText(catalog.PathOf(e.Schema)))!.AsObject()))];

    private static FuzzTarget FromSchema(EndpointDefinition endpoint, JsonObject schema)
    {
        var groups = new Dictionary<string, List<string>>();
        foreach (var (name, property) in schema["properties"]!.AsObject())
        {
            var group = Classify(property!.AsObject());
            (groups.TryGetValue(group, out var list) ? list : groups[group] = []).Add(name);
        }

        IReadOnlyList<string> Of(string group) => groups.TryGetValue(group, out var list) ? list : [];
        return new FuzzTarget(endpoint, Of("string"), Of("integer"), Of("boolean"), Of("date"), Of("array"), Of("object"));
    }

    private static string Classify(JsonObject property)
    {
        var types = property["type"] switch
        {
            JsonArray array => array.Select(t => t!.GetValue<string>()).ToArray(),
            JsonValue value => [value.GetValue<string>()],
            _ => [],
        };

        if (types.Contains("string"))
        {
            // Free text only: a closed set takes no invented value, and the contracts' one pattern is the date rule.
            return property["enum"] is not null ? "enum"
                : property["format"]?.GetValue<string>() == "date-time" || property["pattern"] is not null ? "date"
                : "string";
        }

        return types.FirstOrDefault(t => t is "integer" or "boolean" or "array") ?? "object";
    }
}
