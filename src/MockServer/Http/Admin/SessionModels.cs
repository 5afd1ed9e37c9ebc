using ContractHarness.MockServer.Operations.Sessions;

namespace ContractHarness.MockServer.Http.Admin;

/// <summary>
/// Answer of <c>GET /__admin/sessions</c>: the bounds in force (<c>idleMinutes</c> 0: no idle limit), whether
/// sessions outlive the mock (never: they live in memory, also with <c>--data</c>), and the live sessions, most
/// recently used first.
/// </summary>
internal sealed record SessionListModel(int Max, int IdleMinutes, bool Persisted, IReadOnlyList<SessionModel> Sessions);

/// <summary>One live session: how many entities it changed (since it started or was reset), when it was last used, and the requests in it now.</summary>
internal sealed record SessionModel(string Name, int ChangedEntities, DateTimeOffset LastUsed, int InFlight)
{
    public static SessionModel Of(SessionWorld session) => new(session.Name, session.Store.Changed(), session.LastUsed, session.InFlight);
}
