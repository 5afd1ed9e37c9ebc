using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Store.Seeding;

namespace ContractHarness.MockServer.Store;

/// <summary>
/// The seed versions of ids no change has touched, as reads answer them: generated from the seed on demand and
/// named by this generation's tag (so a GET, a later GET and the update that starts from it agree on the <c>ETag</c>
/// without anything stored per id), then kept in a small cache that forgets them. The cache is direct-mapped
/// (<see cref="Capacity"/> lines per route, the id picks the line): a round over a hundred ids generates each once,
/// while a sweep over a million ids keeps at most <see cref="Capacity"/> versions per route, never one per id.
/// Lock-free: two readers that miss the same id at once both generate it, to the same bytes and the same tag.
/// A reset makes a new generation, whose tags differ from every tag handed out before.
/// </summary>
internal sealed class SeedVersions
{
    /// <summary>Cached versions per route: room for the ids a load round rotates over (1..100), a few MB at most.</summary>
    public const int Capacity = 128;

    private readonly SeedData _seed;
    private readonly VersionTag _generation;
    private readonly Dictionary<EntityModel, Line?[]> _lines;
    private readonly SeedVersions? _shared;

    public SeedVersions(SeedData seed, VersionTag generation)
    {
        _seed = seed;
        _generation = generation;
        _lines = seed.Models.ToDictionary(m => m, _ => new Line?[Capacity]);
    }

    private SeedVersions(SeedVersions shared, VersionTag generation)
    {
        _seed = shared._seed;
        _generation = generation;
        _lines = [];
        _shared = shared;
    }

    /// <summary>
    /// The seed versions of a session's world: the bytes come from <paramref name="shared"/>'s cache (one for every
    /// session, so a session that only reads holds nothing of its own), each read named by this generation's tag.
    /// </summary>
    public static SeedVersions View(SeedVersions shared, VersionTag generation) => new(shared, generation);

    /// <summary>The tagged seed version of <paramref name="id"/>, or null when the seed does not hold it.</summary>
    public StoredEntity? Get(EntityModel model, int id)
    {
        if (_shared is not null)
        {
            return _shared.Get(model, id)?.Tagged(TagOf(id)); // a session's read: the shared bytes under this generation's tag
        }

        if (!_seed.Holds(model, id))
        {
            return null;
        }

        ref var line = ref _lines[model][(uint)id % Capacity];
        if (Volatile.Read(ref line) is { } cached && cached.Id == id)
        {
            return cached.Version;
        }

        var version = _seed.VersionOf(model, id).Tagged(TagOf(id));
        Volatile.Write(ref line, new Line(id, version));
        return version;
    }

    /// <summary>The generation's tag with the id: unlike the store's serials (no dot), and the same for every read of this generation.</summary>
    private VersionTag TagOf(int id) =>
        new(string.Concat(_generation.ETag.AsSpan(0, _generation.ETag.Length - 1), ".", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "\""), _generation.StoredAt);

    private sealed record Line(int Id, StoredEntity Version);
}
