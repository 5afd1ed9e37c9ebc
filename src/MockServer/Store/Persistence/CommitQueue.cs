using System.Globalization;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Store.Persistence;

/// <summary>
/// Group commit: one writer thread takes every change queued since its last commit, commits them in one transaction
/// (in queue order), then publishes and completes each of them in the same order. Concurrent updates share the cost
/// of one synchronous commit, and a change is never durable before one queued earlier: they are in the same
/// transaction or a later one.
/// </summary>
/// <remarks>
/// A failed commit refuses its changes and every change queued behind it (they were made from versions that are not
/// stored) with a 503 and <c>Retry-After</c>, and each refused change takes back what it staged. From then on the
/// queue refuses every change at once, without touching the storage, and the writer tries the storage again (the
/// retry action, with as many bytes as the failed batch held, so that a disk with room for a few bytes only does not
/// count as working) after <see cref="FirstRetry"/>, doubling the wait after each failed try up to
/// <see cref="LongestRetry"/>, on the mock's <see cref="TimeProvider"/>. The first try that succeeds ends the fault:
/// the next change is committed as before. <see cref="Fault"/> says what is wrong meanwhile.
/// </remarks>
internal sealed class CommitQueue : IDisposable
{
    /// <summary>The wait between a failed commit and the first try of the storage.</summary>
    public static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between two tries.</summary>
    public static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(2);

    private readonly object _gate = new();
    private readonly Action<List<PendingWrite>> _commit;
    private readonly Action<int> _retry;
    private readonly string _target;
    private readonly TimeProvider _time;
    private readonly TextWriter? _log;
    private readonly Thread _writer;
    private ITimer? _retryTimer; // made at the first failure
    private List<PendingWrite> _queued = [];
    private List<PendingWrite> _spare = [];
    private volatile StorageFault? _fault;
    private int _failedBytes;
    private bool _retryDue;
    private bool _stopping;

    /// <param name="commit">Makes one batch durable in one transaction, or throws.</param>
    /// <param name="retry">
    /// Tries the storage while it is failing, with a commit of about the given number of bytes: returns when that
    /// works, throws while it does not.
    /// </param>
    /// <param name="target">The file named in the refusals.</param>
    /// <param name="time">The clock of the tries and of <see cref="Fault"/>.</param>
    /// <param name="log">Told when storing stops and when it works again.</param>
    public CommitQueue(Action<List<PendingWrite>> commit, Action<int> retry, string target, TimeProvider time, TextWriter? log = null)
    {
        _commit = commit;
        _retry = retry;
        _target = target;
        _time = time;
        _log = log;
        _writer = new Thread(Run) { IsBackground = true, Name = "mock data writer" };
        _writer.Start();
    }

    /// <summary>Why changes are refused now, or null while they are stored.</summary>
    public StorageFault? Fault => _fault;

    /// <summary>
    /// Queues a change; its task completes when it is committed, or fails with a 503 (at once while the storage is
    /// failing). A refused change has run its <see cref="PendingWrite.OnRefused"/> before its task fails.
    /// </summary>
    public Task Enqueue(PendingWrite write)
    {
        MockHttpException refusal;
        lock (_gate)
        {
            if (!_stopping && _fault is null)
            {
                _queued.Add(write);
                if (_queued.Count == 1)
                {
                    Monitor.Pulse(_gate);
                }

                return write.Task;
            }

            refusal = _stopping ? Stopping() : Refusal(_fault!);
        }

        write.Refuse(refusal); // outside the queue's lock: taking back a staged version takes the entity's lock
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
        lock (_gate)
        {
            _retryTimer?.Dispose();
        }
    }

    private void Run()
    {
        while (Take(out var retry) is var batch && (batch is not null || retry))
        {
            if (batch is null)
            {
                Retry();
                continue;
            }

            try
            {
                _commit(batch);
            }
            catch (Exception e)
            {
                Fail(batch, e);
                continue;
            }

            foreach (var write in batch)
            {
                write.OnCommitted?.Invoke();
                write.TrySetResult();
            }

            Recycle(batch);
        }
    }

