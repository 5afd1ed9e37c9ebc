using System.Text.Json.Nodes;
using ContractHarness.Contracts.Validation;

namespace ContractHarness.Contracts.Generator.Schemas;

/// <summary>The type words of the entity tables and the JSON Schema each one maps to.</summary>
internal static class TableTypes
{
    private static readonly HashSet<string> Primitives = new(StringComparer.OrdinalIgnoreCase)
    {
        "int32", "int64", "integer", "string", "date-time", "datetime", "bool", "boolean",
        "array", "object", "double", "decimal", "float", "number",
    };

    public static bool IsPrimitive(string type) => Primitives.Contains(type);

    public static bool IsMap(string type) => type.Equals("object", StringComparison.OrdinalIgnoreCase);

    public static bool IsArray(string type) => type.Equals("array", StringComparison.OrdinalIgnoreCase);

    /// <summary>The schema of a scalar type word, or null for array/object/carrier types.</summary>
    public static JsonObject? Scalar(string type) => type.ToLowerInvariant() switch
    {
        "int32" => new JsonObject { ["type"] = "integer", ["format"] = "int32" },
        "int64" or "integer" => new JsonObject { ["type"] = "integer", ["format"] = "int64" },
        "double" or "decimal" or "float" or "number" => new JsonObject { ["type"] = "number", ["format"] = "double" },
        "bool" or "boolean" => new JsonObject { ["type"] = "boolean" },
        "date-time" or "datetime" => DateTimeRule.Schema(),
        "string" => new JsonObject { ["type"] = new JsonArray("string", "null") },
        _ => null,
    };
}
