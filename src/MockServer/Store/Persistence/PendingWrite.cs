namespace ContractHarness.MockServer.Store.Persistence;

/// <summary>
/// One change waiting for its commit: a version of one entity (<see cref="Json"/> null for a deletion) or, with no
/// <see cref="Route"/>, the removal of every stored version (a reset). Completes once its transaction is durable,
/// after <see cref="OnCommitted"/> has made it visible.
/// </summary>
internal sealed class PendingWrite(string? route, int id, byte[]? json, Action? onCommitted)
    : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
{
    public static PendingWrite Clear(Action? onCommitted) => new(null, 0, null, onCommitted);

    public string? Route { get; } = route;

    public int Id { get; } = id;

    public byte[]? Json { get; } = json;

    public Action? OnCommitted { get; } = onCommitted;
}
