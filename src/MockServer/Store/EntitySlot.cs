using ContractHarness.MockServer.Model;
namespace ContractHarness.MockServer.Store;

/// <summary>
/// The place of one entity id: readers take <see cref="Current"/> without locking; writers take
/// <see cref="Gate"/>, so updates to one entity are linearizable while different entities update in parallel.
/// A slot may start from a seed version that is generated on first read, with the tag reads gave it. Every version
/// it publishes gets a fresh <see cref="VersionTag"/>.
/// With a data folder a new version is first <see cref="Stage">staged</see> (the next change starts from it) and
/// becomes <see cref="Current"/> only when <see cref="Publish"/> is called after its commit, so readers never see a
/// version that a crash could still take back.
/// </summary>
internal sealed class EntitySlot
{
    private readonly VersionTags _tags;
    private volatile StoredEntity? _current;
    private volatile Lazy<StoredEntity>? _seed;
    private volatile Staged? _staged;

    public EntitySlot(VersionTags tags, StoredEntity? current)
    {
        _tags = tags;
        _current = current?.Tagged(tags.Next());
    }

    /// <summary>A slot whose first version (tagged already) is made by <paramref name="seed"/> on first read, once.</summary>
    public EntitySlot(VersionTags tags, Func<StoredEntity> seed)
    {
        _tags = tags;
        _seed = new Lazy<StoredEntity>(seed);
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

    /// <summary>
    /// The version the next change starts from: the newest staged one, else <see cref="Current"/>. Under
    /// <see cref="Gate"/> it is the one to change; outside, a guess that may already be outdated.
    /// </summary>
    public StoredEntity? Latest => _staged is { } staged ? staged.Value : Current;

    /// <summary>Makes <paramref name="value"/> the base of the next change, not yet visible. Under <see cref="Gate"/> only.</summary>
    /// <remarks>The version gets its tag here, so the answer to the change carries the tag readers will see.</remarks>
    public Staged Stage(StoredEntity? value) => _staged = new Staged(value?.Tagged(_tags.Next()));

    /// <summary>Makes a committed staged version visible (in commit order, with the tag it was staged with); forgets it unless a newer one is staged.</summary>
    public void Publish(Staged staged)
    {
        _current = staged.Value;
        _seed = null;
        Interlocked.CompareExchange(ref _staged, null, staged);
    }

    /// <summary>
    /// Takes back a staged version whose commit was refused, so the next change starts from <see cref="Current"/>
    /// again; a newer staged version stays (it is refused too, and takes itself back). Under <see cref="Gate"/> only.
    /// </summary>
    public void Unstage(Staged staged) => Interlocked.CompareExchange(ref _staged, null, staged);

    /// <summary>A version waiting for its commit (a box, so a deletion is a staged null).</summary>
    internal sealed class Staged(StoredEntity? value)
    {
        public StoredEntity? Value { get; } = value;
    }
}
