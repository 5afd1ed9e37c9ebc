using System.Collections.Concurrent;
using ContractHarness.MockServer.Errors;
using ContractHarness.MockServer.Persistence;
using ContractHarness.MockServer.Seeding;

namespace ContractHarness.MockServer.Store;

/// <summary>
/// The mock's state: every entity of every route, starting from the <see cref="SeedData"/>. Reads are lock-free;
/// each change runs under its entity's lock, is written to the <see cref="WriteAheadLog"/> (when there is one)
/// before it becomes visible, and never interleaves with <see cref="Reset"/>.
/// </summary>
internal sealed class EntityStore : IDisposable
{
    private readonly SeedData _seed;
    private readonly WriteAheadLog? _log;
    private readonly ReaderWriterLockSlim _resetGate = new(LockRecursionPolicy.NoRecursion);
    private readonly VersionTags _tags;
    private volatile Dictionary<EntityModel, ConcurrentDictionary<int, EntitySlot>> _tables;

    public EntityStore(SeedData seed, WriteAheadLog? log, TimeProvider time)
    {
        _seed = seed;
        _log = log;
        _tags = new VersionTags(time);
        _tables = Fresh(seed, _tags);
        if (log is not null)
        {
            foreach (var (route, id, utf8) in log.Replay())
            {
                if (seed.Models.FirstOrDefault(m => m.Route == route) is { } model)
                {
                    var value = utf8 is null ? null : EntityWriter.Write(StoredEntityJson.Parse(utf8), model);
                    _tables[model].AddOrUpdate(id, _ => new EntitySlot(_tags, value), (_, slot) => { slot.Current = value; return slot; });
                }
            }
        }
    }

    public IReadOnlyList<EntityModel> Models => _seed.Models;

    public SeedData Seed => _seed;

    public StoredEntity? Get(EntityModel model, int id) =>
        _tables[model].TryGetValue(id, out var slot) ? slot.Current : null;

    /// <summary>How many ids of the route exist now.</summary>
    public int Count(EntityModel model) => _tables[model].Values.Count(s => s.Exists);

    /// <summary>
    /// Replaces the entity with what <paramref name="change"/> makes of it, atomically with respect to every other
    /// change of the same entity. <paramref name="change"/> may return a refusal (or throw) instead; nothing is
    /// stored then.
    /// </summary>
    /// <returns>The stored new version or the refusal, or null when the id does not exist.</returns>
    public ChangeOutcome? Update(EntityModel model, int id, Func<StoredEntity, ChangeOutcome> change)
    {
        _resetGate.EnterReadLock();
        try
        {
            if (!_tables[model].TryGetValue(id, out var slot))
            {
                return null;
            }

            lock (slot.Gate)
            {
                if (slot.Current is not { } current)
                {
                    return null;
                }

                var outcome = change(current);
                if (outcome.Stored is { } next)
                {
                    _log?.Append(model.Route, id, next.Utf8);
                    slot.Current = next;
                    outcome = slot.Current!; // as stored, with its tag
                }

                return outcome;
            }
        }
        finally
        {
            _resetGate.ExitReadLock();
        }
    }

    /// <summary>Creates, replaces or (with null) deletes an entity; used by provider states.</summary>
    public void Set(EntityModel model, int id, StoredEntity? value)
    {
        _resetGate.EnterReadLock();
        try
        {
            var slot = _tables[model].GetOrAdd(id, _ => new EntitySlot(_tags, (StoredEntity?)null));
            lock (slot.Gate)
            {
                _log?.Append(model.Route, id, value?.Utf8);
                slot.Current = value;
            }
        }
        finally
        {
            _resetGate.ExitReadLock();
        }
    }

    /// <summary>Restores the seed state and empties the write-ahead log.</summary>
    public void Reset()
    {
        _resetGate.EnterWriteLock();
        try
        {
            _log?.Clear();
            _tables = Fresh(_seed, _tags);
        }
        finally
        {
            _resetGate.ExitWriteLock();
        }
    }

    public void Dispose()
    {
        _log?.Dispose();
        _resetGate.Dispose();
    }

    private static Dictionary<EntityModel, ConcurrentDictionary<int, EntitySlot>> Fresh(SeedData seed, VersionTags tags) =>
        seed.Models.ToDictionary(
            m => m,
            m => new ConcurrentDictionary<int, EntitySlot>(seed.Entities(m).Select(e => KeyValuePair.Create(e.Key, new EntitySlot(tags, e.Value)))));

    /// <summary>Generates every pending seed version now (the command line does it in the background after start-up).</summary>
    public void Materialize()
    {
        foreach (var table in _tables.Values)
        {
            foreach (var slot in table.Values)
            {
                _ = slot.Current;
            }
        }
    }
}

/// <summary>What a change made of an entity: the new version to store, or the error answer that refuses it.</summary>
internal readonly struct ChangeOutcome
{
    private ChangeOutcome(StoredEntity? stored, MockHttpException? refusal) => (Stored, Refusal) = (stored, refusal);

    public StoredEntity? Stored { get; }

    public MockHttpException? Refusal { get; }

    public static implicit operator ChangeOutcome(StoredEntity stored) => new(stored, null);

    public static implicit operator ChangeOutcome(MockHttpException refusal) => new(null, refusal);
}
