using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Store.Persistence;

/// <summary>
/// Group commit: one writer thread takes every change queued since its last commit, commits them in one transaction
/// (in queue order), then publishes and completes each of them in the same order. Concurrent updates share the cost
/// of one synchronous commit, and a change is never durable before one queued earlier: they are in the same
/// transaction or a later one. A failed commit stops the queue for good (every waiting and later change fails with a
/// 503), because the changes queued after it were made from versions that are not stored.
/// </summary>
internal sealed class CommitQueue : IDisposable
{
    private readonly object _gate = new();
    private readonly Action<List<PendingWrite>> _commit;
    private readonly string _target;
    private readonly Thread _writer;
    private List<PendingWrite> _queued = [];
    private List<PendingWrite> _spare = [];
    private Exception? _failure;
    private bool _stopping;

    /// <param name="commit">Makes one batch durable in one transaction, or throws.</param>
    /// <param name="target">The file named in the error when a commit fails.</param>
    public CommitQueue(Action<List<PendingWrite>> commit, string target)
    {
        _commit = commit;
        _target = target;
        _writer = new Thread(Run) { IsBackground = true, Name = "mock data writer" };
        _writer.Start();
    }

    /// <summary>Queues a change; its task completes when it is committed (or fails with a 503).</summary>
    public Task Enqueue(PendingWrite write)
    {
        lock (_gate)
        {
            if (_failure is not null || _stopping)
            {
                throw Failed(_failure);
            }

            _queued.Add(write);
            if (_queued.Count == 1)
            {
                Monitor.Pulse(_gate);
            }
        }

        return write.Task;
    }

    /// <summary>Commits what is queued, then stops the writer.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.Pulse(_gate);
        }

        _writer.Join();
    }

    private void Run()
    {
        while (Take() is { } batch)
        {
            try
            {
                _commit(batch);
            }
            catch (Exception e)
            {
                Fail(batch, e);
                return;
            }

            foreach (var write in batch)
            {
                write.OnCommitted?.Invoke();
                write.TrySetResult();
            }

            batch.Clear();
            lock (_gate)
            {
                _spare = batch;
            }
        }
    }

    /// <summary>Waits for changes; null once stopping with nothing left to commit.</summary>
    private List<PendingWrite>? Take()
    {
        lock (_gate)
        {
            while (_queued.Count == 0)
            {
                if (_stopping)
                {
                    return null;
                }

                Monitor.Wait(_gate);
            }

            var batch = _queued;
            _queued = _spare;
            _spare = [];
            return batch;
        }
    }

    private void Fail(List<PendingWrite> batch, Exception failure)
    {
        List<PendingWrite> waiting;
        lock (_gate)
        {
            _failure = failure;
            waiting = _queued;
            _queued = [];
        }

        var error = Failed(failure);
        foreach (var write in batch.Concat(waiting))
        {
            write.TrySetException(error);
        }
    }

    private MockHttpException Failed(Exception? failure) => new(
        503,
        "Data Not Stored",
        "SoDatabaseException",
        failure is null
            ? $"The mock is stopping: the update was not stored in {_target}."
            : $"Updates cannot be stored in {_target} ({failure.Message}); the mock accepts no more updates until it is restarted.");
}
