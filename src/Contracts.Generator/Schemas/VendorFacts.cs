using System.Text.Json.Nodes;
using ContractHarness.Contracts.Validation;

namespace ContractHarness.Contracts.Generator.Schemas;

/// <summary>
/// The hand-kept facts of <c>contracts/source/enums.json</c>, read from the vendor's own API description: the members
/// of enumerations the pages type only as <c>string</c>, and element types where a page's sample shows something
/// else (<c>TicketPriority.NonDates</c> holds words in the sample, date-times in the API). Keys are
/// <c>&lt;schema&gt;.&lt;property&gt;</c>; a key that names no schema or property stops the generator, so a fact
/// never silently stops applying.
/// </summary>
internal sealed class VendorFacts
{
    public const string FileName = "enums.json";

    private VendorFacts(Dictionary<string, string[]> enums, Dictionary<string, string> elements)
    {
        Enums = enums;
        Elements = elements;
    }

    /// <summary>Members by <c>Schema.Property</c>, in the vendor's order.</summary>
    public IReadOnlyDictionary<string, string[]> Enums { get; }

    /// <summary>Element types of arrays by <c>Schema.Property</c> (only <c>date-time</c> so far).</summary>
    public IReadOnlyDictionary<string, string> Elements { get; }

    public static VendorFacts None { get; } = new([], []);

    /// <summary>The facts in <paramref name="sourceDirectory"/>, or none when it has no <c>enums.json</c>.</summary>
    public static VendorFacts Read(string sourceDirectory)
    {
        var path = Path.Combine(sourceDirectory, FileName);
        if (!File.Exists(path))
        {
            return None;
        }

        var json = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new InvalidDataException($"{path}: expected a JSON object with 'enums' and 'elements'.");
        var enums = (json["enums"] as JsonObject ?? []).ToDictionary(
            p => p.Key,
            p => p.Value?["members"] is JsonArray members && members.Count > 0
                ? members.Select(m => m!.GetValue<string>()).ToArray()
                : throw new InvalidDataException($"{path}: enums.{p.Key} needs a non-empty 'members' array."),
            StringComparer.Ordinal);
        var elements = (json["elements"] as JsonObject ?? []).ToDictionary(
            p => p.Key,
            p => p.Value?["type"]?.GetValue<string>() is "date-time" ? "date-time"
                : throw new InvalidDataException($"{path}: elements.{p.Key} needs \"type\": \"date-time\" (the only element type supported)."),
            StringComparer.Ordinal);
        return new VendorFacts(enums, elements);
    }

    /// <summary>Turns the facts into <c>enum</c> and <c>items</c> in the schemas of <paramref name="set"/>.</summary>
    internal void ApplyTo(SchemaSet set)
    {
        foreach (var (key, members) in Enums)
        {
            var property = PropertyOf(set, key);
            var schema = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. members.Select(m => (JsonNode)m)]) };
            Replace(property, schema, "One of the members the vendor's API description lists (contracts/source/enums.json).");
        }

        foreach (var (key, _) in Elements)
        {
            var property = PropertyOf(set, key);
            Replace(property, new JsonObject { ["type"] = new JsonArray("array", "null"), ["items"] = DateTimeRule.Schema() },
                "Date-times, as the vendor's API description types the items (contracts/source/enums.json); the page's sample shows words here.");
        }
    }

    private static (JsonObject Properties, string Name) PropertyOf(SchemaSet set, string key)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        var (schemaName, name) = dot > 0 ? (key[..dot], key[(dot + 1)..]) : throw new InvalidDataException($"{FileName}: '{key}' is not '<schema>.<property>'.");
        var schema = set.Entities.FirstOrDefault(e => e.Name == schemaName)?.Schema
            ?? (set.Carriers.TryGetValue(schemaName, out var carrier) ? carrier : null)
            ?? throw new InvalidDataException($"{FileName}: '{key}' names no schema '{schemaName}'.");
        return schema["properties"] is JsonObject properties && properties.ContainsKey(name)
            ? (properties, name)
            : throw new InvalidDataException($"{FileName}: '{key}': schema '{schemaName}' has no property '{name}'.");
    }

    private static void Replace((JsonObject Properties, string Name) property, JsonObject schema, string why)
    {
        // the page's own description stays as it is; a property the pages do not describe says where its type comes from
        schema["description"] = property.Properties[property.Name]?["description"]?.GetValue<string>() ?? why;
        property.Properties[property.Name] = schema;
    }
}
