using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations.Sessions;

namespace ContractHarness.MockServer.Http.Admin;

/// <summary>
/// <c>/__admin/sessions</c>: <c>GET</c> lists the live sessions, <c>DELETE</c> drops them all;
/// <c>DELETE /__admin/sessions/{name}</c> drops one (404 when there is none; the name percent-encoded as in any path).
/// A dropped session's requests in flight finish in its world; its name then starts a new session from the seed.
/// </summary>
internal sealed class SessionEndpoints(MockContext mock)
{
    public const string Path = AdminEndpoints.Prefix + "/sessions";

    public Task AllAsync(HttpContext context)
    {
        if (HttpMethods.IsDelete(context.Request.Method))
        {
            mock.Sessions.DropAll();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        var sessions = mock.Sessions;
        var idle = sessions.Idle is { } limit ? (int)limit.TotalMinutes : 0;
        return AdminEndpoints.Write(
            context, new SessionListModel(sessions.Max, idle, false, [.. sessions.List().Select(SessionModel.Of)]), AdminJsonContext.Default.SessionListModel);
    }

    public Task OneAsync(HttpContext context, string segment)
    {
        var name = Uri.UnescapeDataString(segment);
        var refused = SessionName.Problem(name) is { } problem ? MockErrors.InvalidSession($"the path ('{segment}')", problem)
            : mock.Sessions.Drop(name) ? null
            : MockErrors.SessionNotFound(name);
        if (refused is not null)
        {
            return ErrorResponse.WriteAsync(context, refused);
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}
