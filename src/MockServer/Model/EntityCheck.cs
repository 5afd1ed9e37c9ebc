using System.Text.Json.Nodes;
using ContractHarness.Contracts.Validation;

namespace ContractHarness.MockServer.Model;

/// <summary>
/// The contract of an entity someone else wrote (a tenant's answer, a recorded file): every error its schema finds,
/// not the first few, and a primary key that names another id. Each is a <see cref="ContractViolation"/> whose path
/// is the value's JSON Pointer.
/// </summary>
internal static class EntityCheck
{
    /// <summary>The violations of <paramref name="entity"/> as entity <paramref name="id"/> of <paramref name="model"/>'s route.</summary>
    public static List<ContractViolation> Violations(EntityModel model, int? id, JsonNode? entity, string side)
    {
        var found = new List<ContractViolation>();
        AddSchemaErrors(found, model.Schema.Validate(entity), side, string.Empty);
        if (id is { } expected && entity is JsonObject obj && obj.TryGetPropertyValue(model.PrimaryKey, out var key)
            && !(key is JsonValue value && value.TryGetValue<int>(out var actual) && actual == expected))
        {
            found.Add(new ContractViolation(side, "/" + model.PrimaryKey,
                $"the {model.Resource} at id {expected} has {model.PrimaryKey} {key?.ToJsonString() ?? "null"}."));
        }

        return found;
    }

    /// <summary>
    /// Adds <paramref name="errors"/> as violations, each under <paramref name="prefix"/> (a JSON Pointer, empty for the
    /// document itself) and with the validator's text without the path it starts with (the violation carries the path).
    /// </summary>
    public static void AddSchemaErrors(List<ContractViolation> into, IReadOnlyList<SchemaError> errors, string side, string prefix)
    {
        foreach (var error in errors)
        {
            var path = error.Path == "/" ? (prefix.Length == 0 ? "/" : prefix) : prefix + error.Path;
            var message = error.Message.StartsWith(error.Path + ": ", StringComparison.Ordinal) ? error.Message[(error.Path.Length + 2)..] : error.Message;
            into.Add(new ContractViolation(side, path, message));
        }
    }
}
