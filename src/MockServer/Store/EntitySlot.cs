namespace ContractHarness.MockServer.Store;

/// <summary>
/// The place of one entity id: readers take <see cref="Current"/> without locking; writers take
/// <see cref="Gate"/>, so updates to one entity are linearizable while different entities update in parallel.
/// A slot may start from a seed version that is generated on first use, which keeps start-up fast.
/// </summary>
internal sealed class EntitySlot
{
    private volatile StoredEntity? _current;
    private volatile Lazy<StoredEntity>? _seed;

    public EntitySlot(StoredEntity? current) => _current = current;

    public EntitySlot(Lazy<StoredEntity> seed) => _seed = seed;

    public Lock Gate { get; } = new();

    /// <summary>True when the id exists, without generating a pending seed version.</summary>
    public bool Exists => _seed is not null || _current is not null;

    /// <summary>The current version, or null when the id does not exist (deleted by a provider state).</summary>
    public StoredEntity? Current
    {
        get
        {
            // Read the pending seed first: a writer publishes the new version before it drops the seed.
            var seed = _seed;
            return _current ?? seed?.Value;
        }

        set
        {
            _current = value;
            _seed = null;
        }
    }
}
