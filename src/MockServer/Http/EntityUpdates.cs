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
/// PATCH and PUT over HTTP: read and parse the body (outside any lock), then let <see cref="EntityChanges"/> make the
/// new version under the entity's lock and answer it, or the refusal it returns. Any failure on the way leaves the
/// stored entity exactly as it was.
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
                patch = PatchErrors.Parse(node, model, out var refused);
                if (refused is not null)
                {
                    await ErrorResponse.WriteAsync(context, refused);
                    return;
                }

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
        var outcome = mock.Store.Update(model, id, found, current => mock.Changes.Patch(model, id, current, patch, merge, since, ifMatch))
            ?? throw EntityEndpoints.NotFound(model, id);
        await AnswerAsync(context, route.Links, id, outcome, select);
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
        var entity = (JsonObject)node;
        var outcome = mock.Store.Update(model, id, current => mock.Changes.Replace(model, id, current, entity, since, ifMatch))
            ?? throw EntityEndpoints.NotFound(model, id);
        await AnswerAsync(context, route.Links, id, outcome, select);
    }

    /// <summary>
    /// The stored version, or the refusal's error answer, written as the error middleware would write it (without a
    /// throw). With a data folder the version is answered only once it is durable.
    /// </summary>
    private static Task AnswerAsync(HttpContext context, LinkWriter links, int id, ChangeOutcome outcome, SelectProjection? select) =>
        outcome.Refusal is { } refusal ? ErrorResponse.WriteAsync(context, refusal)
        : outcome.Committed is { } committed ? AnswerWhenCommittedAsync(context, links, id, outcome.Stored!, select, committed)
        : EntityResponse.WriteAsync(context, links, id, outcome.Stored!, select);

    private static async Task AnswerWhenCommittedAsync(HttpContext context, LinkWriter links, int id, StoredEntity stored, SelectProjection? select, Task committed)
    {
        await committed;
        await EntityResponse.WriteAsync(context, links, id, stored, select);
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
