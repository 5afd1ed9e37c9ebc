using System.Text.Json.Nodes;
using ContractHarness.Contracts.Validation;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Patching;

namespace ContractHarness.MockServer.Proxy.Checks;

/// <summary>
/// An update's body against the patch rules and the entity's schema, without the entity (the tenant has it): every
/// operation is read on its own (a malformed one, <c>move</c> or <c>copy</c>, is a violation at its place in the
/// array, <c>/2</c>), its path must exist in the schema, its value must match the schema there (date-times may carry
/// an offset, as the mock converts them), and the primary key must stay the id of the URL. A merge patch is walked
/// member by member the same way; a PUT's entity property by property (missing properties take their defaults).
/// The patch reader's <see cref="JsonPatchException"/> stops here, one per malformed operation.
/// </summary>
internal static class PatchCheck
{
    public static void JsonPatch(EntityModel model, int? id, JsonArray operations, List<ContractViolation> into)
    {
        for (var i = 0; i < operations.Count; i++)
        {
            PatchOperation operation;
            try
            {
                operation = JsonPatchParser.ParseOperation(operations[i], i);
            }
            catch (JsonPatchException e)
            {
                into.Add(Violation("/" + i, e.Message));
                continue;
            }

            var label = $"operation {i} ({operation.OpName})";
            if (operation.Path.IsRoot)
            {
                if (operation.Op != PatchOperationType.Test)
                {
                    Entity(model, operation.Value, into, label + ": ");
                }

                continue;
            }

            var target = SchemaPath.Resolve(model.Schema, operation.Path, model.Entity);
            if (target.Problem is { } problem)
            {
                into.Add(Violation(target.Path, $"{label}: {problem}"));
                continue;
            }

            if (target.Path == "/" + model.PrimaryKey && operation.Op != PatchOperationType.Test)
            {
                Key(model, id, operation.Op == PatchOperationType.Remove ? null : operation.Value, into, label + ": ");
            }

            if (target.Schema is { } schema && operation.Op is PatchOperationType.Add or PatchOperationType.Replace)
            {
                Value(schema, operation.Value, target.Path, into, label + ": ");
            }
        }
    }

    /// <summary>A merge patch: each member (nested objects member by member) against the schema; <c>null</c> removes.</summary>
    public static void Merge(EntityModel model, int? id, JsonObject patch, List<ContractViolation> into)
    {
        if (patch.TryGetPropertyValue(model.PrimaryKey, out var key) || FindIgnoringCase(patch, model.PrimaryKey, out key))
        {
            Key(model, id, key, into, string.Empty);
        }

        Members(model.Schema, patch, string.Empty, model.Entity, into);
    }

    /// <summary>A whole entity (PUT, or a patch of the whole document): its properties against the schema.</summary>
    public static void Entity(EntityModel model, JsonNode? entity, List<ContractViolation> into, string label = "")
    {
        if (entity is not JsonObject members)
        {
            into.Add(Violation(ContractViolation.WholeBody, $"{label}the {model.Entity} must be a JSON object."));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in members)
        {
            if (!model.Schema.TryGetProperty(name, out var canonical, out var schema))
            {
                into.Add(Violation(SchemaPath.Append(new(), name).ToString(), $"{label}{model.Entity} has no property '{name}'."));
            }
            else if (!seen.Add(canonical))
            {
                into.Add(Violation("/" + canonical, $"{label}the property '{canonical}' is given more than once."));
            }
            else
            {
                Value(schema, value, "/" + canonical, into, label);
            }
        }
    }

    private static void Members(SchemaNode schema, JsonObject patch, string prefix, string owner, List<ContractViolation> into)
    {
        var node = schema.ValueSchema;
        foreach (var (name, value) in patch)
        {
            var path = SchemaPath.Append(new(prefix), name).ToString();
            SchemaNode member;
            if (node.Properties.Count > 0 && node.TryGetProperty(name, out var canonical, out var property))
            {
                (member, path) = (property, SchemaPath.Append(new(prefix), canonical).ToString());
            }
            else if (node.AdditionalProperties is { } values)
            {
                member = values;
            }
            else if (node.Properties.Count == 0 && node.AllowsAdditionalProperties)
            {
                continue; // free-form: nothing to check
            }
            else
            {
                into.Add(Violation(path, $"{owner} has no property '{name}'."));
                continue;
            }

            if (value is null)
            {
                continue; // removes the member, which takes its default
            }

            if (value is JsonObject nested && member.ValueSchema is { } target && (target.Properties.Count > 0 || target.AdditionalProperties is not null))
            {
                Members(member, nested, path, target.Title ?? $"the value at {path}", into);
            }
            else
            {
                Value(member, value, path, into, string.Empty);
            }
        }
    }

    /// <summary>A value against its schema, date-times with an offset first brought to the rule as the mock brings them.</summary>
    private static void Value(SchemaNode schema, JsonNode? value, string path, List<ContractViolation> into, string label)
    {
        var normalized = DateTimeRule.Normalize(schema, value?.DeepClone());
        var errors = schema.Validate(normalized);
        if (errors.Count == 0)
        {
            return;
        }

        var found = new List<ContractViolation>(errors.Count);
        EntityCheck.AddSchemaErrors(found, errors, ContractViolation.Request, path == "/" ? string.Empty : path);
        into.AddRange(found.Select(v => v with { Message = label + v.Message }));
    }

    private static void Key(EntityModel model, int? id, JsonNode? value, List<ContractViolation> into, string label)
    {
        if (id is { } expected && !(value is JsonValue v && v.TryGetValue<int>(out var key) && key == expected))
        {
            into.Add(Violation("/" + model.PrimaryKey,
                $"{label}the primary key {model.PrimaryKey} cannot change (it is {expected}, the body makes it {value?.ToJsonString() ?? "null"})."));
        }
    }

    private static bool FindIgnoringCase(JsonObject patch, string name, out JsonNode? value)
    {
        foreach (var (key, member) in patch)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = member;
                return true;
            }
        }

        value = null;
        return false;
    }

    private static ContractViolation Violation(string path, string message) => new(ContractViolation.Request, path, message);
}
