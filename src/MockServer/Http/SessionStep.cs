using ContractHarness.MockServer.Operations.Sessions;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// The step that picks the world a catalog request works in: without a session (<see cref="SessionRequest"/>) the
/// default world's store, passed straight on; with one, the session's store, entered for the request (so the session
/// cannot be dropped as idle while it runs) and left once it is answered. A bad name is a 400, a session that cannot
/// start a 429 (<see cref="SessionRegistry.Enter"/>); neither reaches the store.
/// </summary>
internal sealed class SessionStep(MockContext mock, FaultStep next)
{
    public Task HandleAsync(HttpContext context, EntityRoute route, ReadOnlySpan<char> id)
    {
        var name = SessionRequest.Read(context.Request, out var refused);
        if (name is null)
        {
            return refused is null ? next.HandleAsync(context, route, id, mock.Store) : ErrorResponse.WriteAsync(context, refused);
        }

        return InSessionAsync(context, route, id.ToString(), name);
    }

    private async Task InSessionAsync(HttpContext context, EntityRoute route, string id, string name)
    {
        if (mock.Sessions.Enter(name, out var refused) is not { } session)
        {
            await ErrorResponse.WriteAsync(context, refused!);
            return;
        }

        JournalExchange.InSession(context, session);
        try
        {
            await next.HandleAsync(context, route, id, session.Store);
        }
        finally
        {
            mock.Sessions.Leave(session);
        }
    }
}