    /// <summary>Waits for changes or a due try; null and no try once stopping with nothing left to commit.</summary>
    private List<PendingWrite>? Take(out bool retry)
    {
        lock (_gate)
        {
            retry = false;
            while (true)
            {
                if (_queued.Count > 0)
                {
                    var batch = _queued;
                    _queued = _spare;
                    _spare = [];
                    return batch;
                }

                if (_stopping)
                {
                    return null;
                }

                if (_retryDue)
                {
                    _retryDue = false;
                    retry = true;
                    return null;
                }

                Monitor.Wait(_gate);
            }
        }
    }

    /// <summary>Refuses the batch and everything queued behind it, and starts the tries.</summary>
    private void Fail(List<PendingWrite> batch, Exception failure)
    {
        List<PendingWrite> waiting;
        StorageFault fault;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            fault = _fault = new StorageFault(failure.Message, now, 1, now + FirstRetry);
            waiting = _queued;
            _queued = [];
            RetryIn(FirstRetry);
        }

        _failedBytes = (int)Math.Min(batch.Sum(w => (long)(w.Json?.Length ?? 0)), 1 << 20);
        _log?.WriteLine($"Updates cannot be stored in {_target}: {fault.Cause} They are refused with 503 until the storage works again; the mock keeps trying.");
        var refusal = Refusal(fault);
        foreach (var write in batch)
        {
            write.Refuse(refusal);
        }

        foreach (var write in waiting)
        {
            write.Refuse(refusal);
        }

        Recycle(batch);
    }

    /// <summary>One try of the failing storage: its success ends the fault, its failure schedules the next try, later.</summary>
    private void Retry()
    {
        Exception? failure = null;
        try
        {
            _retry(_failedBytes);
        }
        catch (Exception e)
        {
            failure = e;
        }

        StorageFault fault;
        TimeSpan lasted;
        lock (_gate)
        {
            fault = _fault!;
            var now = _time.GetUtcNow();
            lasted = now - fault.Since;
            if (failure is null)
            {
                _fault = null;
            }
            else
            {
                var wait = TimeSpan.FromTicks(Math.Min(FirstRetry.Ticks << Math.Min(fault.FailedTries, 20), LongestRetry.Ticks));
                _fault = fault with { Cause = failure.Message, FailedTries = fault.FailedTries + 1, NextTry = now + wait };
                RetryIn(wait);
            }
        }

        if (failure is null)
        {
            _log?.WriteLine($"Updates are stored in {_target} again, after {lasted.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s and {fault.FailedTries} failed tries.");
        }
    }

    /// <summary>Schedules the next try (under the lock).</summary>
    private void RetryIn(TimeSpan wait)
    {
        _retryTimer ??= _time.CreateTimer(static queue => ((CommitQueue)queue!).RetryDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _retryTimer.Change(wait, Timeout.InfiniteTimeSpan);
    }

    private void RetryDue()
    {
        lock (_gate)
        {
            _retryDue = true;
            Monitor.Pulse(_gate);
        }
    }

    private void Recycle(List<PendingWrite> batch)
    {
        batch.Clear();
        lock (_gate)
        {
            _spare = batch;
        }
    }

    private MockHttpException Refusal(StorageFault fault) => new(
        503,
        "Data Not Stored",
        "SoDatabaseException",
        $"The update was not stored and changed nothing: {_target} cannot be written ({fault.Cause.TrimEnd('.')}). The mock stores updates again as soon as the storage works; try again later.")
    {
        Headers = [new("Retry-After", fault.RetryAfterSeconds(_time.GetUtcNow()).ToString(CultureInfo.InvariantCulture))],
    };

    private MockHttpException Stopping() => new(503, "Data Not Stored", "SoDatabaseException", $"The mock is stopping: the update was not stored in {_target}.");
}
