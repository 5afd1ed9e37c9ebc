using System.Globalization;
using System.Text.Json.Nodes;
using ContractHarness.Contracts.Validation;

namespace ContractHarness.MockServer.Store.Seeding;

/// <summary>
/// Generates entities from their schemas, deterministically: the values of entity <c>id</c> depend only on the seed,
/// the entity name and the id (never on the clock or on generation order), through a <see cref="SeedRandom"/> of
/// their own and the small word lists of <see cref="SeedWords"/>. Values follow the
/// schema's types, formats and enumerations, with realistic text chosen by property name (<see cref="TextHeuristics"/>);
/// nested carriers are filled down to <see cref="MaxDepth"/>; carriers whose schema lists no properties get the
/// SuperOffice list-item shape (<c>Id</c>, <c>Value</c>, <c>Tooltip</c>); <c>_Links</c> is left to the server.
/// </summary>
internal sealed class SeedGenerator(int seed, int entityCount)
{
    /// <summary>How deep nested carriers are filled; deeper nullable carriers are null.</summary>
    public const int MaxDepth = 2;

    private static readonly DateTime Epoch = new(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public int Seed => seed;

    /// <summary>Generates entity <paramref name="id"/> of the schema; the primary key holds the id.</summary>
    public JsonObject Generate(string entity, SchemaNode schema, string primaryKey, int id)
    {
        var obj = new Entity(new SeedRandom(StableHash.Of(seed, entity, id)), entityCount).Carrier(schema.ValueSchema, 0, null);
        obj[primaryKey] = id;
        return obj;
    }

    /// <summary>A carrier generated from its schema under a fixed key (the "current user" Associate).</summary>
    public JsonObject GenerateCarrier(SchemaNode schema, string key) =>
        new Entity(new SeedRandom(StableHash.Of(seed, key, 0)), entityCount).Carrier(schema.ValueSchema, 1, null);

    /// <summary>One entity being generated: its own random source, so generations never share state or a lock.</summary>
    private sealed class Entity(SeedRandom random, int entityCount)
    {
        public JsonObject Carrier(SchemaNode schema, int depth, string? parentName)
        {
            var obj = new JsonObject();
            foreach (var (name, propertySchema) in schema.Properties)
            {
                obj[name] = Value(name, propertySchema, depth + 1, parentName);
            }

            return obj;
        }

        private JsonNode? Value(string name, SchemaNode schema, int depth, string? parentName)
        {
            var value = schema.ValueSchema;
            var types = value.Types;
            var nullable = schema.AllowsNull;
            if (types == SchemaTypes.Any || name == "_Links")
            {
                return nullable ? null : new JsonObject();
            }

            if ((types & SchemaTypes.Object) != 0)
            {
                if (nullable && depth > MaxDepth)
                {
                    return null;
                }

                return value.Properties.Count > 0 ? Carrier(value, depth, name)
                    : value.AdditionalProperties is { } map ? Map(map, depth)
                    : ListItem();
            }

            if ((types & SchemaTypes.Array) != 0)
            {
                return Array(name, value.Items, depth);
            }

            if (value.Enum is { Count: > 0 } members)
            {
                return members[random.Int(0, members.Count - 1)]?.DeepClone(); // the vendor's members, never a lorem word
            }

            if ((types & SchemaTypes.String) != 0)
            {
                return value.IsDateTime ? Date(name) : Text(name, parentName);
            }

            if ((types & SchemaTypes.Integer) != 0 && (types & SchemaTypes.Number) == 0)
            {
                return Integer(name);
            }

            if ((types & SchemaTypes.Number) != 0)
            {
                return Math.Round(random.Double(0, 10_000), 2);
            }

            return (types & SchemaTypes.Boolean) != 0 ? Boolean(name) : null;
        }

        private JsonArray Array(string name, SchemaNode? items, int depth)
        {
            var array = new JsonArray();
            var itemSchema = items?.ValueSchema;
            if (itemSchema is null || (itemSchema.Types & SchemaTypes.Object) != 0 && itemSchema.Properties.Count == 0 || depth > MaxDepth)
            {
                return array;
            }

            var count = random.Int(1, 2);
            for (var i = 0; i < count; i++)
            {
                array.Add(Value(name, items!, depth, name));
            }

            return array;
        }

        private JsonObject Map(SchemaNode values, int depth)
        {
            var map = new JsonObject();
            var stringValues = (values.ValueSchema.Types & SchemaTypes.String) != 0;
            for (var i = 1; i <= (stringValues ? 2 : 1); i++)
            {
                var key = stringValues ? $"SuperOffice:{i}" : random.Pick(SeedWords.Columns);
                map[key] = Value(key, values, depth, null);
            }

            return map;
        }

        private JsonObject ListItem() => new()
        {
            ["Id"] = random.Int(1, entityCount),
            ["Value"] = random.Pick(SeedWords.Adjectives),
            ["Tooltip"] = random.Sentence(3),
        };

        private string Text(string name, string? parentName) =>
            name is "Value" or "StrippedValue" && parentName is not null
                ? TextHeuristics.For(parentName, random)
                : TextHeuristics.For(name, random);

        private int Integer(string name)
        {
            var lower = name.ToLowerInvariant();
            return lower switch
            {
                "deleted" or "retired" or "reversed" => 0,
                "rank" or "sortorder" => random.Int(1, 10),
                _ when lower.EndsWith("id", StringComparison.Ordinal) => random.Int(1, entityCount),
                _ => random.Int(0, 100),
            };
        }

        private bool Boolean(string name) =>
            name is not ("Deleted" or "Hidden" or "Retired") && random.Bool();

        private string Date(string name)
        {
            var lower = name.ToLowerInvariant();
            var (from, years) = lower switch
            {
                _ when lower.Contains("created", StringComparison.Ordinal) || lower.Contains("registered", StringComparison.Ordinal) => (Epoch, 6),
                _ when lower.Contains("updated", StringComparison.Ordinal) || lower.Contains("changed", StringComparison.Ordinal)
                    || lower.Contains("modified", StringComparison.Ordinal) || lower.Contains("synchron", StringComparison.Ordinal) => (Epoch.AddYears(7), 3),
                _ => (Epoch, 12),
            };
            var seconds = random.Long(0, (long)TimeSpan.FromDays(365 * years).TotalSeconds);
            return from.AddSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        }
    }
}
