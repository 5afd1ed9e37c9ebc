using System.Text.Json.Nodes;
using System.Text.Json;
using ContractHarness.Contracts.Validation;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations;
using ContractHarness.MockServer.Patching;
using ContractHarness.MockServer.Store;
using Microsoft.Extensions.Primitives;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// PATCH and PUT: read and parse the body (outside any lock), then, under the entity's lock, check
/// <c>If-Match</c> or <c>If-Unmodified-Since</c>, apply the change to a private copy, bring it into shape, validate it against the
/// schema, stamp it and store it. Any failure on the way leaves the stored entity exactly as it was.
/// Choices where the pages are silent:
/// <list type="bullet">
/// <item>a PATCH body is told apart by its shape: an array is JSON Patch, an object is JSON Merge Patch, whatever the
/// JSON media type, except that <c>application/merge-patch+json</c> must carry an object and
/// <c>application/json-patch+json</c> an array (400 otherwise); an empty body, a scalar or <c>null</c> is a 400;</item>
/// <item>an unknown id is a 404 before the body is parsed; a malformed body on a known id is a 400;</item>
/// <item>the server sets the last-update stamp and <c>UpdatedBy</c> on every accepted update, whatever the body says
/// about them (a patch of those fields is accepted and overwritten); a patch of only <c>test</c> operations that
/// pass is an accepted update too;</item>
/// <item>PUT replaces the whole entity: properties missing from the body take their defaults and the id in the URL
/// wins over the body's.</item>
/// </list>
/// </summary>
internal sealed class EntityUpdates(MockContext mock)
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false, MaxDepth = StoredEntityJson.MaxDepth };

    public async Task PatchAsync(HttpContext context, EntityRoute route, int id, SelectProjection? select)
    {
        var model = route.Model;
        var body = await RequestBody.ReadJsonAsync(context, mock.Options.MaxRequestBodyBytes);
        if (!mock.Store.TryFind(model, id, out var found))
        {
            throw EntityEndpoints.NotFound(model, id);
        }

        var contentType = context.Request.ContentType;
        var node = body.Length == 0
            ? throw MockErrors.BadRequest("The request body is empty: send a JSON Patch array or a JSON Merge Patch object.", "Missing Patch")
            : Parse(body);
        JsonPatchDocument? patch = null;
        JsonObject? merge = null;
        switch (node)
        {
            case JsonArray when !RequestBody.IsMergePatch(contentType):
                patch = PatchErrors.Parse(node, model);
                break;
            case JsonObject obj when !RequestBody.IsJsonPatch(contentType):
                merge = obj;
                break;
            default:
                throw MockErrors.BadRequest(
                    $"The body is {JsonNodeNavigator.DescribeKind(node)}, which is not a JSON Patch array nor a JSON Merge Patch object{(contentType is null ? string.Empty : $" (Content-Type {contentType})")}.",
                    "Invalid Patch");
        }

        var since = PreconditionCheck.IfUnmodifiedSince(context.Request);
        var ifMatch = context.Request.Headers.IfMatch;
        var outcome = mock.Store.Update(model, id, found, current => Patch(model, id, current, patch, merge, since, ifMatch))
            ?? throw EntityEndpoints.NotFound(model, id);
        await AnswerAsync(context, route.Links, id, outcome, select);
    }

    /// <summary>
    /// What a PATCH (a JSON Patch or a merge patch) makes of the current version, under the entity's lock: the new
    /// version, or the refusal (412 for a stale <paramref name="since"/>, 409 for a failing <c>test</c>); a 400
    /// is thrown. Nothing is stored here.
    /// </summary>
    internal ChangeOutcome Patch(
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

        var members = touched is null ? EntityShape.Complete(patched, model) : EntityShape.WithDefaults(patched, model, touched);
        return Commit(model, id, current, members, checkKey: true);
    }

    public async Task PutAsync(HttpContext context, EntityRoute route, int id, SelectProjection? select)
    {
        var model = route.Model;
        var body = await RequestBody.ReadJsonAsync(context, mock.Options.MaxRequestBodyBytes);
        var node = body.AsSpan().Trim(" \t\r\n"u8).IsEmpty ? null : Parse(body);
        if (node is null)
        {
            throw MockErrors.BadRequest("Entity to save is not in request body.", "Entity Missing");
        }

        if (node is not JsonObject)
        {
            throw MockErrors.BadRequest($"The body must be a {model.Entity} object, but it is {JsonNodeNavigator.DescribeKind(node)}.", "Invalid Entity");
        }

        var since = PreconditionCheck.IfUnmodifiedSince(context.Request);
        var ifMatch = context.Request.Headers.IfMatch;
        var outcome = mock.Store.Update(model, id, current =>
        {
            if (Modified(model, id, current, since, ifMatch) is { } modified)
            {
                return modified;
            }

            var members = EntityShape.Complete(node.DeepClone(), model);
            members[model.PrimaryKey] = id; // the id in the URL wins
            return Commit(model, id, current, members, checkKey: false);
        }) ?? throw EntityEndpoints.NotFound(model, id);
        await AnswerAsync(context, route.Links, id, outcome, select);
    }

    /// <summary>
    /// The stored version, or the refusal's error answer, written as the error middleware would write it (without a
    /// throw). With a data folder the version is answered only once it is durable.
    /// </summary>
    private static Task AnswerAsync(HttpContext context, LinkWriter links, int id, ChangeOutcome outcome, SelectProjection? select) =>
        outcome.Refusal is { } refusal ? ErrorBody.WriteAsync(context, refusal)
        : outcome.Committed is { } committed ? AnswerWhenCommittedAsync(context, links, id, outcome.Stored!, select, committed)
        : EntityResponse.WriteAsync(context, links, id, outcome.Stored!, select);

    private static async Task AnswerWhenCommittedAsync(HttpContext context, LinkWriter links, int id, StoredEntity stored, SelectProjection? select, Task committed)
    {
        await committed;
        await EntityResponse.WriteAsync(context, links, id, stored, select);
    }

    private MockHttpException? Modified(EntityModel model, int id, StoredEntity current, DateTimeOffset? since, StringValues ifMatch) =>
        mock.Options.IgnorePreconditions ? null : PreconditionCheck.Modified(model, id, current, since, ifMatch);

    /// <summary>
    /// Validates the changed properties, checks the key, then sets the server's own values (the last-update stamp
    /// and the updated-by user, whatever the client sent for them) and writes the new version.
    /// </summary>
    private StoredEntity Commit(EntityModel model, int id, StoredEntity current, Dictionary<string, JsonNode?> changed, bool checkKey)
    {
        changed.Remove(model.LastUpdateField);
        var raw = new Dictionary<string, byte[]>(2, StringComparer.Ordinal);
        if (model.UpdatedByField is { } updatedBy)
        {
            changed.Remove(updatedBy);
            raw[updatedBy] = mock.Store.Seed.CurrentUser(model);
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
            throw MockErrors.BadRequest(
                $"The updated {model.Entity} does not match its schema: {string.Join(" ", errors.Take(5))}",
                $"Invalid {model.Entity}");
        }

        if (checkKey && changed.TryGetValue(model.PrimaryKey, out var key) && !(key is JsonValue v && v.TryGetValue<int>(out var keyValue) && keyValue == id))
        {
            throw MockErrors.BadRequest(
                $"The primary key {model.PrimaryKey} cannot be changed (it is {id}, the patch makes it {key?.ToJsonString() ?? "null"}).",
                "Primary Key Change Refused");
        }

        // The stamp is written as bytes and handed over as an instant: nothing formats it to parse it back.
        var stamp = EntityStamp.ToSeconds(mock.Time.GetUtcNow());
        raw[model.LastUpdateField] = EntityStamp.JsonUtf8(stamp);
        return EntityWriter.Merge(current, changed, raw, model, stamp);
    }

    private static JsonNode? Parse(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body, NodeOptions, StrictJson);
        }
        catch (JsonException e)
        {
            throw MockErrors.BadRequest($"The body is not valid JSON: {e.Message}", "Malformed JSON");
        }
    }
}
