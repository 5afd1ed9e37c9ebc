using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Store.Seeding;

/// <summary>
/// The starting state: for every route, ids 1 to <see cref="EntityCount"/> generated from the schema, plus the
/// page's sample response entity at its own id, exactly as in the page. Generated entities are made on first use
/// (start-up only loads and checks the samples); every seeded entity is checked against its
/// schema when it is made, so a broken contract or generator fails loudly. Immutable once made:
/// <see cref="EntityStore.Reset"/> goes back to it.
/// </summary>
internal sealed class SeedData
{
    private readonly Dictionary<EntityModel, IReadOnlyDictionary<int, Lazy<StoredEntity>>> _entities;
    private readonly SeedGenerator _generator;
    private readonly ConcurrentDictionary<EntityModel, byte[]> _currentUsers = new();

    private SeedData(IReadOnlyList<EntityModel> models, SeedGenerator generator, int entityCount,
        Dictionary<EntityModel, IReadOnlyDictionary<int, Lazy<StoredEntity>>> entities)
    {
        Models = models;
        _generator = generator;
        EntityCount = entityCount;
        _entities = entities;
    }

    public IReadOnlyList<EntityModel> Models { get; }

    public int Seed => _generator.Seed;

    public int EntityCount { get; }

    public static SeedData Build(IReadOnlyList<EntityModel> models, int seed, int entityCount)
    {
        var generator = new SeedGenerator(seed, Math.Max(entityCount, 1));
        var entities = new Dictionary<EntityModel, IReadOnlyDictionary<int, Lazy<StoredEntity>>>();
        foreach (var model in models)
        {
            var table = new Dictionary<int, Lazy<StoredEntity>>(entityCount + 1);
            for (var id = 1; id <= entityCount; id++)
            {
                var generatedId = id;
                table[id] = new Lazy<StoredEntity>(() => Generated(model, generator, generatedId));
            }

            var sample = Checked(model, LoadFixture(model), model.FixturePath);
            table[model.FixtureId] = new Lazy<StoredEntity>(sample);
            entities[model] = table;
        }

        return new SeedData(models, generator, entityCount, entities);
    }

    /// <summary>The seeded ids of a route and their versions, each generated on first use and then kept.</summary>
    public IReadOnlyDictionary<int, Lazy<StoredEntity>> Entities(EntityModel model) => _entities[model];

    /// <summary>The seed version of an id: the seeded one, or for an id outside the seed one generated the same way.</summary>
    public StoredEntity VersionOf(EntityModel model, int id) =>
        _entities[model].TryGetValue(id, out var seeded) ? seeded.Value : Generated(model, _generator, id);

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
        if (!File.Exists(model.FixturePath))
        {
            throw new FileNotFoundException($"The sample {model.Entity} is missing: {model.FixturePath}. Run 'make contracts'.", model.FixturePath);
        }

        return StoredEntityJson.Parse(File.ReadAllBytes(model.FixturePath));
    }
}
