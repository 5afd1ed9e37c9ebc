using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Store;
using ContractHarness.MockServer.Store.Seeding;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Store;

/// <summary>
/// Seeded entities are made on first touch: from the seed, the route and the id alone, one version (bytes and tag)
/// per id however many requests touch it first, and nothing kept for ids that are only read.
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
    public void Get_ConcurrentFirstTouchesOfOneId_SeeOneVersion()
    {
        using var store = new EntityStore(SeedData.Build(Models, 42, 1000), null, TimeProvider.System);
        var model = Models[0];
        var seen = new StoredEntity?[16];
        using var start = new Barrier(seen.Length);

        Parallel.For(0, seen.Length, new ParallelOptions { MaxDegreeOfParallelism = seen.Length }, i =>
        {
            start.SignalAndWait();
            // Half read, half start an update (refused, so the version it starts from stays current).
            if (i % 2 == 0)
            {
                seen[i] = store.Get(model, 500);
                return;
            }

            store.Update(model, 500, current =>
            {
                seen[i] = current;
                return MockErrors.BadRequest("refused", "Refused");
            });
        });

        seen.Should().AllSatisfy(e => e!.Tag.Should().Be(seen[0]!.Tag, "one version, one tag"));
        seen.Should().AllSatisfy(e => e!.Utf8.Should().Equal(seen[0]!.Utf8));
        store.Get(model, 500)!.Tag.Should().Be(seen[0]!.Tag);
    }

    [Fact]
    public void Get_SweepOverAMillionIds_KeepsNothingPerId()
    {
        using var store = new EntityStore(SeedData.Build(Models, 42, 1_000_000), null, TimeProvider.System);
        var model = Models[0];
        var first = store.Get(model, 1)!;

        for (var id = 1; id <= 1_000_000; id += 7919)
        {
            store.Get(model, id).Should().NotBeNull();
        }

        store.Get(model, 1 + SeedVersions.Capacity).Should().NotBeNull(); // takes the cache line of id 1

        store.Slots(model).Should().Be(0, "an untouched id is generated, answered and forgotten");
        store.Count(model).Should().Be(1_000_000 + (model.FixtureId > 1_000_000 ? 1 : 0));
        var again = store.Get(model, 1)!;
        again.Should().NotBeSameAs(first, "the sweep pushed it out of the cache, so it was generated again");
        again.Utf8.Should().Equal(first.Utf8);
        again.Tag.Should().Be(first.Tag, "a version generated again is the same version");
    }

    [Fact]
    public void Update_OfAnIdOnlyRead_StartsFromTheVersionReadsAnswered_AndKeepsOneSlot()
    {
        using var store = new EntityStore(SeedData.Build(Models, 42, 100), null, TimeProvider.System);
        var model = Models[0];
        var read = store.Get(model, 7)!;
        StoredEntity? seenByChange = null;

        var changed = store.Update(model, 7, current => EntityWriter.Write(Changed(seenByChange = current, model), model))!.Value.Stored!;

        seenByChange!.Tag.Should().Be(read.Tag, "If-Match with the tag a GET gave names the version the update starts from");
        seenByChange.Utf8.Should().Equal(read.Utf8);
        store.Get(model, 7)!.Tag.Should().Be(changed.Tag).And.NotBe(read.Tag);
        store.Slots(model).Should().Be(1, "only the changed id is kept");
    }

    [Fact]
    public void RefusedUpdate_OfAnUntouchedId_KeepsNoSlot_AndTheIdReadsAsBefore()
    {
        using var store = new EntityStore(SeedData.Build(Models, 42, 100), null, TimeProvider.System);
        var model = Models[0];
        var read = store.Get(model, 9)!;
        StoredEntity? seenByChange = null;

        var outcome = store.Update(model, 9, current =>
        {
            seenByChange = current;
            return new MockHttpException(409, "Test Failed", "Conflict", "refused");
        })!.Value;

        outcome.Refusal!.Status.Should().Be(409);
        seenByChange!.Tag.Should().Be(read.Tag, "the refusal was worked out from the version reads answer");
        store.Slots(model).Should().Be(0, "a refusal stores nothing, so the id stays untouched");
        store.Get(model, 9)!.Tag.Should().Be(read.Tag);
        store.Update(model, 100_000, current => current).Should().BeNull("an id the seed does not hold is not found");
        store.Slots(model).Should().Be(0);
    }

    [Fact]
    public void Reset_GivesUntouchedIdsANewTag()
    {
        using var store = new EntityStore(SeedData.Build(Models, 42, 100), null, TimeProvider.System);
        var model = Models[0];
        var before = store.Get(model, 9)!;

        store.Reset();

        var after = store.Get(model, 9)!;
        after.Utf8.Should().Equal(before.Utf8);
        after.Tag.Should().NotBe(before.Tag, "every tag of a generation is new after a reset");
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
