using ContractHarness.MockServer.Operations.Coverage;
using ContractHarness.MockServer.Store;

namespace ContractHarness.MockServer.Operations.Sessions;

/// <summary>
/// One session: its name, its own <see cref="EntityStore"/> (copy-on-write over the seed), its coverage counts, when
/// it was last used and how many requests are in it now. One counter says both how many requests are in flight and
/// whether the session was dropped (negative): a request enters with one increment and learns from its result
/// whether it got in, so entering takes no lock, and a session with a request in flight cannot be taken away as idle.
/// </summary>
internal sealed class SessionWorld
{
    private const int Dropped = int.MinValue;

    private readonly CatalogOperations _operations;
    private CoverageCounts? _coverage;
    private int _inFlight;
    private long _lastUsedTicks;

    public SessionWorld(string name, EntityStore store, CatalogOperations operations, DateTimeOffset now)
    {
        Name = name;
        Store = store;
        _operations = operations;
        _lastUsedTicks = now.UtcTicks;
    }

    public string Name { get; }

    /// <summary>The session's entities: the seed, and what the session changed.</summary>
    public EntityStore Store { get; }

    /// <summary>The answers given in this session (made on the first one).</summary>
    public CoverageCounts Coverage => Volatile.Read(ref _coverage) ?? LazyInitializer.EnsureInitialized(ref _coverage, () => new CoverageCounts(_operations));

    /// <summary>The counts so far, or null when the session has given no answer yet.</summary>
    public CoverageCounts? CoverageIfAny => Volatile.Read(ref _coverage);

    /// <summary>When a request last entered or left the session (UTC).</summary>
    public DateTimeOffset LastUsed => new(Volatile.Read(ref _lastUsedTicks), TimeSpan.Zero);

    /// <summary>The requests in the session now (0 once it is dropped).</summary>
    public int InFlight => Math.Max(Volatile.Read(ref _inFlight), 0);

    /// <summary>True once the session was dropped: requests that name it again start a new one.</summary>
    public bool IsDropped => Volatile.Read(ref _inFlight) < 0;

    /// <summary>Enters the session for a request; false when it was dropped meanwhile (nothing is changed then).</summary>
    public bool TryEnter(DateTimeOffset now)
    {
        if (Interlocked.Increment(ref _inFlight) > 0)
        {
            Volatile.Write(ref _lastUsedTicks, now.UtcTicks);
            return true;
        }

        Interlocked.Decrement(ref _inFlight);
        return false;
    }

    /// <summary>Leaves the session at the end of a request that entered it.</summary>
    public void Exit(DateTimeOffset now)
    {
        Volatile.Write(ref _lastUsedTicks, now.UtcTicks);
        Interlocked.Decrement(ref _inFlight);
    }

    /// <summary>Drops the session if no request is in it; false when one is (or it was dropped already).</summary>
    public bool TryDropIdle() => Interlocked.CompareExchange(ref _inFlight, Dropped, 0) == 0;

    /// <summary>Drops the session now; the requests in it finish on its store, and later ones that name it start a new session.</summary>
    public void Drop()
    {
        while (Volatile.Read(ref _inFlight) is var current && current >= 0)
        {
            if (Interlocked.CompareExchange(ref _inFlight, current + Dropped, current) == current)
            {
                return;
            }
        }
    }
}
