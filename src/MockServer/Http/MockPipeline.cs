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
        return new RequestPipeline(mock, new CorsMiddleware(dispatch, mock.Cors).InvokeAsync).InvokeAsync;
    }
}
