using System.Text.Json.Nodes;
using ContractHarness.Contracts.Validation;

namespace ContractHarness.Contracts.Generator.Compat;

/// <summary>
/// One alternative of a schema: its kind (<c>integer/int32</c>, <c>string</c>, <c>string/date-time</c>, <c>object</c>,
/// <c>array</c>, <c>any</c>...), the schema object that states it, the component it came from and the members of its
/// enumeration (JSON texts; null when the value is open).
/// </summary>
internal sealed record SchemaAlternative(string Kind, JsonObject Schema, string? Component, IReadOnlyList<string>? Members)
{
    public string BaseType => Kind.Split('/')[0];
}

/// <summary>
/// A schema reduced to what compatibility depends on: whether null is allowed and the alternatives a value may take,
/// with <c>$ref</c>s followed, <c>anyOf</c>/<c>oneOf</c>/<c>allOf</c> branches flattened and the generator's
/// nullable reference (<c>anyOf: [{$ref}, {nullable: true, enum: [null]}]</c>) read as a nullable reference.
/// </summary>
internal sealed class SchemaView
{
    private SchemaView(bool nullable, List<SchemaAlternative> alternatives)
    {
        Nullable = nullable;
        Alternatives = alternatives;
    }

    public bool Nullable { get; }

    public IReadOnlyList<SchemaAlternative> Alternatives { get; }

    /// <summary>The kinds of the alternatives, for messages: <c>integer (int32) | string</c>.</summary>
    public string Describe() => Alternatives.Count == 0 ? "null" : string.Join(" | ", Alternatives.Select(a => Display(a.Kind)).Distinct());

    public static SchemaView Of(JsonNode? node, ApiDocument document)
    {
        var resolved = document.Resolve(node, out var component);
        if (resolved is not JsonObject schema)
        {
            // true, {} or a missing schema: any value
            return new SchemaView(false, [new SchemaAlternative("any", [], component, null)]);
        }

        var nullable = schema["nullable"] is JsonValue flag && flag.TryGetValue<bool>(out var isNullable) && isNullable;
        var alternatives = new List<SchemaAlternative>();
        var branches = new[] { "anyOf", "oneOf", "allOf" }.Select(k => schema[k]).OfType<JsonArray>().SelectMany(a => a).ToList();
        if (branches.Count > 0)
        {
            foreach (var branch in branches)
            {
                var view = Of(branch, document);
                nullable |= view.Nullable;
                alternatives.AddRange(view.Alternatives);
            }

            return new SchemaView(nullable, alternatives);
        }

        var members = (schema["enum"] as JsonArray)?.ToList();
        if (members is not null && members.Contains(null))
        {
            nullable = true;
            members.Remove(null);
            if (members.Count == 0)
            {
                return new SchemaView(true, []);
            }
        }

        var memberTexts = members?.Select(m => m!.ToJsonString()).ToList();
        foreach (var type in Types(schema, members))
        {
            if (type == "null")
            {
                nullable = true;
                continue;
            }

            alternatives.Add(new SchemaAlternative(Kind(type, schema), schema, component, memberTexts));
        }

        return new SchemaView(nullable, alternatives);
    }

    /// <summary>True when every value of kind <paramref name="narrower"/> is a value of kind <paramref name="wider"/>.</summary>
    public static bool Accepts(string wider, string narrower)
    {
        if (wider == narrower || wider == "any")
        {
            return true;
        }

        var (wideType, wideFormat) = Split(wider);
        var (narrowType, narrowFormat) = Split(narrower);
        return (wideType == narrowType && wideFormat is null) ||
            (wider == "integer/int64" && narrower == "integer/int32") ||
            (wideType == "number" && wideFormat is null or "double" && (narrowType == "integer" || narrower == "number/float"));
    }

    public static string Display(string kind) => Split(kind) is (var type, { } format) ? $"{type} ({format})" : kind;

    private static (string Type, string? Format) Split(string kind) => kind.IndexOf('/') is var slash and > 0 ? (kind[..slash], kind[(slash + 1)..]) : (kind, null);

    private static IEnumerable<string> Types(JsonObject schema, List<JsonNode?>? members)
    {
        switch (schema["type"])
        {
            case JsonValue one:
                return [one.ToString()];
            case JsonArray list:
                return list.Select(t => t?.ToString() ?? "null");
        }

        if (schema.ContainsKey("properties") || schema.ContainsKey("additionalProperties"))
        {
            return ["object"];
        }

        if (schema.ContainsKey("items"))
        {
            return ["array"];
        }

        // an enumeration without a type: the kinds of its members
        return members is { Count: > 0 } ? members.Select(m => m!.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => "string",
            System.Text.Json.JsonValueKind.Number => "number",
            System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "boolean",
            System.Text.Json.JsonValueKind.Array => "array",
            _ => "object",
        }).Distinct() : ["any"];
    }

    private static string Kind(string type, JsonObject schema)
    {
        var format = schema["format"]?.ToString();
        if (type == "string" && (format == "date-time" || schema["pattern"]?.ToString() == DateTimeRule.Pattern))
        {
            return "string/date-time";
        }

        return type is "string" or "integer" or "number" && format is { Length: > 0 } ? $"{type}/{format}" : type;
    }
}
