using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Store.Seeding;
using ContractHarness.MockServer.Store;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Store;

/// <summary>A PATCH finds its entity once (<see cref="EntityStore.TryFind"/>) and changes it from there.</summary>
public sealed class EntityStoreTests
{
    private static readonly IReadOnlyList<EntityModel> Models = TestPaths.Models;

    [Fact]
    public void Update_FromAPlaceFoundBeforeAReset_ChangesTheEntityTheResetPutBack()
    {
        using var store = new EntityStore(SeedData.Build(Models, 42, 3), null, TimeProvider.System);
        var model = Models[0];
        store.TryFind(model, 1, out var found).Should().BeTrue();
        var seeded = store.Get(model, 1)!;

        store.Reset(); // new tables: the slot found above is no longer the entity's
        var outcome = store.Update(model, 1, found, current => current);

        outcome!.Value.Stored.Should().NotBeNull();
        store.Get(model, 1)!.Tag.Should().Be(outcome.Value.Stored!.Tag, "the update landed in the tables readers see");
        store.Get(model, 1)!.Tag.Should().NotBe(seeded.Tag);
    }

    [Fact]
    public void TryFind_AnIdThatDoesNotExist_FindsNothing()
    {
        using var store = new EntityStore(SeedData.Build(Models, 42, 3), null, TimeProvider.System);
        var model = Models[0];
        store.Set(model, 2, null);

        store.TryFind(model, 2, out _).Should().BeFalse("a deleted id is not there");
        store.TryFind(model, 99_999, out _).Should().BeFalse();
        store.TryFind(model, 3, out _).Should().BeTrue();
    }
}
