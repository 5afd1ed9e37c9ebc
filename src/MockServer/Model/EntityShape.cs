using System.Text.Json.Nodes;
using ContractHarness.Contracts.Validation;
using ContractHarness.MockServer.Patching;

namespace ContractHarness.MockServer.Model;

/// <summary>
/// Brings a patched or PUT entity into the carrier's shape before validation: property names take the schema's
/// spelling (matched case-insensitively, also inside nested carriers) and every missing or removed property gets
/// its <see cref="SchemaDefaults">default</see>. A top-level name the schema does not have is refused (the entity
/// schemas have <c>additionalProperties: false</c>). A refusal is returned (null members and a 400), not thrown: it
/// happens under the entity's lock, where every refusal is a value.
/// </summary>
internal static class EntityShape
{
    /// <summary>A whole entity (PUT, or a patch of the whole document): every schema property, missing ones at their default.</summary>
    public static Dictionary<string, JsonNode?>? Complete(JsonNode? document, EntityModel model, out MockHttpException? refused) =>
        WithDefaults(document, model, model.Schema.Properties.Select(p => p.Key), out refused);

    /// <summary>
    /// The touched properties of a partial patch: the members of <paramref name="document"/>, and a default for each
    /// of <paramref name="touched"/> that the patch removed.
    /// </summary>
    public static Dictionary<string, JsonNode?>? WithDefaults(JsonNode? document, EntityModel model, IEnumerable<string> touched, out MockHttpException? refused)
    {
        if (document is not JsonObject entity)
        {
            refused = MockErrors.BadRequest($"The updated {model.Entity} must be a JSON object, but it is {JsonNodeNavigator.DescribeKind(document)}.", $"Invalid {model.Entity}");
            return null;
        }

        var byName = Members(entity, model, out refused);
        return byName is null ? null : AddDefaults(byName, model, touched);
    }

    /// <summary>
    /// The touched properties of a partial patch given as members already under the schema's names, each once
    /// (<see cref="Operations.PreparedPatch"/> names them): nested carriers take the schema's spelling, and each of
    /// <paramref name="touched"/> that is not among them gets its default.
    /// </summary>
    public static Dictionary<string, JsonNode?> WithDefaults(Dictionary<string, JsonNode?> byName, EntityModel model, IEnumerable<string> touched)
    {
        foreach (var (name, value) in byName)
        {
            if (value is not (null or JsonValue) && model.Schema.TryGetProperty(name, out _, out var propertySchema))
            {
                Canonicalize(value, propertySchema);
            }
        }

        return AddDefaults(byName, model, touched);
    }

    private static Dictionary<string, JsonNode?> AddDefaults(Dictionary<string, JsonNode?> byName, EntityModel model, IEnumerable<string> touched)
    {
        foreach (var name in touched)
        {
            if (!byName.ContainsKey(name) && model.Schema.TryGetProperty(name, out var canonical, out var propertySchema))
            {
                byName[canonical] = SchemaDefaults.For(propertySchema);
            }
        }

        return byName;
    }

    /// <summary>
    /// Detaches the members of <paramref name="entity"/> and returns them under the schema's spelling, nested
    /// carriers included; a name the schema does not have, or one given twice, is a 400 (returned in <paramref name="refused"/>).
    /// </summary>
    public static Dictionary<string, JsonNode?>? Members(JsonObject entity, EntityModel model, out MockHttpException? refused)
    {
        refused = null;
        var members = entity.ToList();
        entity.Clear(); // detaches the values so they can move into another object
        var byName = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, value) in members)
        {
            if (!model.Schema.TryGetProperty(name, out var canonical, out var propertySchema))
            {
                refused = MockErrors.BadRequest($"{model.Entity} has no property '{name}'.", "Unknown Property");
                return null;
            }

            if (!byName.TryAdd(canonical, value))
            {
                refused = MockErrors.BadRequest($"The property '{canonical}' of {model.Entity} is given more than once.", "Duplicate Property");
                return null;
            }

            Canonicalize(value, propertySchema);
        }

        return byName;
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
