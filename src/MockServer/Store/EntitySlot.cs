namespace ContractHarness.MockServer.Store;

/// <summary>
/// The place of one entity id: readers take <see cref="Current"/> without locking; writers take
/// <see cref="Gate"/>, so updates to one entity are linearizable while different entities update in parallel.
/// </summary>
internal sealed class EntitySlot(StoredEntity? current)
{
    private volatile StoredEntity? _current = current;

    public Lock Gate { get; } = new();

    /// <summary>The current version, or null when the id does not exist (deleted by a provider state).</summary>
    public StoredEntity? Current
    {
        get => _current;
        set => _current = value;
    }
}
