using System.Collections.Concurrent;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Store.Persistence;
using ContractHarness.MockServer.Store.Seeding;

namespace ContractHarness.MockServer.Store;

/// <summary>
/// The mock's state: every entity of every route, starting from the <see cref="SeedData"/>. The tables hold only the
/// ids that changed (an update, a provider state, a version read back from the data folder): a read of an untouched
/// seeded id is answered from <see cref="SeedVersions"/>, generated and then forgotten, so reading a million ids
/// stores nothing; the first update of a seeded id makes its slot, which starts from the version reads answered
/// (same bytes, same tag); a deleted id keeps a slot without a version. Reads are lock-free;
/// each change runs under its entity's lock and never interleaves with <see cref="Reset"/>. In memory a change is
/// visible at once. With an <see cref="EntityDatabase"/> it is staged under the lock (the next change of the entity
/// starts from it) and queued for the group commit; it becomes visible when its transaction is durable, and the
/// caller answers only then (<see cref="ChangeOutcome.Committed"/>). The queue keeps the order in which the entity's
/// versions were staged, so the stored order, the visible order and the answered order are one. A change the data
/// folder refuses (its storage failed) takes its staged version back, so the next change starts from the last stored
/// one. Provider states may add ids the seed does not hold, up to a limit (<see cref="AddedLimit"/>).
/// </summary>
internal sealed class EntityStore : IDisposable
{
    private readonly SeedData _seed;
    private readonly EntityDatabase? _database;
    private readonly ReaderWriterLockSlim _resetGate = new(LockRecursionPolicy.NoRecursion);
    private readonly VersionTags _tags;
    private readonly SeedVersions? _sharedSeeds; // a session's world: the seed cache every session reads through
    private SeedVersions? _sessionSeeds; // the default world: that cache, made for the first session
    private volatile Generation _state;

