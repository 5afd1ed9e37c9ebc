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

    [Fact]
    public void Update_WithNoOtherChange_WorksTheChangeOutOnce()
    {
        using var store = new EntityStore(SeedData.Build(Models, 42, 3), null, TimeProvider.System);
        var model = Models[0];
        var calls = 0;

        store.Update(model, 1, current => { calls++; return current; })!.Value.Stored.Should().NotBeNull();

        calls.Should().Be(1, "the version it was worked out from was still the latest under the lock");
    }

    [Fact]
    public async Task Update_WhenAnotherChangeLandsMeanwhile_WorksTheChangeOutAgainFromTheNewVersion()
    {
        using var store = new EntityStore(SeedData.Build(Models, 42, 3), null, TimeProvider.System);
        var model = Models[0];
        var original = store.Get(model, 1)!;
        var seen = new List<StoredEntity>();
        using var working = new ManualResetEventSlim();
        using var landed = new ManualResetEventSlim();
        var slow = Task.Run(() => store.Update(model, 1, current =>
        {
            lock (seen)
            {
                seen.Add(current);
            }

            if (seen.Count == 1)
            {
                working.Set();
                landed.Wait(TimeSpan.FromSeconds(10)); // the other change lands while this one is being worked out
            }

            return current;
        }));

        StoredEntity other;
        try
        {
            working.Wait(TimeSpan.FromSeconds(10)).Should().BeTrue();
            // The slow change holds no lock while it is worked out: this one goes through meanwhile.
            other = (await Task.Run(() => store.Update(model, 1, current => current)).WaitAsync(TimeSpan.FromSeconds(10)))!.Value.Stored!;
        }
        finally
        {
            landed.Set();
        }

        var kept = (await slow)!.Value.Stored!;
        seen.Should().HaveCount(2);
        seen[0].Tag.Should().Be(original.Tag);
        seen[1].Should().BeSameAs(other, "the outcome worked out from the replaced version is not kept");
        store.Get(model, 1)!.Tag.Should().Be(kept.Tag);
        kept.Tag.Should().NotBe(other.Tag);
    }
}
