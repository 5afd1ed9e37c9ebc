using System.Text.Json.Nodes;
using ContractHarness.Contracts.Validation;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Patching;
using ContractHarness.MockServer.Store;
using ContractHarness.MockServer.Store.Seeding;
using Microsoft.Extensions.Primitives;

namespace ContractHarness.MockServer.Operations;

/// <summary>
/// What an update makes of the current version, under the entity's lock (<see cref="EntityStore.Update(EntityModel, int, EntityHandle, Func{StoredEntity, ChangeOutcome})"/>
/// runs it): check <c>If-Match</c> or <c>If-Unmodified-Since</c>, apply the change to a private copy, bring it into
/// shape, validate it against the schema, stamp it and write the new version. Every refusal is returned as a value
/// (412 for a stale precondition, 409 for a failing <c>test</c>, 400 for a change that does not fit the entity or its
/// schema), never thrown, so the routine refusals cost no exception; nothing is stored here.
/// </summary>
internal sealed class EntityChanges(SeedData seed, TimeProvider time, bool ignorePreconditions)
{
    /// <summary>A PATCH: a JSON Patch (<paramref name="patch"/>) or a merge patch (<paramref name="merge"/>).</summary>
    public ChangeOutcome Patch(
        EntityModel model, int id, StoredEntity current, JsonPatchDocument? patch, JsonObject? merge, DateTimeOffset? since, StringValues ifMatch = default)
    {
        if (Modified(model, id, current, since, ifMatch) is { } modified)
        {
            return modified;
        }

        var touched = PartialPatch.Touched(patch, merge, model);
        JsonObject document = touched is null ? current.ToJsonObject() : PartialPatch.Extract(current, touched);
        var changes = patch ?? MergePatch.ToJsonPatch(merge!, document);
        var patched = PatchErrors.TryApply(changes, document, model, out var refused);
        if (refused is not null)
        {
            return refused;
        }

        var members = touched is null ? EntityShape.Complete(patched, model, out refused) : EntityShape.WithDefaults(patched, model, touched, out refused);
        return members is null ? refused! : Commit(model, id, current, members, checkKey: true);
    }

    /// <summary>A PUT: the whole entity from <paramref name="body"/> (not changed here); the id in the URL wins over the body's.</summary>
    public ChangeOutcome Replace(EntityModel model, int id, StoredEntity current, JsonObject body, DateTimeOffset? since, StringValues ifMatch = default)
    {
        if (Modified(model, id, current, since, ifMatch) is { } modified)
        {
            return modified;
        }

        var members = EntityShape.Complete(body.DeepClone(), model, out var refused);
        if (members is null)
        {
            return refused!;
        }

        members[model.PrimaryKey] = id;
        return Commit(model, id, current, members, checkKey: false);
    }

    private MockHttpException? Modified(EntityModel model, int id, StoredEntity current, DateTimeOffset? since, StringValues ifMatch) =>
        ignorePreconditions ? null : PreconditionCheck.Modified(model, id, current, since, ifMatch);

    /// <summary>
    /// Validates the changed properties, checks the key, then sets the server's own values (the last-update stamp
    /// and the updated-by user, whatever the client sent for them) and writes the new version.
    /// </summary>
    private ChangeOutcome Commit(EntityModel model, int id, StoredEntity current, Dictionary<string, JsonNode?> changed, bool checkKey)
    {
        changed.Remove(model.LastUpdateField);
        var raw = new Dictionary<string, byte[]>(2, StringComparer.Ordinal);
        if (model.UpdatedByField is { } updatedBy)
        {
            changed.Remove(updatedBy);
            raw[updatedBy] = seed.CurrentUser(model);
        }

        var errors = new List<string>();
        foreach (var name in changed.Keys.ToArray())
        {
            model.Schema.TryGetProperty(name, out _, out var schema);
            var value = changed[name] = DateTimeRule.Normalize(schema, changed[name]); // an offset becomes UTC without one
            errors.AddRange(schema.Validate(value, name).Select(e => e.Message));
        }

        if (errors.Count > 0)
        {
            return MockErrors.BadRequest(
                $"The updated {model.Entity} does not match its schema: {string.Join(" ", errors.Take(5))}",
                $"Invalid {model.Entity}");
        }

        if (checkKey && changed.TryGetValue(model.PrimaryKey, out var key) && !(key is JsonValue v && v.TryGetValue<int>(out var keyValue) && keyValue == id))
        {
            return MockErrors.BadRequest(
                $"The primary key {model.PrimaryKey} cannot be changed (it is {id}, the patch makes it {key?.ToJsonString() ?? "null"}).",
                "Primary Key Change Refused");
        }

        // The stamp is written as bytes and handed over as an instant: nothing formats it to parse it back.
        var stamp = EntityStamp.ToSeconds(time.GetUtcNow());
        raw[model.LastUpdateField] = EntityStamp.JsonUtf8(stamp);
        return EntityWriter.Merge(current, changed, raw, model, stamp);
    }
}
