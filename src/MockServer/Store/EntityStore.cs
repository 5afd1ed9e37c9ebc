using System.Collections.Concurrent;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Store.Persistence;
using ContractHarness.MockServer.Store.Seeding;

namespace ContractHarness.MockServer.Store;

/// <summary>
/// The mock's state: every entity of every route, starting from the <see cref="SeedData"/>. The tables hold only the
/// ids that were touched: the first lookup of a seeded id makes its slot, whose version the seed generates on first
/// read, so untouched ids cost nothing; a deleted id keeps a slot without a version. Reads are lock-free;
/// each change runs under its entity's lock and never interleaves with <see cref="Reset"/>. In memory a change is
/// visible at once. With an <see cref="EntityDatabase"/> it is staged under the lock (the next change of the entity
/// starts from it) and queued for the group commit; it becomes visible when its transaction is durable, and the
/// caller answers only then (<see cref="ChangeOutcome.Committed"/>). The queue keeps the order in which the entity's
/// versions were staged, so the stored order, the visible order and the answered order are one.
/// </summary>
internal sealed class EntityStore : IDisposable
{
    private readonly SeedData _seed;
    private readonly EntityDatabase? _database;
    private readonly ReaderWriterLockSlim _resetGate = new(LockRecursionPolicy.NoRecursion);
    private readonly VersionTags _tags;
    private readonly Func<int, EntityModel, EntitySlot> _seedSlot;
    private volatile Dictionary<EntityModel, ConcurrentDictionary<int, EntitySlot>> _tables;

    /// <summary>Starts from the seed and then every version stored in <paramref name="database"/>, which it owns from here on.</summary>
    /// <exception cref="DataFolderException">A stored version cannot be read back (the database is closed then).</exception>
    public EntityStore(SeedData seed, EntityDatabase? database, TimeProvider time)
    {
        _seed = seed;
        _database = database;
        _tags = new VersionTags(time);
        _seedSlot = SeedSlot;
        _tables = Fresh(seed);
        try
        {
            database?.Load(Restore);
        }
        catch
        {
            database?.Dispose();
            throw;
        }
    }

    public IReadOnlyList<EntityModel> Models => _seed.Models;

    public SeedData Seed => _seed;

    public StoredEntity? Get(EntityModel model, int id) => SlotOf(_tables[model], model, id)?.Current;

    /// <summary>How many ids of the route exist now: the seed's count, corrected by the touched ids only.</summary>
    public int Count(EntityModel model)
    {
        var count = _seed.CountOf(model);
        foreach (var (id, slot) in _tables[model])
        {
            count += (_seed.Holds(model, id), slot.Exists) switch
            {
                (true, false) => -1, // a seeded id deleted
                (false, true) => 1, // an id created outside the seed
                _ => 0,
            };
        }

        return count;
    }

    /// <summary>
    /// The place of an existing id, for a request that must answer 404 before it does its work and then change the
    /// entity (PATCH): <see cref="Update(EntityModel, int, EntityHandle, Func{StoredEntity, ChangeOutcome})"/> starts
    /// from it without a second lookup.
    /// </summary>
    public bool TryFind(EntityModel model, int id, out EntityHandle handle)
    {
        var tables = _tables;
        if (SlotOf(tables[model], model, id) is { Current: not null } slot)
        {
            handle = new EntityHandle(tables, slot);
            return true;
        }

        handle = default;
        return false;
    }

    /// <summary>
    /// Replaces the entity with what <paramref name="change"/> makes of it, atomically with respect to every other
    /// change of the same entity. <paramref name="change"/> may return a refusal (or throw) instead; nothing is
    /// stored then.
    /// </summary>
    /// <returns>The stored new version or the refusal, or null when the id does not exist.</returns>
    public ChangeOutcome? Update(EntityModel model, int id, Func<StoredEntity, ChangeOutcome> change) =>
        Update(model, id, default, change);

    /// <summary>As <see cref="Update(EntityModel, int, Func{StoredEntity, ChangeOutcome})"/>, from a place <see cref="TryFind"/> found.</summary>
    /// <remarks>A reset between the two replaces the tables: the id is then looked up again in the new ones.</remarks>
    public ChangeOutcome? Update(EntityModel model, int id, EntityHandle found, Func<StoredEntity, ChangeOutcome> change)
    {
        _resetGate.EnterReadLock();
        try
        {
            var slot = ReferenceEquals(found.Tables, _tables) ? found.Slot : null;
            slot ??= SlotOf(_tables[model], model, id);
            if (slot is null)
            {
                return null;
            }

            lock (slot.Gate)
            {
                if (slot.Latest is not { } current)
                {
                    return null;
                }

                var outcome = change(current);
                if (outcome.Stored is not { } next)
                {
                    return outcome;
                }

                if (_database is null)
                {
                    slot.Current = next;
                    return slot.Current!; // as stored, with its tag
                }

                var staged = slot.Stage(next);
                return ((ChangeOutcome)staged.Value!).WithCommit(Commit(model, id, slot, staged));
            }
        }
        finally
        {
            _resetGate.ExitReadLock();
        }
    }

