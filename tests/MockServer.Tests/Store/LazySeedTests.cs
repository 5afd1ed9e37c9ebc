using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Store;
using ContractHarness.MockServer.Store.Seeding;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Store;

/// <summary>
/// Seeded entities are made on first touch: from the seed, the route and the id alone, one slot per id however
/// many requests touch it first, and nothing at all for ids never touched.
/// </summary>
public sealed class LazySeedTests
{
    private static readonly IReadOnlyList<EntityModel> Models = TestPaths.Models;

    [Fact]
    public void Build_AMillionIdsPerRoute_AllocatesNothingPerId()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        using var store = new EntityStore(SeedData.Build(Models, 42, 1_000_000), null, TimeProvider.System);

        // One slot or generator closure per id would be tens of bytes times five million.
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(32_000_000);
        store.Count(Models[0]).Should().Be(1_000_000 + (Models[0].FixtureId > 1_000_000 ? 1 : 0));
        store.Get(Models[0], 1_000_000).Should().NotBeNull();
        store.Get(Models[0], 1_000_001).Should().BeNull();
    }

    [Fact]
    public void Get_IdsTouchedInAnotherOrder_GiveTheSameBytes()
    {
        using var forwards = new EntityStore(SeedData.Build(Models, 7, 50), null, TimeProvider.System);
        using var backwards = new EntityStore(SeedData.Build(Models, 7, 50), null, TimeProvider.System);
        var ids = Enumerable.Range(1, 50).ToArray();

        var first = Models.SelectMany(m => ids.Select(id => forwards.Get(m, id)!.Utf8.ToArray())).ToList();
        Parallel.ForEach(Enumerable.Reverse(Models).SelectMany(m => Enumerable.Reverse(ids).Select(id => (m, id))), t => backwards.Get(t.m, t.id));
        var second = Models.SelectMany(m => ids.Select(id => backwards.Get(m, id)!.Utf8.ToArray())).ToList();

        second.Should().HaveCount(first.Count);
        for (var i = 0; i < first.Count; i++)
        {
            second[i].Should().Equal(first[i], $"entity {i} does not depend on the order in which ids were touched");
        }
    }

    [Fact]
    public void Get_ConcurrentFirstTouchesOfOneId_EndWithOneVersion()
    {
        using var store = new EntityStore(SeedData.Build(Models, 42, 1000), null, TimeProvider.System);
        var model = Models[0];
        var seen = new StoredEntity?[16];
        using var start = new Barrier(seen.Length);

        Parallel.For(0, seen.Length, new ParallelOptions { MaxDegreeOfParallelism = seen.Length }, i =>
        {
            start.SignalAndWait();
            seen[i] = i % 2 == 0 ? store.Get(model, 500) : store.TryFind(model, 500, out var found) ? found.Slot!.Current : null;
        });

        seen.Should().AllSatisfy(e => e.Should().BeSameAs(seen[0], "one slot, so one version and one tag"));
        store.Get(model, 500).Should().BeSameAs(seen[0]);
    }

    [Fact]
    public void Set_DeletingAnUntouchedSeededId_StaysDeletedUntilReset()
    {
        using var store = new EntityStore(SeedData.Build(Models, 42, 100), null, TimeProvider.System);
        var model = Models[0];
        var seeded = store.Get(model, 40)!.Utf8.ToArray();
        var count = store.Count(model);

        store.Set(model, 41, null);

        store.Get(model, 41).Should().BeNull();
        store.TryFind(model, 41, out _).Should().BeFalse();
        store.Update(model, 41, current => current).Should().BeNull("a deleted id is not generated again");
        store.Count(model).Should().Be(count - 1);
        store.Reset();
        store.Get(model, 41).Should().NotBeNull();
        store.Get(model, 40)!.Utf8.ToArray().Should().Equal(seeded);
        store.Count(model).Should().Be(count);
    }

    [Fact]
    public void Reset_AfterChanges_ForgetsThemAndGeneratesTheSeedVersionAgain()
    {
        using var store = new EntityStore(SeedData.Build(Models, 42, 100), null, TimeProvider.System);
        var model = Models[0];
        var seeded = store.Get(model, 3)!;
        var count = store.Count(model);
        var changed = store.Update(model, 3, c => EntityWriter.Write(Changed(c, model), model))!.Value.Stored!;
        store.Set(model, 5000, store.Seed.VersionOf(model, 5000));
        store.Count(model).Should().Be(count + 1, "an id created outside the seed counts");

        store.Reset();

        var again = store.Get(model, 3)!;
        again.Utf8.ToArray().Should().Equal(seeded.Utf8.ToArray()).And.NotEqual(changed.Utf8.ToArray());
        again.Tag.Should().NotBe(seeded.Tag, "a version put back gets a new tag");
        store.Get(model, 5000).Should().BeNull();
        store.Count(model).Should().Be(count);
    }

    private static System.Text.Json.Nodes.JsonObject Changed(StoredEntity current, EntityModel model)
    {
        var entity = current.ToJsonObject();
        entity[model.LastUpdateField] = "2030-01-01T00:00:00";
        return entity;
    }
}
