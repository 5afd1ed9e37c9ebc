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
/// PATCH and PUT over HTTP: read and parse the body and prepare what does not depend on the stored version (outside
/// any lock), then let <see cref="EntityChanges"/> make the
/// new version under the entity's lock and answer it, or the refusal it returns. Any failure on the way leaves the
/// stored entity exactly as it was.
/// Choices where the pages are silent:
/// <list type="bullet">
/// <item>a PATCH body is told apart by its shape (<see cref="PatchBody"/>);</item>
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
    public Task PatchAsync(HttpContext context, EntityRoute route, int id, SelectProjection? select, EntityStore world) =>
        AnswerAsync(context, route, id, select, PatchOutcomeAsync(context, route.Model, id, world));

    public Task PutAsync(HttpContext context, EntityRoute route, int id, SelectProjection? select, EntityStore world) =>
        AnswerAsync(context, route, id, select, PutOutcomeAsync(context, route.Model, id, world));

    /// <summary>What the PATCH did: the refusal of its body (before or after the 404) or the store's outcome; null for an unknown id.</summary>
    private async Task<ChangeOutcome?> PatchOutcomeAsync(HttpContext context, EntityModel model, int id, EntityStore world)
    {
        var (body, refused) = await RequestBody.ReadJsonAsync(context, mock.Options.MaxRequestBodyBytes);
        if (refused is not null)
        {
            return refused;
        }

        if (!world.TryFind(model, id, out var found))
        {
            return null;
        }

        refused = PatchBody.Read(body!, context.Request.ContentType, model, out var patch, out var merge);
        if (refused is not null)
        {
            return refused;
        }

        var since = PreconditionCheck.IfUnmodifiedSince(context.Request);
        var ifMatch = context.Request.Headers.IfMatch;
        var prepared = mock.Changes.Prepare(model, id, patch, merge); // before the lock: other updates of the entity need not wait for it
        return world.Update(model, id, found, current => mock.Changes.Patch(model, id, current, patch, merge, since, ifMatch, prepared));
    }

    /// <summary>What the PUT did: the refusal of its body or the store's outcome; null for an unknown id.</summary>
    private async Task<ChangeOutcome?> PutOutcomeAsync(HttpContext context, EntityModel model, int id, EntityStore world)
    {
        var (body, refused) = await RequestBody.ReadJsonAsync(context, mock.Options.MaxRequestBodyBytes);
        if (refused is not null)
        {
            return refused;
        }

        var node = body.AsSpan().Trim(" \t\r\n"u8).IsEmpty ? null : RequestBody.ParseJson(body!, out refused);
        if (node is not JsonObject entity)
        {
            return refused
                ?? (node is null
                    ? MockErrors.BadRequest("Entity to save is not in request body.", "Entity Missing")
                    : MockErrors.BadRequest($"The body must be a {model.Entity} object, but it is {JsonNodeNavigator.DescribeKind(node)}.", "Invalid Entity"));
        }

        var since = PreconditionCheck.IfUnmodifiedSince(context.Request);
        var ifMatch = context.Request.Headers.IfMatch;
        return world.Update(model, id, current => mock.Changes.Replace(model, id, current, entity, since, ifMatch));
    }

    /// <summary>
    /// The stored version, or the refusal's error answer, written as the error middleware would write it (without a
    /// throw). With a data folder the version is answered only once it is durable.
    /// </summary>
    private static async Task AnswerAsync(HttpContext context, EntityRoute route, int id, SelectProjection? select, Task<ChangeOutcome?> change)
    {
        var outcome = await change;
        if (outcome is not { } done)
        {
            await ErrorResponse.WriteAsync(context, EntityEndpoints.NotFound(route.Model, id));
            return;
        }

        if (done.Refusal is { } refusal)
        {
            await ErrorResponse.WriteAsync(context, refusal);
            return;
        }

        if (done.Committed is { } committed)
        {
            try
            {
                await committed;
            }
            catch (MockHttpException failed)
            {
                // The data folder could not store the version (CommitQueue faults the commit with its 503): the one
                // place a store failure becomes an answer.
                await ErrorResponse.WriteAsync(context, failed);
                return;
            }
        }

        await EntityResponse.WriteAsync(context, route.Links, id, done.Stored!, select);
    }
}
