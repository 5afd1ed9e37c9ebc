using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Store.Persistence;

/// <summary>
/// One change waiting for its commit: a version of one entity (<see cref="Json"/> null for a deletion) or, with no
/// <see cref="Route"/>, the removal of every stored version (a reset). Completes once its transaction is durable,
/// after <see cref="OnCommitted"/> has made it visible; or fails with the 503 of <see cref="Refuse"/>, after
/// <see cref="OnRefused"/> has taken back what was staged for it.
/// </summary>
internal sealed class PendingWrite(string? route, int id, byte[]? json, Action? onCommitted, Action? onRefused = null)
    : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
{
    public static PendingWrite Clear(Action? onCommitted) => new(null, 0, null, onCommitted);

    public string? Route { get; } = route;

    public int Id { get; } = id;

    public byte[]? Json { get; } = json;

    public Action? OnCommitted { get; } = onCommitted;

    /// <summary>Runs when the change is refused, before its task fails (it may take a lock of the store, never the queue's).</summary>
    public Action? OnRefused { get; } = onRefused;

    /// <summary>Takes back what was staged for the change, then fails its task with <paramref name="refusal"/>.</summary>
    public void Refuse(MockHttpException refusal)
    {
        OnRefused?.Invoke();
        TrySetException(refusal);
    }
}
