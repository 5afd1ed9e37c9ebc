using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Store.Seeding;

/// <summary>
/// The starting state: for every route, ids 1 to <see cref="EntityCount"/> generated from the schema, plus the
/// page's sample response entity at its own id, exactly as in the page. Nothing is generated ahead: an id's version
/// is made when it is asked for, from the seed, the route and the id alone (<see cref="SeedGenerator"/>), so the
/// order in which ids are touched changes nothing and a large id space costs no memory until it is used. Start-up
/// loads and checks the samples; every seeded entity is checked against its schema when it is made, so a broken
/// contract or generator fails loudly. Immutable: <see cref="EntityStore.Reset"/> goes back to it.
/// </summary>
internal sealed class SeedData
{
    private readonly Dictionary<EntityModel, StoredEntity> _samples;
    private readonly SeedGenerator _generator;
    private readonly ConcurrentDictionary<EntityModel, byte[]> _currentUsers = new();

    private SeedData(
        IReadOnlyList<EntityModel> models, SeedGenerator generator, int entityCount, Dictionary<EntityModel, StoredEntity> samples, RecordedEntities? recorded = null)
    {
        Models = models;
        _generator = generator;
        EntityCount = entityCount;
        _samples = samples;
        Recorded = recorded;
    }

    public IReadOnlyList<EntityModel> Models { get; }

    public int Seed => _generator.Seed;

    public int EntityCount { get; }

    /// <summary>The entities of <c>--replay DIR</c>, served at their ids before the sample and the generated ones; null without.</summary>
    public RecordedEntities? Recorded { get; }

    public static SeedData Build(IReadOnlyList<EntityModel> models, int seed, int entityCount) =>
        new(models, new SeedGenerator(seed, Math.Max(entityCount, 1)), Math.Max(entityCount, 0),
            models.ToDictionary(m => m, m => Checked(m, LoadFixture(m), m.FixturePath)));

    /// <summary>
    /// This seed with <paramref name="recorded"/> entities at their ids, as the pages' samples are at theirs: a recorded id
    /// answers the recorded entity, whether the seed held it before or not. The rest (generator, samples) is shared.
    /// </summary>
    public SeedData WithRecorded(RecordedEntities recorded) => new(Models, _generator, EntityCount, _samples, recorded);

    /// <summary>True when the seed holds <paramref name="id"/>: 1 to <see cref="EntityCount"/>, the sample's id or a recorded one.</summary>
    public bool Holds(EntityModel model, int id) =>
        (uint)(id - 1) < (uint)EntityCount || id == model.FixtureId || (Recorded is { } recorded && recorded.TryGet(model, id, out _));

    /// <summary>How many ids of the route the seed holds.</summary>
    public int CountOf(EntityModel model)
    {
        var count = EntityCount + ((uint)(model.FixtureId - 1) < (uint)EntityCount ? 0 : 1);
        if (Recorded is { } recorded)
        {
            count += recorded.IdsOf(model).Count(id => (uint)(id - 1) >= (uint)EntityCount && id != model.FixtureId);
        }

        return count;
    }

    /// <summary>The seeded version of an id, or null when the seed does not hold it.</summary>
    public StoredEntity? SeededOf(EntityModel model, int id) => Holds(model, id) ? VersionOf(model, id) : null;

    /// <summary>
    /// The seed version of an id: the recorded entity at its id, else the sample at its id, else one generated from the
    /// seed and the id (also outside the seed).
    /// </summary>
    public StoredEntity VersionOf(EntityModel model, int id) =>
        Recorded is { } recorded && recorded.TryGet(model, id, out var entity) ? entity
        : id == model.FixtureId ? _samples[model]
        : Generated(model, _generator, id);

    private static StoredEntity Generated(EntityModel model, SeedGenerator generator, int id) =>
        Checked(model, generator.Generate(model.Entity, model.Schema, model.PrimaryKey, id), $"generated id {id}");

    /// <summary>
    /// The user the mock acts as: one carrier generated from the schema of the entity's updated-by property, with
    /// its own id property (<c>AssociateId</c> for an Associate) set to <see cref="CurrentUserId"/>.
    /// </summary>
    /// Made once per route, checked against the property's schema and kept as JSON bytes.
    public byte[] CurrentUser(EntityModel model) => _currentUsers.GetOrAdd(model, GenerateCurrentUser);

    private byte[] GenerateCurrentUser(EntityModel model)
    {
        model.Schema.TryGetProperty(model.UpdatedByField!, out var name, out var schema);
        var carrier = schema.ValueSchema;
        var user = _generator.GenerateCarrier(carrier, "current-user:" + carrier.Title);
        if (carrier.Title is { } title && carrier.TryGetProperty(title + "Id", out var idName, out _))
        {
            user[idName] = CurrentUserId;
        }

        var errors = schema.Validate(user, name);
        return errors.Count == 0
            ? System.Text.Encoding.UTF8.GetBytes(user.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = EntityWriter.Options.Encoder }))
            : throw new InvalidDataException($"The current user does not match {model.Entity}.{name}: {errors[0].Message}");
    }

    /// <summary>The id of the current user (<c>AssociateId</c> 1).</summary>
    public const int CurrentUserId = 1;

    private static StoredEntity Checked(EntityModel model, JsonObject entity, string origin)
    {
        var errors = model.Schema.Validate(entity);
        if (errors.Count > 0)
        {
            throw new InvalidDataException(
                $"The seed {model.Entity} ({origin}) does not match its schema: {string.Join("; ", errors.Take(5).Select(e => e.Message))}");
        }

        return EntityWriter.Write(entity, model);
    }

    private static JsonObject LoadFixture(EntityModel model)
    {
        if (!model.FixtureFiles.Exists(model.FixturePath))
        {
            throw new FileNotFoundException($"The sample {model.Entity} is missing: {model.FixturePath}. Run 'make contracts'.", model.FixturePath);
        }

        return StoredEntityJson.Parse(model.FixtureFiles.ReadAllBytes(model.FixturePath));
    }
}
