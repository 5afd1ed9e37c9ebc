using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Store.Persistence;

namespace ContractHarness.MockServer.Tests.Persistence;

/// <summary>The group commit on its own: order, completion only after the commit, and a failed commit.</summary>
public sealed class CommitQueueTests
{
    [Fact]
    public async Task Writes_AreCommittedPublishedAndCompletedInQueueOrder()
    {
        var committed = new List<int>();
        var published = new List<int>();
        using var queue = new CommitQueue(batch => { lock (committed) { committed.AddRange(batch.Select(w => w.Id)); } }, "test.db");

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
        using var queue = new CommitQueue(_ => release.Wait(TimeSpan.FromSeconds(10)), "test.db");

        var write = queue.Enqueue(new PendingWrite("/r/{id}", 1, [], () => published = true));
        await Task.Delay(50);
        (write.IsCompleted, published).Should().Be((false, false));

        release.Set();
        await write;
        published.Should().BeTrue();
    }

    [Fact]
    public async Task AFailedCommit_FailsItsWritesWith503AndRefusesEveryLaterOne()
    {
        var published = false;
        using var queue = new CommitQueue(_ => throw new IOException("disk full"), "test.db");

        var write = () => queue.Enqueue(new PendingWrite("/r/{id}", 1, [], () => published = true));

        var failure = (await write.Should().ThrowAsync<MockHttpException>()).Which;
        failure.Status.Should().Be(503);
        failure.Message.Should().Contain("test.db").And.Contain("disk full");
        published.Should().BeFalse("a version that was not stored never becomes visible");
        Action later = () => _ = queue.Enqueue(new PendingWrite("/r/{id}", 2, [], null)); // refused at once, not later
        later.Should().Throw<MockHttpException>().Which.Status.Should().Be(503);
    }
}
