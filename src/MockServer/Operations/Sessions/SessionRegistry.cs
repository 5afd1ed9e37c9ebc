using System.Collections.Concurrent;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations.Coverage;
using ContractHarness.MockServer.Store;

namespace ContractHarness.MockServer.Operations.Sessions;

/// <summary>
/// The sessions of a mock, by name (exact, case-sensitive). A request that names a session enters it
/// (<see cref="Enter"/>), making it on first use from the seed, and leaves it when answered. Bounded twice:
/// a session unused for <c>idle</c> is dropped (when its name is used next, when a session starts, when the list
/// is read), and at most <c>max</c> sessions live at once: past that the session used least recently without a
/// request in flight is dropped for the new one, and when every session has one in flight the new one is refused
/// (429). Entering an existing session takes no lock; starting one takes the registry's.
/// </summary>
internal sealed class SessionRegistry(EntityStore defaultWorld, CatalogOperations operations, int max, TimeSpan? idle, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, SessionWorld> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The most sessions at once (<c>--max-sessions</c>); 0 means sessions are off.</summary>
    public int Max => max;

    /// <summary>How long a session may stay unused before it is dropped (<c>--session-idle-minutes</c>); null for no limit.</summary>
    public TimeSpan? Idle => idle;

    /// <summary>
    /// Enters session <paramref name="name"/> for one request (call <see cref="Leave"/> when it is answered), starting it
    /// from the seed when it does not exist; null and the refusal when it cannot start.
    /// </summary>
    public SessionWorld? Enter(string name, out MockHttpException? refused)
    {
        refused = null;
        while (true)
        {
            var now = time.GetUtcNow();
            if (_sessions.TryGetValue(name, out var session))
            {
                if (!(IsExpired(session, now) && session.TryDropIdle()) && session.TryEnter(now))
                {
                    return session;
                }

                _sessions.TryRemove(new KeyValuePair<string, SessionWorld>(name, session)); // dropped: a new one starts below
                continue;
            }

            lock (_gate)
            {
                if (_sessions.ContainsKey(name))
                {
                    continue; // started by another request meanwhile: enter that one
                }

                if (max == 0)
                {
                    refused = MockErrors.SessionsOff(name);
                    return null;
                }

                DropExpired(now);
                if (_sessions.Count >= max && !DropLeastRecentlyUsed())
                {
                    refused = MockErrors.TooManySessions(name, max);
                    return null;
                }

                var started = new SessionWorld(name, defaultWorld.NewSession(), operations, now);
                started.TryEnter(now);
                _sessions[name] = started;
                return started;
            }
        }
    }

    /// <summary>Leaves a session a request entered.</summary>
    public void Leave(SessionWorld session) => session.Exit(time.GetUtcNow());

    /// <summary>The live session named <paramref name="name"/>, without entering or starting it; null when there is none.</summary>
    public SessionWorld? Find(string name) =>
        _sessions.TryGetValue(name, out var session) && !session.IsDropped && !IsExpired(session, time.GetUtcNow()) ? session : null;

    /// <summary>The live sessions, most recently used first (expired ones are dropped first).</summary>
    public IReadOnlyList<SessionWorld> List()
    {
        lock (_gate)
        {
            DropExpired(time.GetUtcNow());
        }

        return [.. _sessions.Values.Where(s => !s.IsDropped).OrderByDescending(s => s.LastUsed).ThenBy(s => s.Name, StringComparer.Ordinal)];
    }

    /// <summary>Drops session <paramref name="name"/> whatever it is doing; false when there is no such session.</summary>
    public bool Drop(string name)
    {
        if (Find(name) is not { } session)
        {
            return false;
        }

        session.Drop();
        _sessions.TryRemove(new KeyValuePair<string, SessionWorld>(name, session));
        return true;
    }

    /// <summary>Drops every session; answers how many there were.</summary>
    public int DropAll()
    {
        var dropped = 0;
        foreach (var (name, session) in _sessions)
        {
            dropped += session.IsDropped ? 0 : 1;
            session.Drop();
            _sessions.TryRemove(new KeyValuePair<string, SessionWorld>(name, session));
        }

        return dropped;
    }

    private bool IsExpired(SessionWorld session, DateTimeOffset now) =>
        idle is { } limit && session.InFlight == 0 && now - session.LastUsed > limit;

    /// <summary>Drops the sessions unused for longer than the idle limit. Under the gate.</summary>
    private void DropExpired(DateTimeOffset now)
    {
        if (idle is null)
        {
            return;
        }

        foreach (var (name, session) in _sessions)
        {
            if (IsExpired(session, now) && session.TryDropIdle())
            {
                _sessions.TryRemove(new KeyValuePair<string, SessionWorld>(name, session));
            }
        }
    }

    /// <summary>Drops the session used least recently among those without a request in flight; false when every one has one. Under the gate.</summary>
    private bool DropLeastRecentlyUsed()
    {
        foreach (var session in _sessions.Values.Where(s => s.InFlight == 0).OrderBy(s => s.LastUsed).ToList())
        {
            if (session.TryDropIdle())
            {
                _sessions.TryRemove(new KeyValuePair<string, SessionWorld>(session.Name, session));
                return true;
            }
        }

        return false;
    }
}