    /// <summary>Creates, replaces or (with null) deletes an entity; used by provider states. Returns once it is stored.</summary>
    public void Set(EntityModel model, int id, StoredEntity? value)
    {
        Task? committed = null;
        _resetGate.EnterReadLock();
        try
        {
            // A seeded id gets its seed slot, so readers see the seed version until the new one is published.
            var table = _tables[model];
            var slot = SlotOf(table, model, id) ?? table.GetOrAdd(id, _ => new EntitySlot(_tags, (StoredEntity?)null));
            lock (slot.Gate)
            {
                if (_database is null)
                {
                    slot.Current = value;
                }
                else
                {
                    committed = Commit(model, id, slot, slot.Stage(value));
                }
            }
        }
        finally
        {
            _resetGate.ExitReadLock();
        }

        // Waits outside the locks: the writer thread needs none of them to commit.
        committed?.GetAwaiter().GetResult();
    }

    /// <summary>Restores the seed state and removes every stored version (after the changes queued before it are stored).</summary>
    public void Reset()
    {
        _resetGate.EnterWriteLock();
        try
        {
            _database?.Clear().GetAwaiter().GetResult();
            _tables = Fresh(_seed);
        }
        finally
        {
            _resetGate.ExitWriteLock();
        }
    }

    public void Dispose()
    {
        _database?.Dispose();
        _resetGate.Dispose();
    }

    /// <summary>Queues a staged version; the task completes once it is durable and visible.</summary>
    private Task Commit(EntityModel model, int id, EntitySlot slot, EntitySlot.Staged staged) =>
        _database!.Write(model.Route, id, staged.Value?.Utf8, () => slot.Publish(staged));

    /// <summary>
    /// One stored version read back at start (its JSON was checked completely when the file was opened): it is built
    /// on first use, as seed versions are, so start-up time grows with the stored bytes, not with building entities.
    /// </summary>
    private void Restore(string route, int id, byte[]? utf8)
    {
        var model = _seed.Models.FirstOrDefault(m => m.Route == route)
            ?? throw new InvalidDataException($"the catalog has no route {route} (the data folder was written with other contracts).");
        _tables[model][id] = utf8 is null
            ? new EntitySlot(_tags, (StoredEntity?)null)
            : new EntitySlot(_tags, () => EntityWriter.Write(StoredEntityJson.Parse(utf8), model));
    }

    /// <summary>
    /// The slot of an id: the one the table holds, else for a seeded id a new one the seed fills on first read (of
    /// concurrent first touches one slot wins, before anyone reads it); null for an id that was never there.
    /// </summary>
    private EntitySlot? SlotOf(ConcurrentDictionary<int, EntitySlot> table, EntityModel model, int id) =>
        table.TryGetValue(id, out var slot) ? slot
        : _seed.Holds(model, id) ? table.GetOrAdd(id, _seedSlot, model)
        : null;

    private EntitySlot SeedSlot(int id, EntityModel model) => new(_tags, () => _seed.VersionOf(model, id));

    private static Dictionary<EntityModel, ConcurrentDictionary<int, EntitySlot>> Fresh(SeedData seed) =>
        seed.Models.ToDictionary(m => m, _ => new ConcurrentDictionary<int, EntitySlot>());
}

/// <summary>What a change made of an entity: the new version to store, or the error answer that refuses it.</summary>
internal readonly struct ChangeOutcome
{
    private ChangeOutcome(StoredEntity? stored, MockHttpException? refusal) => (Stored, Refusal) = (stored, refusal);

    public StoredEntity? Stored { get; }

    public MockHttpException? Refusal { get; }

    /// <summary>With a data folder: completes when <see cref="Stored"/> is durable and visible; answer only then. Null in memory.</summary>
    public Task? Committed { get; private init; }

    public static implicit operator ChangeOutcome(StoredEntity stored) => new(stored, null);

    public static implicit operator ChangeOutcome(MockHttpException refusal) => new(null, refusal);

    public ChangeOutcome WithCommit(Task committed) => this with { Committed = committed };
}

/// <summary>Where <see cref="EntityStore.TryFind"/> found an id: the tables of that moment and the id's slot in them.</summary>
internal readonly record struct EntityHandle(object? Tables, EntitySlot? Slot);
