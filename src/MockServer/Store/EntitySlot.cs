namespace ContractHarness.MockServer.Store;

/// <summary>
/// The place of one entity id: readers take <see cref="Current"/> without locking; writers take
/// <see cref="Gate"/>, so updates to one entity are linearizable while different entities update in parallel.
/// A slot may start from a seed version that is generated on first use, which keeps start-up fast. Every version
/// it publishes gets a fresh <see cref="VersionTag"/> (the seed's when the slot is made, at a reset).
/// </summary>
internal sealed class EntitySlot
{
    private readonly VersionTags _tags;
    private volatile StoredEntity? _current;
    private volatile Lazy<StoredEntity>? _seed;

    public EntitySlot(VersionTags tags, StoredEntity? current)
    {
        _tags = tags;
        _current = current?.Tagged(tags.Next());
    }

    public EntitySlot(VersionTags tags, Lazy<StoredEntity> seed)
    {
        _tags = tags;
        var tag = tags.Next();
        _seed = new Lazy<StoredEntity>(() => seed.Value.Tagged(tag));
    }

    public Lock Gate { get; } = new();

    /// <summary>True when the id exists, without generating a pending seed version.</summary>
    public bool Exists => _seed is not null || _current is not null;

    /// <summary>The current version (tagged), or null when the id does not exist (deleted by a provider state).</summary>
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
            _current = value?.Tagged(_tags.Next());
            _seed = null;
        }
    }
}
