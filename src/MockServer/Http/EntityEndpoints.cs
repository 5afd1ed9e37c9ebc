using System.Globalization;
using ContractHarness.Contracts.Catalog;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations;
using ContractHarness.MockServer.Store;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// The one request handler of every entity route: method (405 with <c>Allow</c>), authorization, id (400 when it is
/// not an int32), then GET or the update the catalog declares for the method, or, when <see cref="FaultStep"/> hands
/// on a <c>Prefer: code=</c>, the <see cref="ForcedAnswer"/> instead; all of it in the world the request is in (the
/// default world's store, or its session's, <see cref="SessionStep"/>).
/// </summary>
internal sealed class EntityEndpoints(MockContext mock)
{
    private readonly EntityUpdates _updates = new(mock);

    public Task HandleAsync(HttpContext context, EntityRoute route, ReadOnlySpan<char> idText, EntityStore world, int forcedStatus = 0)
    {
        var model = route.Model;
        var request = context.Request;
        var method = request.Method;
        var isRead = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        var bodyKind = isRead ? null : EntityRoutes.BodyKindFor(model, method);
        if (HttpMethods.IsOptions(method))
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            context.Response.Headers.Allow = route.Allow;
            return Task.CompletedTask;
        }

        var refused = !isRead && bodyKind is null ? MockErrors.MethodNotAllowed(method, request.Path, route.Allow)
            : mock.Options.RequireAuth ? AuthCheck.Check(request, model)
            : null;
        var id = 0;
        if (refused is null && !int.TryParse(idText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out id))
        {
            refused = MockErrors.BadRequest($"The id '{idText}' is not a valid int32.", "Invalid Id");
        }

        SelectProjection? select = null;
        if (refused is null && request.QueryString.HasValue)
        {
            select = SelectProjection.Parse(request.Query[SelectProjection.QueryName], model, out refused);
        }

        if (refused is not null)
        {
            return ErrorResponse.WriteAsync(context, refused);
        }

        if (forcedStatus != 0)
        {
            return ForcedAnswer.WriteAsync(context, world, route, id, select, forcedStatus);
        }

        return bodyKind switch
        {
            null => GetAsync(context, route, id, select, world),
            RequestBodyKind.Patch => _updates.PatchAsync(context, route, id, select, world),
            _ => _updates.PutAsync(context, route, id, select, world),
        };
    }

    private static Task GetAsync(HttpContext context, EntityRoute route, int id, SelectProjection? select, EntityStore world)
    {
        var model = route.Model;
        if (world.Get(model, id) is not { } entity)
        {
            return ErrorResponse.WriteAsync(context, NotFound(model, id));
        }

        if (PreconditionCheck.IsNotModified(context.Request, entity))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            EntityResponse.WriteValidators(context.Response, entity);
            return Task.CompletedTask;
        }

        return EntityResponse.WriteAsync(context, route.Links, id, entity, select);
    }

    public static MockHttpException NotFound(EntityModel model, int id) =>
        MockErrors.NotFound(model.Resource, $"{model.Resource} id {id} not found");
}
