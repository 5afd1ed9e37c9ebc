using System.Text.Json.Nodes;
using ContractHarness.Contracts.Validation;

namespace ContractHarness.MockServer.Model;

/// <summary>
/// The value a property of a fixed .NET carrier holds when nothing is set: null for nullable types, otherwise
/// the first member of an enumeration, 0, false, <c>"0001-01-01T00:00:00"</c>, <c>""</c>, <c>[]</c> or <c>{}</c> by type. A <c>remove</c>, a merge-patch
/// <c>null</c>, a property missing from a PUT body and a field left out by <c>$select</c> all reset to it.
/// </summary>
internal static class SchemaDefaults
{
    public static JsonNode? For(SchemaNode schema)
    {
        if (schema.AllowsNull)
        {
            return null;
        }

        var value = schema.ValueSchema;
        var types = value.Types;
        if (value.Enum is { Count: > 0 } members)
        {
            return members[0]?.DeepClone(); // the enumeration's zero value, listed first (Unknown, None, ...)
        }

        if ((types & SchemaTypes.Boolean) != 0)
        {
            return JsonValue.Create(false);
        }

        if ((types & (SchemaTypes.Integer | SchemaTypes.Number)) != 0)
        {
            return JsonValue.Create(0);
        }

        if ((types & SchemaTypes.String) != 0)
        {
            return JsonValue.Create(value.IsDateTime ? EntityStamp.NoDate : string.Empty);
        }

        return (types & SchemaTypes.Array) != 0 ? new JsonArray() : new JsonObject();
    }
}
