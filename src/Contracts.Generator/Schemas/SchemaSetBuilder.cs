using System.Text.Json.Nodes;
using ContractHarness.Contracts.Generator.Pages;

namespace ContractHarness.Contracts.Generator.Schemas;

/// <summary>
/// Builds entity schemas from the pages' response-body tables, and carrier schemas from every sample object
/// (response samples, and request samples whose body is an entity) named by <see cref="CarrierNamer"/>.
/// </summary>
internal static class SchemaSetBuilder
{
    public const string SchemaDialect = "http://json-schema.org/draft-07/schema#";

    public static SchemaSet Build(IReadOnlyList<ReferencePage> pages, IReadOnlyDictionary<string, string>? carrierRenames = null)
    {
        var allRows = pages.SelectMany(p => p.ResponseProperties.Concat(p.RequestBody.Properties)).ToList();
        var namedCarriers = allRows.Where(r => r.Type.Length > 0 && !TableTypes.IsPrimitive(r.Type)).Select(r => r.Type).ToHashSet(StringComparer.Ordinal);
        var mapProperties = allRows.Where(r => TableTypes.IsMap(r.Type)).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var walker = new SampleWalker(mapProperties);

        var entityShapes = pages.Select(page =>
        {
            var name = EntityName(page);
            return (Page: page, Name: name, Shapes: WalkSamples(page, name, walker));
        }).ToList();
        CarrierNamer.NameAll(walker.Occurrences, namedCarriers, carrierRenames ?? new Dictionary<string, string>());

        var carriers = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var renderer = new ShapeRenderer(carriers);
        var entities = entityShapes.Select(e => new EntitySchema(e.Name, e.Page, EntitySchemaOf(e.Name, e.Page, e.Shapes, renderer))).ToList();

        foreach (var group in walker.Occurrences.Where(o => o.Name is not null).GroupBy(o => o.Name!))
        {
            carriers[group.Key] = CarrierSchemaOf(group.Key, group.ToList(), renderer);
        }

        foreach (var name in namedCarriers.Where(n => !carriers.ContainsKey(n)))
        {
            carriers[name] = new JsonObject
            {
                ["title"] = name,
                ["description"] = "Carrier named by the reference pages; no sample shows its fields, so any object is accepted.",
                ["type"] = "object",
            };
        }

        foreach (var (name, schema) in carriers.ToList())
        {
            var withHeader = new JsonObject { ["$schema"] = SchemaDialect, ["$id"] = SchemaSet.FileName(name) };
            foreach (var property in schema.ToList())
            {
                schema.Remove(property.Key);
                withHeader[property.Key] = property.Value;
            }

            carriers[name] = withHeader;
        }

        return new SchemaSet(entities, carriers);
    }

    /// <summary>The entity name: from the page id (<c>v1ContactEntity_PatchContactEntity</c>), else the response carrier.</summary>
    public static string EntityName(ReferencePage page)
    {
        var id = page.Id;
        var underscore = id.IndexOf('_', StringComparison.Ordinal);
        if (id.Length > 2 && id[0] == 'v' && char.IsDigit(id[1]) && underscore > 0)
        {
            var start = 1;
            while (start < underscore && char.IsDigit(id[start]))
            {
                start++;
            }

            if (start < underscore)
            {
                return id[start..underscore];
            }
        }

        if (!page.ResponseCarrier.Equals("object", StringComparison.OrdinalIgnoreCase))
        {
            return page.ResponseCarrier.EndsWith("WithLinks", StringComparison.Ordinal) ? page.ResponseCarrier[..^"WithLinks".Length] : page.ResponseCarrier;
        }

        throw new PageFormatException(page.FileName, 1, $"cannot tell the entity name: id '{id}' is not 'v1<Entity>_<Operation>' and the response carrier is 'object'");
    }

    private static Dictionary<string, ValueShape> WalkSamples(ReferencePage page, string entity, SampleWalker walker)
    {
        var rows = page.ResponseProperties.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var shapes = page.ResponseProperties.ToDictionary(r => r.Name, _ => new ValueShape(), StringComparer.Ordinal);
        walker.Source = entity;
        WalkSample(page, page.SampleResponse, rows, shapes, walker);
        if (!page.RequestBody.IsPatchDocument)
        {
            WalkSample(page, page.SampleRequest, rows, shapes, walker);
        }

        return shapes;
    }

    private static void WalkSample(ReferencePage page, HttpSample? sample, Dictionary<string, PropertyRow> rows, Dictionary<string, ValueShape> shapes, SampleWalker walker)
    {
        if (sample?.Body is null)
        {
            return;
        }

        if (sample.Body is not JsonObject body)
        {
            throw new PageFormatException(page.FileName, sample.Line, "the sample body is not a JSON object");
        }

        foreach (var (name, value) in body)
        {
            if (!rows.TryGetValue(name, out var row))
            {
                throw new PageFormatException(page.FileName, sample.Line, $"sample property '{name}' has no row in the entity table");
            }

            walker.Walk(value, row.Name, row.Type, row.Description, shapes[name]);
        }
    }

    private static JsonObject EntitySchemaOf(string name, ReferencePage page, Dictionary<string, ValueShape> shapes, ShapeRenderer renderer)
    {
        var properties = new JsonObject();
        foreach (var row in page.ResponseProperties)
        {
            var shape = new[] { shapes[row.Name] };
            var schema = TableTypes.Scalar(row.Type)
                ?? (TableTypes.IsArray(row.Type) ? renderer.Array(row.Name, shape)
                : TableTypes.IsMap(row.Type) ? renderer.Map(row.Name, shape)
                : row.Type.Length > 0 ? ShapeRenderer.NullableRef(row.Type)
                : shape[0].SawAnything ? renderer.Property(row.Name, shape)
                : new JsonObject { ["type"] = new JsonArray("object", "null") });
            if (row.Description.Length > 0)
            {
                schema["description"] = row.Description;
            }

            properties[row.Name] = schema;
        }

        return new JsonObject
        {
            ["$schema"] = SchemaDialect,
            ["$id"] = SchemaSet.FileName(name),
            ["title"] = name,
            ["description"] = $"{name}, as answered by {page.Method} {page.Route} ({page.FileName}).",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray([.. page.ResponseProperties.Select(r => (JsonNode)r.Name)]),
            ["properties"] = properties,
        };
    }

    private static JsonObject CarrierSchemaOf(string name, List<ObjectOccurrence> occurrences, ShapeRenderer renderer)
    {
        var order = occurrences.SelectMany(o => o.MemberOrder).Distinct(StringComparer.Ordinal).ToList();
        var properties = new JsonObject();
        foreach (var member in order)
        {
            var shapes = occurrences.Where(o => o.Members.ContainsKey(member)).Select(o => o.Members[member]).ToList();
            properties[member] = renderer.Property(member, shapes);
        }

        var sources = string.Join(", ", occurrences.Select(o => o.Source).Distinct().Order(StringComparer.Ordinal));
        return new JsonObject
        {
            ["title"] = name,
            ["description"] = $"Carrier inferred from the samples of {sources}.",
            ["type"] = "object",
            ["properties"] = properties,
        };
    }
}
