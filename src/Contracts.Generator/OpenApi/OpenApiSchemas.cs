using System.Text.Json.Nodes;

namespace ContractHarness.Contracts.Generator.OpenApi;

/// <summary>Rewrites the draft-07 contract schemas into OpenAPI 3.0 schema objects.</summary>
internal static class OpenApiSchemas
{
    public const string ComponentPrefix = "#/components/schemas/";

    /// <summary>
    /// Converts a schema: file <c>$ref</c>s point at components, <c>["x","null"]</c> types become <c>nullable: true</c>,
    /// a <c>oneOf</c>/<c>anyOf</c> with a null branch becomes an <c>anyOf</c> of its other branches and a schema of null
    /// alone, and <c>$schema</c>/<c>$id</c> are dropped.
    /// </summary>
    public static JsonNode Convert(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            return new JsonArray([.. array.Select(Convert)]);
        }

        if (node is not JsonObject schema)
        {
            return node?.DeepClone() ?? JsonValue.Create((string?)null)!;
        }

        var result = new JsonObject();
        foreach (var (key, value) in schema)
        {
            switch (key)
            {
                case "$schema" or "$id":
                    break;
                case "$ref":
                    result["$ref"] = ComponentPrefix + value!.GetValue<string>().Replace(".schema.json", string.Empty, StringComparison.Ordinal);
                    break;
                case "type" when value is JsonArray types:
                    var nonNull = types.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToList();
                    result["type"] = nonNull.Single();
                    if (nonNull.Count < types.Count)
                    {
                        result["nullable"] = true;
                    }

                    break;
                case "oneOf" or "anyOf" when value is JsonArray branches:
                    var kept = branches.Where(b => !IsNull(b)).Select(Convert).ToList();
                    if (kept.Count < branches.Count)
                    {
                        // OpenAPI 3.0 has no null type, and 'nullable' means nothing without a 'type' beside it (tools
                        // refuse it next to a bare reference): the null branch is kept as a schema of null alone.
                        result["anyOf"] = new JsonArray([.. kept, NullOnly()]);
                    }
                    else
                    {
                        result[key] = kept.Count == 1 ? new JsonArray(kept[0]) : new JsonArray([.. kept]);
                    }

                    break;
                case "properties" when value is JsonObject properties:
                    var converted = new JsonObject();
                    foreach (var (name, property) in properties)
                    {
                        converted[name] = Convert(property);
                    }

                    result["properties"] = converted;
                    break;
                case "items" or "additionalProperties" when value is JsonObject:
                    result[key] = Convert(value);
                    break;
                default:
                    result[key] = value?.DeepClone();
                    break;
            }
        }

        return result;
    }

    /// <summary>A schema only <c>null</c> matches, in OpenAPI 3.0 terms.</summary>
    private static JsonObject NullOnly() => new() { ["type"] = "object", ["nullable"] = true, ["enum"] = new JsonArray((JsonNode?)null) };

    private static bool IsNull(JsonNode? branch) =>
        branch is JsonObject o && o.Count == 1 && o["type"] is JsonValue v && v.GetValue<string>() == "null";
}
