using System.Runtime.InteropServices;
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
    /// <summary>
    /// What a PATCH can do before the lock (<see cref="PreparedPatch"/>): null when it needs the stored version.
    /// Runs outside the lock, so the entity's other updates do not wait for the parse, validation and serialization.
    /// </summary>
    public PreparedPatch? Prepare(EntityModel model, int id, JsonPatchDocument? patch, JsonObject? merge) =>
        PreparedPatch.Prepare(model, id, patch, merge);

    /// <summary>
    /// A PATCH: a JSON Patch (<paramref name="patch"/>) or a merge patch (<paramref name="merge"/>), from its
    /// <paramref name="prepared"/> form when there is one and the stored version has what it needs.
    /// </summary>
    public ChangeOutcome Patch(
        EntityModel model, int id, StoredEntity current, JsonPatchDocument? patch, JsonObject? merge, DateTimeOffset? since, StringValues ifMatch = default,
        PreparedPatch? prepared = null)
    {
        if (Modified(model, id, current, since, ifMatch) is { } modified)
        {
            return modified;
        }

        if (prepared is not null && prepared.Fits(current))
        {
            return prepared.Refusal is { } refusal ? refusal : Write(model, current, NoChanges, prepared.Values!);
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

    private static readonly Dictionary<string, JsonNode?> NoChanges = new(0);

    /// <summary>
    /// Drops what the client sent for the server's own values (the last-update stamp, the updated-by user), brings
    /// dates to UTC, validates the changed properties and checks the key: the 400 that refuses them, or null.
    /// </summary>
    internal static MockHttpException? Check(EntityModel model, int id, Dictionary<string, JsonNode?> changed, bool checkKey)
    {
        changed.Remove(model.LastUpdateField);
        if (model.UpdatedByField is { } updatedBy)
        {
            changed.Remove(updatedBy);
        }

        List<SchemaError>? errors = null;
        foreach (var name in changed.Keys)
        {
            model.Schema.TryGetProperty(name, out _, out var schema);
            ref var value = ref CollectionsMarshal.GetValueRefOrNullRef(changed, name); // a value set in place: the keys stay as they are
            value = DateTimeRule.Normalize(schema, value); // an offset becomes UTC without one
            if (schema.Validate(value, name) is { Count: > 0 } found)
            {
                (errors ??= []).AddRange(found);
            }
        }

        if (errors is not null)
        {
            return MockErrors.SchemaRefused(model.Entity, errors);
        }

        if (checkKey && changed.TryGetValue(model.PrimaryKey, out var key) && !(key is JsonValue v && v.TryGetValue<int>(out var keyValue) && keyValue == id))
        {
            return MockErrors.BadRequest(
                $"The primary key {model.PrimaryKey} cannot be changed (it is {id}, the patch makes it {key?.ToJsonString() ?? "null"}).",
                "Primary Key Change Refused");
        }

        return null;
    }

    /// <summary>The path under the lock: check the changed properties, then write them over the stored bytes.</summary>
    private ChangeOutcome Commit(EntityModel model, int id, StoredEntity current, Dictionary<string, JsonNode?> changed, bool checkKey) =>
        Check(model, id, changed, checkKey) is { } refused ? refused : Write(model, current, changed, []);

    /// <summary>
    /// The new version: <paramref name="changed"/> (checked) and <paramref name="values"/> (ready bytes) over the stored
    /// bytes, with the server's own values set (the updated-by user and the last-update stamp, after <paramref name="values"/>).
    /// </summary>
    private ChangeOutcome Write(EntityModel model, StoredEntity current, Dictionary<string, JsonNode?> changed, ReadOnlySpan<MemberValue> values)
    {
        var raw = new MemberValue[values.Length + 2];
        values.CopyTo(raw);
        var count = values.Length;
        if (model.UpdatedByField is { } updatedBy)
        {
            raw[count++] = new MemberValue(updatedBy, seed.CurrentUser(model));
        }

        // The stamp is written as bytes and handed over as an instant: nothing formats it to parse it back.
        var stamp = EntityStamp.ToSeconds(time.GetUtcNow());
        raw[count++] = new MemberValue(model.LastUpdateField, EntityStamp.JsonUtf8(stamp));
        return EntityWriter.Merge(current, changed, raw.AsSpan(0, count), model, stamp);
    }
}
