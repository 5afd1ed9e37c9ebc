using System.Text.Json.Nodes;
using ContractHarness.Contracts.Validation;
using ContractHarness.MockServer.Errors;
using ContractHarness.MockServer.Patching;

namespace ContractHarness.MockServer.Store;

/// <summary>
/// Brings a patched or PUT entity into the carrier's shape before validation: property names take the schema's
/// spelling (matched case-insensitively, also inside nested carriers), every missing property gets its
/// <see cref="SchemaDefaults">default</see>, and the properties follow schema order. A top-level name the
/// schema does not have is refused (the entity schemas have <c>additionalProperties: false</c>).
/// </summary>
internal static class EntityShape
{
    public static JsonObject Normalize(JsonNode? document, EntityModel model)
    {
        if (document is not JsonObject entity)
        {
            throw MockErrors.BadRequest($"The updated {model.Entity} must be a JSON object, but it is {JsonNodeNavigator.DescribeKind(document)}.", $"Invalid {model.Entity}");
        }

        var schema = model.Schema;
        var members = entity.ToList();
        entity.Clear(); // detaches the values so they can move into the shaped object
        var byName = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, value) in members)
        {
            if (!schema.TryGetProperty(name, out var canonical, out var propertySchema))
            {
                throw MockErrors.BadRequest($"{model.Entity} has no property '{name}'.", "Unknown Property");
            }

            if (!byName.TryAdd(canonical, value))
            {
                throw MockErrors.BadRequest($"The property '{canonical}' of {model.Entity} is given more than once.", "Duplicate Property");
            }

            Canonicalize(value, propertySchema);
        }

        var shaped = new JsonObject();
        foreach (var (name, propertySchema) in schema.Properties)
        {
            shaped[name] = byName.TryGetValue(name, out var value) ? value : SchemaDefaults.For(propertySchema);
        }

        return shaped;
    }

    /// <summary>Renames members of nested carriers to the schema's spelling where the schema declares them.</summary>
    private static void Canonicalize(JsonNode? value, SchemaNode schema)
    {
        var valueSchema = schema.ValueSchema;
        switch (value)
        {
            case JsonObject obj when valueSchema.Properties.Count > 0:
                for (var i = 0; i < obj.Count; i++)
                {
                    var (name, member) = obj.GetAt(i);
                    if (valueSchema.TryGetProperty(name, out var canonical, out var memberSchema))
                    {
                        if (!string.Equals(canonical, name, StringComparison.Ordinal) && !obj.ContainsKey(canonical))
                        {
                            obj.SetAt(i, null); // detach before re-adding under the schema's spelling
                            obj.SetAt(i, canonical, member);
                        }

                        Canonicalize(member, memberSchema);
                    }
                }

                break;
            case JsonObject map when valueSchema.AdditionalProperties is { } mapValues:
                foreach (var (_, member) in map)
                {
                    Canonicalize(member, mapValues);
                }

                break;
            case JsonArray array when valueSchema.Items is { } items:
                foreach (var item in array)
                {
                    Canonicalize(item, items);
                }

                break;
        }
    }
}
