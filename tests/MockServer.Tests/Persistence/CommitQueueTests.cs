using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Store.Persistence;
using Microsoft.Extensions.Time.Testing;

namespace ContractHarness.MockServer.Tests.Persistence;

/// <summary>The group commit on its own: order, completion only after the commit, and a failing storage: refusals, tries, recovery.</summary>
public sealed class CommitQueueTests
{
    private static readonly Action<int> NeverTried = _ => throw new InvalidOperationException("no try expected");

    [Fact]
    public async Task Writes_AreCommittedPublishedAndCompletedInQueueOrder()
    {
        var committed = new List<int>();
        var published = new List<int>();
        using var queue = new CommitQueue(batch => { lock (committed) { committed.AddRange(batch.Select(w => w.Id)); } }, NeverTried, "test.db", TimeProvider.System);

        var tasks = Enumerable.Range(1, 500).Select(id =>
            queue.Enqueue(new PendingWrite("/r/{id}", id, [], () => { lock (published) { published.Add(id); } }))).ToList();
        await Task.WhenAll(tasks);

        committed.Should().Equal(Enumerable.Range(1, 500));
        published.Should().Equal(Enumerable.Range(1, 500));
    }

    [Fact]
    public async Task AWrite_CompletesOnlyAfterItsCommitReturned()
    {
        using var release = new ManualResetEventSlim();
        var published = false;
        using var queue = new CommitQueue(_ => release.Wait(TimeSpan.FromSeconds(10)), NeverTried, "test.db", TimeProvider.System);

        var write = queue.Enqueue(new PendingWrite("/r/{id}", 1, [], () => published = true));
        await Task.Delay(50);
        (write.IsCompleted, published).Should().Be((false, false));

        release.Set();
        await write;
        published.Should().BeTrue();
    }

    [Fact]
    public async Task AFailedCommit_RefusesItsWritesAndThoseQueuedBehindWith503AndRetryAfter_TakingBackWhatTheyStaged()
    {
        using var release = new ManualResetEventSlim();
        var calls = 0;
        var clock = new FakeTimeProvider();
        using var queue = new CommitQueue(
            _ =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    release.Wait(TimeSpan.FromSeconds(10)); // the first batch waits, so the next one queues behind it
                }

                throw new IOException("disk full");
            },
            NeverTried,
            "test.db",
            clock);
        var published = 0;
        var takenBack = new List<int>();
        PendingWrite Write(int id) => new("/r/{id}", id, [1, 2, 3], () => published++, () => { lock (takenBack) { takenBack.Add(id); } });

        var first = queue.Enqueue(Write(1));
        await Task.Delay(50);
        var queued = queue.Enqueue(Write(2));
        release.Set();

        foreach (var write in new[] { first, queued })
        {
            var refusal = (await write.Invoking(w => w).Should().ThrowAsync<MockHttpException>()).Which;
            refusal.Status.Should().Be(503);
            refusal.Message.Should().Contain("test.db").And.Contain("disk full").And.Contain("changed nothing");
            refusal.Headers.Should().Contain(new KeyValuePair<string, string>("Retry-After", "1"));
        }

        published.Should().Be(0, "a version that was not stored never becomes visible");
        takenBack.Should().BeEquivalentTo([1, 2]);
        calls.Should().Be(1, "the write queued behind the failed batch was made from a version that is not stored: it is refused, not committed");
        queue.Fault.Should().BeEquivalentTo(new StorageFault("disk full", clock.GetUtcNow(), 1, clock.GetUtcNow() + CommitQueue.FirstRetry));
    }

    [Fact]
    public async Task WhileTheStorageFails_EveryWriteIsRefusedAtOnce_WithoutACommit()
    {
        var commits = 0;
        using var queue = new CommitQueue(_ => { commits++; throw new IOException("read-only"); }, _ => throw new IOException("still read-only"), "test.db", new FakeTimeProvider());
        await queue.Invoking(q => q.Enqueue(new PendingWrite("/r/{id}", 1, [], null))).Should().ThrowAsync<MockHttpException>();

        var takenBack = false;
        var later = queue.Enqueue(new PendingWrite("/r/{id}", 2, [], null, () => takenBack = true));

        later.IsFaulted.Should().BeTrue("it is refused before Enqueue returns");
        takenBack.Should().BeTrue();
        (await later.Invoking(t => t).Should().ThrowAsync<MockHttpException>()).Which.Status.Should().Be(503);
        commits.Should().Be(1);
    }

    [Fact]
    public async Task TheStorageIsTriedAfterBackingOff_WithTheFailedBatchsSize_AndTheFirstTryThatWorksEndsTheFault()
    {
        var clock = new FakeTimeProvider();
        var storageWorks = false;
        var tries = new SemaphoreSlim(0);
        var sizes = new List<int>();
        var committed = new List<int>();
        using var queue = new CommitQueue(
            batch =>
            {
                if (!storageWorks)
                {
                    throw new IOException("disk full");
                }

                committed.AddRange(batch.Select(w => w.Id));
            },
            bytes =>
            {
                sizes.Add(bytes);
                tries.Release();
                if (!storageWorks)
                {
                    throw new IOException("disk still full");
                }
            },
            "test.db",
            clock);
        await queue.Invoking(q => q.Enqueue(new PendingWrite("/r/{id}", 1, new byte[700], null))).Should().ThrowAsync<MockHttpException>();
        var since = clock.GetUtcNow();

        // Tries after 100 ms, then 200, 400, 800, 1600 and every 2 s: none before its time.
        foreach (var wait in new[] { 100, 200, 400, 800, 1600, 2000, 2000 })
        {
            clock.Advance(TimeSpan.FromMilliseconds(wait - 1));
            (await tries.WaitAsync(50)).Should().BeFalse($"no try before {wait} ms have passed");
            clock.Advance(TimeSpan.FromMilliseconds(1));
            (await tries.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue($"a try once {wait} ms have passed");
            await WaitForAsync(() => queue.Fault?.NextTry > clock.GetUtcNow());
        }

        queue.Fault.Should().BeEquivalentTo(new { Cause = "disk still full", Since = since, FailedTries = 8 });
        sizes.Should().AllSatisfy(size => size.Should().Be(700));
        var refused = (await queue.Invoking(q => q.Enqueue(new PendingWrite("/r/{id}", 2, [], null))).Should().ThrowAsync<MockHttpException>()).Which;
        refused.Headers.Should().Contain(new KeyValuePair<string, string>("Retry-After", "2"));

        storageWorks = true;
        clock.Advance(TimeSpan.FromSeconds(2));
        (await tries.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue();
        await WaitForAsync(() => queue.Fault is null);

        await queue.Enqueue(new PendingWrite("/r/{id}", 3, [], null));
        committed.Should().Equal(3);
    }

    [Fact]
    public async Task Stopping_RefusesLaterWritesWith503()
    {
        var queue = new CommitQueue(_ => { }, NeverTried, "test.db", TimeProvider.System);
        queue.Dispose();

        var refusal = (await queue.Invoking(q => q.Enqueue(new PendingWrite("/r/{id}", 1, [], null))).Should().ThrowAsync<MockHttpException>()).Which;
        refusal.Status.Should().Be(503);
        refusal.Message.Should().Contain("stopping");
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 5)
        {
            waited.Should().BeLessThan(10_000, "the writer thread should have got there");
            await Task.Delay(5);
        }
    }
}
