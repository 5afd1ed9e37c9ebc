using ContractHarness.MockServer.Http.Admin;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// The one request handler of a mock, whatever carries the request (Kestrel today, an in-memory call next):
/// <see cref="RequestPipeline"/> around CORS around a dispatcher that sends the admin prefix to
/// <see cref="AdminEndpoints"/> first (no entity route can shadow it) and everything else to the catalog's routes,
/// through the <see cref="SessionStep"/> (the default world or a session's) and the <see cref="FaultStep"/> (latency,
/// fault rules, <c>Prefer</c>), which never see an admin request.
/// </summary>
internal static class MockPipeline
{
    /// <summary>Request handling around CORS around the dispatcher: <c>/__admin</c> first, then the catalog's routes.</summary>
    public static RequestDelegate Build(MockContext mock)
    {
        var admin = new AdminEndpoints(mock);
        var entities = new SessionStep(mock, new FaultStep(mock, new EntityEndpoints(mock)));
        RequestDelegate dispatch = context =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (AdminEndpoints.Owns(path))
            {
                return admin.HandleAsync(context, path[AdminEndpoints.Prefix.Length..]);
            }

            return mock.Routes.TryMatch(path, out var route, out var id) && !id.IsEmpty
                ? entities.HandleAsync(context, route, id)
                : ErrorResponse.WriteAsync(context, MockErrors.RouteNotFound(path));
        };
        return Around(mock, dispatch);
    }

    /// <summary>
    /// The same pipeline with the catalog's routes answered by <paramref name="catalog"/> instead of the mock's own
    /// entities (a room above this one, such as the proxy to a tenant): <c>/__admin</c> stays the mock's.
    /// </summary>
    public static RequestDelegate Build(MockContext mock, CatalogHandler catalog)
    {
        var admin = new AdminEndpoints(mock);
        RequestDelegate dispatch = context =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (AdminEndpoints.Owns(path))
            {
                return admin.HandleAsync(context, path[AdminEndpoints.Prefix.Length..]);
            }

            return mock.Routes.TryMatch(path, out var route, out var id) && !id.IsEmpty
                ? catalog(context, route, id)
                : ErrorResponse.WriteAsync(context, MockErrors.RouteNotFound(path));
        };
        return Around(mock, dispatch);
    }

    private static RequestDelegate Around(MockContext mock, RequestDelegate dispatch) =>
        new RequestPipeline(mock, new CorsMiddleware(dispatch, mock.Cors).InvokeAsync).InvokeAsync;
}

/// <summary>Answers a request to a catalog route: the route and the path's id segment (not checked yet).</summary>
internal delegate Task CatalogHandler(HttpContext context, EntityRoute route, ReadOnlySpan<char> id);
