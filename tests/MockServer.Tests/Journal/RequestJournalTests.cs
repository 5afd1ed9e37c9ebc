using System.Text;
using ContractHarness.MockServer.Http.Admin;

namespace ContractHarness.MockServer.Tests.Journal;

/// <summary><see cref="RequestJournal"/>: bounded in entries and in the bytes of the bodies it holds.</summary>
public sealed class RequestJournalTests
{
    [Fact]
    public void Add_BeyondCapacity_DropsTheOldestEntries()
    {
        var journal = new RequestJournal(3, 1_000_000);

        for (var i = 1; i <= 5; i++)
        {
            journal.Add(Entry($"/r/{i}", 10));
        }

        var (entries, total) = journal.Snapshot();
        entries.Select(e => e.Path).Should().Equal("/r/5", "/r/4", "/r/3");
        total.Should().Be(5);
        journal.BodyBytes.Should().Be(3 * 20, "the evicted entries' bodies no longer count");
    }

    [Fact]
    public void Add_OverTheByteBudget_DropsTheOldestBodiesFirst_AndKeepsTheEntriesFlagged()
    {
        var journal = new RequestJournal(10, 100);

        for (var i = 1; i <= 4; i++)
        {
            journal.Add(Entry($"/r/{i}", 15)); // 30 bytes of bodies each
        }

        var (entries, _) = journal.Snapshot();
        entries.Select(e => e.Path).Should().Equal("/r/4", "/r/3", "/r/2", "/r/1");
        entries.Select(e => e.BodiesDropped).Should().Equal(false, false, false, true);
        entries[3].Bodies.Request.HasValue.Should().BeFalse();
        entries[3].Bodies.Response.HasValue.Should().BeFalse();
        entries[0].Bodies.Request.ToText().Should().Be(new string('q', 15));
        journal.BodyBytes.Should().Be(90);
    }

    [Fact]
    public void Add_KeepsTheBudgetAcrossEvictionAndDroppedEntries()
    {
        var journal = new RequestJournal(4, 50);

        for (var i = 1; i <= 20; i++)
        {
            journal.Add(Entry($"/r/{i}", i % 3 == 0 ? 0 : 12)); // some entries have no bodies
            journal.BodyBytes.Should().BeLessThanOrEqualTo(50);
        }

        var (entries, _) = journal.Snapshot();
        entries.Should().HaveCount(4);
        journal.BodyBytes.Should().Be(entries.Sum(e => e.Bodies.Bytes));
        entries[0].BodiesDropped.Should().BeFalse("the newest entry fits the budget");
    }

    [Fact]
    public void Ids_IncreasePerEntry_AndKeepIncreasingAfterAClear()
    {
        var journal = new RequestJournal(5, 1000);
        journal.Add(Entry("/a", 0));
        journal.Add(Entry("/b", 0));
        journal.Clear();
        journal.Add(Entry("/c", 0));

        var (entries, total) = journal.Snapshot();
        entries.Single().Id.Should().Be(3);
        total.Should().Be(1);
        journal.BodyBytes.Should().Be(0);
    }

    [Fact]
    public void IsCredential_NamesEachCredentialHeaderInAnyCase_AndNoOther()
    {
        foreach (var name in JournalEntry.CredentialHeaders)
        {
            JournalEntry.IsCredential(name).Should().BeTrue(name);
            JournalEntry.IsCredential(name.ToUpperInvariant()).Should().BeTrue(name);
            JournalEntry.IsCredential(name.ToLowerInvariant()).Should().BeTrue(name);
        }

        // Same lengths as the credential names, and the usual request headers.
        string[] others = ["Accept", "Origin", "Content-Type", "X-Request-Id", "Content-Length", "If-None-Match", "Cache-Control", "Proxy-Authenticate", "Authorizations", "Host", "Cookie2", ""];
        others.Where(JournalEntry.IsCredential).Should().BeEmpty();
    }

    private static JournalEntry Entry(string path, int bodyBytes)
    {
        var body = bodyBytes == 0 ? default : JournalBody.Of(Encoding.UTF8.GetBytes(new string('q', bodyBytes)));
        return new(DateTimeOffset.UnixEpoch, "PATCH", path, 200, 1, null, []) { Bodies = bodyBytes == 0 ? JournalBodies.None : new(body, false, body, false) };
    }
}
