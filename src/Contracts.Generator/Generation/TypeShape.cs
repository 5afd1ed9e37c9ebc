using System.Text.Json.Nodes;
using ContractHarness.Contracts.Validation;

namespace ContractHarness.Contracts.Generator;

/// <summary>
/// What a property's schema says, reduced to what both sides of a drift report can state: the JSON kind
/// (<c>integer</c>, <c>number</c>, <c>boolean</c>, <c>string</c>, <c>date-time</c>, <c>object</c>, <c>array</c>,
/// or <c>any</c>), the carrier it names, the element shape of an array and the members of an enumeration.
/// Nullability is left out: the vendor's description states none (no <c>x-nullable</c> anywhere).
/// </summary>
internal sealed record TypeShape(string Kind, string? Carrier = null, TypeShape? Items = null, IReadOnlyList<string>? Members = null)
{
    public static readonly TypeShape Any = new("any");

    public override string ToString() => Kind switch
    {
        "array" => $"array of {Items ?? Any}",
        _ when Carrier is not null => Carrier,
        _ => Kind,
    };

    /// <summary>True when a value of one shape can be a value of the other (carriers and maps are both objects).</summary>
    public bool Agrees(TypeShape other) =>
        Kind == "any" || other.Kind == "any" ||
        Kind == other.Kind && (Kind != "array" || (Items ?? Any).Agrees(other.Items ?? Any));

    /// <summary>
    /// The shapes a schema object allows (one per <c>oneOf</c>/<c>anyOf</c> branch or listed type, null left out);
    /// <paramref name="refName"/> turns a <c>$ref</c> into a carrier name (<c>Associate.schema.json</c>,
    /// <c>#/definitions/X</c> or <c>#/components/schemas/X</c>).
    /// </summary>
    public static List<TypeShape> Of(JsonNode? node, Func<string, string> refName)
    {
        if (node is not JsonObject schema)
        {
            return [Any];
        }

        if (schema["$ref"]?.GetValue<string>() is { } target)
        {
            return [new TypeShape("object", refName(target))];
        }

        if ((schema["oneOf"] ?? schema["anyOf"] ?? schema["allOf"]) is JsonArray branches)
        {
            var shapes = branches.Where(b => !IsNull(b)).SelectMany(b => Of(b, refName)).ToList();
            return shapes.Count > 0 ? shapes : [Any];
        }

        var types = schema["type"] switch
        {
            JsonArray list => list.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToList(),
            JsonValue one => [one.GetValue<string>()],
            _ => [],
        };
        if (types.Count == 0)
        {
            return [schema.ContainsKey("properties") || schema.ContainsKey("additionalProperties") ? new TypeShape("object") : Any];
        }

        return [.. types.Select(type => type switch
        {
            "array" => new TypeShape("array", Items: Of(schema["items"], refName)[0]),
            "string" when schema["format"]?.GetValue<string>() == "date-time" || schema["pattern"]?.GetValue<string>() == DateTimeRule.Pattern => new TypeShape("date-time"),
            "string" => new TypeShape("string", Members: (schema["enum"] as JsonArray)?.Select(m => m?.GetValue<string>() ?? "null").ToList()),
            _ => new TypeShape(type),
        })];
    }

    private static bool IsNull(JsonNode? branch) => branch is JsonObject o && o["type"] is JsonValue v && v.GetValue<string>() == "null";
}
