using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Store;
using ContractHarness.MockServer.Store.Seeding;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Sessions;

/// <summary>A session's world (<see cref="EntityStore.NewSession"/>): copy-on-write over the seed, apart from every other world.</summary>
public sealed class SessionWorldStoreTests
{
    private static readonly IReadOnlyList<EntityModel> Models = TestPaths.Models;

    [Fact]
    public void NewSession_StartsFromTheSeed_NotFromTheDefaultWorldsChanges()
    {
        using var store = new EntityStore(SeedData.Build(Models, 42, 3), null, TimeProvider.System);
        var model = Models[0];
        var seeded = store.Get(model, 1)!;
        store.Set(model, 1, null);
        store.Set(model, 2, store.Seed.VersionOf(model, 3));

        var session = store.NewSession();

        session.Get(model, 1)!.Utf8.Should().Equal(seeded.Utf8, "a session starts from the seed");
        session.Get(model, 2)!.Utf8.Should().Equal(store.Seed.VersionOf(model, 2).Utf8);
        session.Changed().Should().Be(0, "reading copies nothing");
        store.Get(model, 1).Should().BeNull("the default world keeps its own changes");
    }

    [Fact]
    public void ChangesInOneWorld_AreInvisibleToTheOthers_AndOnlyChangedIdsAreKept()
    {
        using var store = new EntityStore(SeedData.Build(Models, 42, 3), null, TimeProvider.System);
        var model = Models[0];
        var (a, b) = (store.NewSession(), store.NewSession());
        var other = store.Seed.VersionOf(model, 3);

        a.Update(model, 1, _ => other)!.Value.Stored.Should().NotBeNull();
        b.Set(model, 2, null);

        a.Get(model, 1)!.Utf8.Should().Equal(other.Utf8);
        b.Get(model, 1)!.Utf8.Should().Equal(store.Seed.VersionOf(model, 1).Utf8);
        store.Get(model, 1)!.Utf8.Should().Equal(store.Seed.VersionOf(model, 1).Utf8);
        a.Get(model, 2).Should().NotBeNull();
        b.Get(model, 2).Should().BeNull();
        (a.Changed(), b.Changed(), store.Changed()).Should().Be((1, 1, 0));
        b.Count(model).Should().Be(store.Count(model) - 1);
    }

    [Fact]
    public void ResetOfASession_LeavesTheOtherWorldsAsTheyWere()
    {
        using var store = new EntityStore(SeedData.Build(Models, 42, 3), null, TimeProvider.System);
        var model = Models[0];
        var (a, b) = (store.NewSession(), store.NewSession());
        a.Set(model, 1, null);
        b.Set(model, 1, null);
        store.Set(model, 1, null);

        a.Reset();

        a.Get(model, 1).Should().NotBeNull();
        b.Get(model, 1).Should().BeNull();
        store.Get(model, 1).Should().BeNull();
    }

    [Fact]
    public void Tags_DifferBetweenWorlds_AndAfterASessionReset()
    {
        using var store = new EntityStore(SeedData.Build(Models, 42, 3), null, TimeProvider.System);
        var model = Models[0];
        var (a, b) = (store.NewSession(), store.NewSession());
        var tags = new[] { store.Get(model, 1)!.Tag, a.Get(model, 1)!.Tag, b.Get(model, 1)!.Tag };

        a.Get(model, 1)!.Tag.Should().Be(tags[1], "reads of one generation agree on the tag");
        a.Reset();

        tags.Append(a.Get(model, 1)!.Tag).Select(t => t!.ETag).Should().OnlyHaveUniqueItems("a tag names one version of one world");
    }
}
