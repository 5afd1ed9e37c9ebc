using ContractHarness.MockServer.Operations;
using ContractHarness.MockServer.Store;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// The answer <c>Prefer: code=NNN</c> asks for, instead of the operation, changing nothing: the error body for a
/// 4xx or 5xx, the current entity (with <c>$select</c>) for 200, a bare 304 with the current validators for 304.
/// A 200 or 304 about an entity that does not exist is that entity's 404: there is no current entity to show.
/// </summary>
internal static class ForcedAnswer
{
    public static Task WriteAsync(HttpContext context, EntityStore world, EntityRoute route, int id, SelectProjection? select, int status)
    {
        if (status >= 400)
        {
            return ErrorResponse.WriteAsync(context, FaultStep.Fault(status, $"Prefer: code={status} asked for this answer; nothing was changed."));
        }

        if (world.Get(route.Model, id) is not { } entity)
        {
            return ErrorResponse.WriteAsync(context, EntityEndpoints.NotFound(route.Model, id));
        }

        if (status == StatusCodes.Status200OK)
        {
            return EntityResponse.WriteAsync(context, route.Links, id, entity, select);
        }

        context.Response.StatusCode = status;
        EntityResponse.WriteValidators(context.Response, entity);
        return Task.CompletedTask;
    }
}