    /// <summary>
    /// Starts from the seed and then every version stored in <paramref name="database"/>, which it owns from here on;
    /// <see cref="Set"/> may add up to <c>addedLimit</c> ids outside the seed (all routes together).
    /// </summary>
    /// <exception cref="DataFolderException">A stored version cannot be read back (the database is closed then).</exception>
    public EntityStore(SeedData seed, EntityDatabase? database, TimeProvider time, int addedLimit = int.MaxValue)
    {
        _seed = seed;
        _database = database;
        AddedLimit = addedLimit;
        _tags = new VersionTags(time);
        _state = Fresh();
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

    /// <summary>A session's world: no data folder; tags from the default world's <paramref name="tags"/>, seed bytes from <paramref name="sharedSeeds"/>.</summary>
    private EntityStore(SeedData seed, VersionTags tags, SeedVersions sharedSeeds)
    {
        _seed = seed;
        _tags = tags;
        _sharedSeeds = sharedSeeds;
        _state = Fresh();
    }

    public IReadOnlyList<EntityModel> Models => _seed.Models;

    /// <summary>
    /// A world of its own for a session: it starts from the seed (not from this world's changes), holds only the ids
    /// it changes, and lives in memory only (with a data folder too). Its tags come from this store's counter, so no
    /// two worlds hand out the same tag, and the seed versions it reads are generated once for every session.
    /// It holds nothing to release: one that is dropped while a request still uses it is left to the collector.
    /// </summary>
    public EntityStore NewSession() =>
        new(_seed, _tags, Volatile.Read(ref _sessionSeeds) ?? LazyInitializer.EnsureInitialized(ref _sessionSeeds, () => new SeedVersions(_seed, _tags.Next())));

    /// <summary>How many ids of every route hold a slot: the entities this world changed since it started or was reset.</summary>
    public int Changed()
    {
        var changed = 0;
        foreach (var table in _state.Tables.Values)
        {
            changed += table.Count;
        }

        return changed;
    }

    public SeedData Seed => _seed;

    /// <summary>How many ids outside the seed may hold a slot (added by provider states, or read back from the data folder).</summary>
    public int AddedLimit { get; }

    /// <summary>How many ids outside the seed hold a slot now.</summary>
    public int Added => Volatile.Read(ref _state.Added);

    /// <summary>The data folder's file, or null in memory.</summary>
    public string? DataFile => _database?.FilePath;

    /// <summary>Why the data folder refuses updates now, or null (also in memory).</summary>
    public StorageFault? StorageFault => _database?.Fault;

    public StoredEntity? Get(EntityModel model, int id)
    {
        var state = _state;
        return state.Tables[model].TryGetValue(id, out var slot) ? slot.Current : state.Seeds.Get(model, id);
    }

    /// <summary>How many ids of the route hold a slot: the ids that changed since the start or the last reset, never the ids only read.</summary>
    public int Slots(EntityModel model) => _state.Tables[model].Count;

    /// <summary>How many ids of the route exist now: the seed's count, corrected by the touched ids only.</summary>
    public int Count(EntityModel model)
    {
        var count = _seed.CountOf(model);
        foreach (var (id, slot) in _state.Tables[model])
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
        var state = _state;
        if (state.Tables[model].TryGetValue(id, out var slot) ? slot.Current is not null : _seed.Holds(model, id))
        {
            handle = new EntityHandle(state, slot); // no slot yet for an untouched seeded id: the update makes it
            return true;
        }

        handle = default;
        return false;
    }

    /// <summary>
    /// Replaces the entity with what <paramref name="change"/> makes of it, atomically with respect to every other
    /// change of the same entity. <paramref name="change"/> may return a refusal (or throw) instead; nothing is
    /// stored then. <paramref name="change"/> must not change anything itself: it may run twice, and only the run on the
    /// version that is latest under the entity's lock counts (see the other overload).
    /// </summary>
    /// <returns>The stored new version or the refusal, or null when the id does not exist.</returns>
    public ChangeOutcome? Update(EntityModel model, int id, Func<StoredEntity, ChangeOutcome> change) =>
        Update(model, id, default, change);

    /// <summary>As <see cref="Update(EntityModel, int, Func{StoredEntity, ChangeOutcome})"/>, from a place <see cref="TryFind"/> found.</summary>
    /// <remarks>
    /// A reset between the two replaces the tables: the id is then looked up again in the new ones.
    /// The change is worked out before the lock, from the version latest at that moment, and kept when that version
    /// is still the latest once the lock is held; otherwise another change came first and it is worked out again,
    /// under the lock, from the new version. The lock is held to compare one reference and publish, so the updates
    /// of a hot entity queue for that rather than for each other's whole change (a profile of 32 connections patching
    /// one entity on 2 cores showed them yielding the CPU in the lock's spin), and stay linearizable: every kept
    /// outcome was made from the version it replaces. An untouched seeded id is worked out from the version reads
    /// answer; a refusal of it is answered without making the id a slot (only a change that stores keeps one).
    /// </remarks>
    public ChangeOutcome? Update(EntityModel model, int id, EntityHandle found, Func<StoredEntity, ChangeOutcome> change)
    {
        _resetGate.EnterReadLock();
        try
        {
            var state = _state;
            var slot = ReferenceEquals(found.Tables, state) ? found.Slot : null;
            slot ??= state.Tables[model].GetValueOrDefault(id);

            // Outside the lock a guess, checked below: the slot's latest version, or an untouched id's seed version.
            var basis = slot is null ? state.Seeds.Get(model, id) : slot.Latest;
            if (basis is null)
            {
                return null;
            }

            var early = change(basis);
            if (slot is null && early.Stored is null)
            {
                return early; // a refusal of an untouched id: nothing to keep, so no slot either
            }

            slot ??= SlotOf(state, model, id);
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

                var outcome = ReferenceEquals(current, basis) ? early : change(current);
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

    /// <summary>
    /// Creates, replaces or (with null) deletes an entity; used by provider states. Returns once it is stored, with
    /// null; or the refusal, and nothing changed: a 409 when the id would be one more outside the seed than
    /// <see cref="AddedLimit"/>, a 503 when the data folder cannot store it.
    /// </summary>
    public MockHttpException? Set(EntityModel model, int id, StoredEntity? value)
    {
        Task? committed = null;
        _resetGate.EnterReadLock();
        try
        {
            // A seeded id gets its seed slot, so readers see the seed version until the new one is published.
            var state = _state;
            var slot = SlotOf(state, model, id);
            if (slot is null)
            {
                if (value is null)
                {
                    return null; // deleting an id that never existed: nothing to do, and nothing to keep
                }

                if (Interlocked.Increment(ref state.Added) > AddedLimit)
                {
                    Interlocked.Decrement(ref state.Added);
                    return MockErrors.LimitReached(
                        $"The mock holds {AddedLimit} entities outside the seed (ids past --entity-count), its limit (--max-added-entities {AddedLimit}); no more can be added. POST /__admin/reset removes them.");
                }

                var made = new EntitySlot(_tags, (StoredEntity?)null);
                slot = state.Tables[model].GetOrAdd(id, made);
                if (!ReferenceEquals(slot, made))
                {
                    Interlocked.Decrement(ref state.Added); // another call added it first
                }
            }

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
        return Stored(committed);
    }

    /// <summary>
    /// Restores the seed state and removes every stored version (after the changes queued before it are stored); or,
    /// when the data folder cannot store that, changes nothing and returns its 503.
    /// </summary>
    public MockHttpException? Reset()
    {
        _resetGate.EnterWriteLock();
        try
        {
            if (Stored(_database?.Clear()) is { } refused)
            {
                return refused;
            }

            _state = Fresh();
            return null;
        }
        finally
        {
            _resetGate.ExitWriteLock();
        }
    }

    /// <summary>Waits for a commit: null once it is durable, or the data folder's refusal.</summary>
    private static MockHttpException? Stored(Task? committed)
    {
        try
        {
            committed?.GetAwaiter().GetResult();
            return null;
        }
        catch (MockHttpException refused)
        {
            return refused;
        }
    }

    public void Dispose()
    {
        _database?.Dispose();
        _resetGate.Dispose();
    }

    /// <summary>Queues a staged version; the task completes once it is durable and visible.</summary>
    private Task Commit(EntityModel model, int id, EntitySlot slot, EntitySlot.Staged staged) =>
        _database!.Write(model.Route, id, staged.Value?.Utf8, () => slot.Publish(staged), () =>
        {
            lock (slot.Gate)
            {
                slot.Unstage(staged);
            }
        });

    /// <summary>
    /// One stored version read back at start (its JSON was checked completely when the file was opened): it is built
    /// on first use, as seed versions are, so start-up time grows with the stored bytes, not with building entities.
    /// </summary>
    private void Restore(string route, int id, byte[]? utf8)
    {
        var model = _seed.Models.FirstOrDefault(m => m.Route == route)
            ?? throw new InvalidDataException($"the catalog has no route {route} (the data folder was written with other contracts).");
        var tag = _tags.Next();
        if (!_seed.Holds(model, id))
        {
            _state.Added++;
        }

        _state.Tables[model][id] = utf8 is null
            ? new EntitySlot(_tags, (StoredEntity?)null)
            : new EntitySlot(_tags, () => EntityWriter.Write(StoredEntityJson.Parse(utf8), model).Tagged(tag));
    }

    /// <summary>
    /// The slot of an id, for a change: the one the table holds, else for a seeded id a new one that starts from the
    /// version reads answered (of concurrent first changes one slot wins, before anyone reads it); null for an id
    /// that was never there.
    /// </summary>
    private EntitySlot? SlotOf(Generation state, EntityModel model, int id) =>
        state.Tables[model].TryGetValue(id, out var slot) ? slot
        : _seed.Holds(model, id) ? state.Tables[model].GetOrAdd(id, static (id, s) => new EntitySlot(s.Tags, () => s.State.Seeds.Get(s.Model, id)!), (State: state, Model: model, Tags: _tags))
        : null;

    /// <summary>
    /// The seed state: no slot, and seed versions under a tag no client has seen. A session's tables start small,
    /// with one lock for their rare additions (reads take none): a thousand sessions should not cost a thousand
    /// default-sized tables per route.
    /// </summary>
    private Generation Fresh() => _sharedSeeds is null
        ? new(_seed.Models.ToDictionary(m => m, _ => new ConcurrentDictionary<int, EntitySlot>()), new SeedVersions(_seed, _tags.Next()))
        : new(_seed.Models.ToDictionary(m => m, _ => new ConcurrentDictionary<int, EntitySlot>(1, 4)), SeedVersions.View(_sharedSeeds, _tags.Next()));

    /// <summary>The slots of the changed ids and the seed versions of the others, from the start or a reset until the next reset.</summary>
    private sealed record Generation(Dictionary<EntityModel, ConcurrentDictionary<int, EntitySlot>> Tables, SeedVersions Seeds)
    {
        /// <summary>How many of the slots are ids outside the seed.</summary>
        public int Added;
    }
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

/// <summary>Where <see cref="EntityStore.TryFind"/> found an id: the tables of that moment and the id's slot in them (null for an untouched seeded id).</summary>
internal readonly record struct EntityHandle(object? Tables, EntitySlot? Slot);
