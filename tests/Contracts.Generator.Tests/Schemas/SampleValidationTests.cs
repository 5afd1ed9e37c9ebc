using System.Text.Json.Nodes;
using ContractHarness.Contracts.Generator.Pages;
using ContractHarness.Contracts.Generator.Schemas;
using ContractHarness.Contracts.Generator.Tests.Support;
using ContractHarness.Contracts.Validation;

namespace ContractHarness.Contracts.Generator.Tests.Schemas;

/// <summary>
/// Every page sample, as made into its fixture (date-times in the rule's form, vendor facts applied), validates with
/// NJsonSchema against the generated schemas, and broken samples do not.
/// </summary>
public class SampleValidationTests
{
    private static readonly ContractSchemas Schemas = new(RepoPaths.Schemas);

    public static TheoryData<string> PageFiles => [.. RepoPaths.Pages];

    private static (string Entity, JsonObject Sample) SampleOf(string pageFile)
    {
        var entity = SchemaSetBuilder.EntityName(PageReader.ReadFile(pageFile));
        return (entity, JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Contracts, "fixtures", entity + ".json")))!.AsObject());
    }

    [Theory]
    [MemberData(nameof(PageFiles))]
    public void RawPageSample_IsRejectedForItsOffsets_AndAcceptedOnceNormalized(string pageFile)
    {
        var page = PageReader.ReadFile(pageFile);
        var entity = SchemaSetBuilder.EntityName(page);
        var raw = page.SampleResponse!.Body!.DeepClone();

        Schemas.Validate(entity, raw.ToJsonString()).Should().Contain(e => e.Kind == "PatternMismatch", "the pages' samples carry +01:00/+02:00 offsets");
        var normalized = DateTimeRule.Normalize(new CompiledSchemas(RepoPaths.Schemas).Get(entity), raw)!;
        if (entity != "TicketEntity")
        {
            // the Ticket sample also holds words in Priority.NonDates, which only the fixture drops
            Schemas.Validate(entity, normalized.ToJsonString()).Should().BeEmpty();
        }
    }

    [Theory]
    [MemberData(nameof(PageFiles))]
    public void SampleResponse_ValidatesAgainstItsEntitySchema(string pageFile)
    {
        var (entity, sample) = SampleOf(pageFile);

        Schemas.Validate(entity, sample.ToJsonString()).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(PageFiles))]
    public void NestedSampleObjects_ValidateAgainstTheirCarrierSchemas(string pageFile)
    {
        var (entity, sample) = SampleOf(pageFile);
        var checkedObjects = new List<string>();

        foreach (var (carrier, path, value) in NestedCarriers(entity, sample, "$"))
        {
            Schemas.Validate(carrier, value.ToJsonString()).Should().BeEmpty($"{path} is a {carrier}");
            checkedObjects.Add($"{path}:{carrier}");
        }

        checkedObjects.Should().NotBeEmpty();
    }

    [Fact]
    public void RelationSampleRequest_IsAValidRequestEntity()
    {
        var page = PageReader.ReadFile(Path.Combine(RepoPaths.Source, "003_bc1b54ba8c6a76bb.md"));
        var body = DateTimeRule.Normalize(new CompiledSchemas(RepoPaths.Schemas).Get("ContactRelationEntity"), page.SampleRequest!.Body!.DeepClone())!.AsObject();

        foreach (var (carrier, path, value) in NestedCarriers("ContactRelationEntity", body, "$"))
        {
            Schemas.Validate(carrier, value.ToJsonString()).Should().BeEmpty($"{path} is a {carrier}");
        }
    }

    public static TheoryData<string, string, string> Mutations => new()
    {
        // page, JSON path to change (dot-separated, numbers index arrays), replacement JSON
        { "000_a1c41e4d1c49fbb4.md", "ContactId", "\"66\"" },
        { "000_a1c41e4d1c49fbb4.md", "Department", "{}" },
        { "000_a1c41e4d1c49fbb4.md", "NoMailing", "\"false\"" },
        { "000_a1c41e4d1c49fbb4.md", "UpdatedDate", "\"yesterday\"" },
        { "000_a1c41e4d1c49fbb4.md", "Emails", "{}" },
        { "000_a1c41e4d1c49fbb4.md", "Emails.0.Value", "42" },
        { "000_a1c41e4d1c49fbb4.md", "Persons.0.PersonId", "\"538\"" },
        { "000_a1c41e4d1c49fbb4.md", "CustomFields.CustomFields1", "{}" },
        { "001_2e9b224f18b68f58.md", "UpdatedBy.AssociateId", "\"489\"" },
        { "001_2e9b224f18b68f58.md", "Sale.Amount", "\"lots\"" },
        { "001_2e9b224f18b68f58.md", "TableRight", "\"Delete\"" },
        { "001_2e9b224f18b68f58.md", "FieldProperties.fieldName.FieldLength", "\"long\"" },
        { "002_0eea0a698122f792.md", "ProjectMembers.0.ProjectId", "true" },
        { "003_bc1b54ba8c6a76bb.md", "CreatedBy.Deleted", "0" },
        { "004_9c364a1a49c22b63.md", "LastChanged", "12" },
        { "004_9c364a1a49c22b63.md", "LastChanged", "\"2012-09-07T16:25:51+02:00\"" },
        { "004_9c364a1a49c22b63.md", "BaseStatus", "\"qui\"" },
        { "001_2e9b224f18b68f58.md", "Type", "\"et\"" },
        { "001_2e9b224f18b68f58.md", "Associate.Type", "\"eius\"" },
        { "001_2e9b224f18b68f58.md", "VisibleFor.0.Visibility", "\"quis\"" },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Sample_WithAValueOfTheWrongType_IsRejected(string page, string path, string replacement)
    {
        var (entity, sample) = SampleOf(Path.Combine(RepoPaths.Source, page));
        Set(sample, path, JsonNode.Parse(replacement));

        var errors = Schemas.Validate(entity, sample.ToJsonString());

        errors.Should().NotBeEmpty($"{path} = {replacement} breaks the {entity} schema");
        errors.Should().Contain(e => e.Path.Replace("[", ".", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal).EndsWith(path, StringComparison.Ordinal),
            "the error names the changed value");
    }

    [Theory]
    [InlineData("\"expedita\"")]
    [InlineData("7")]
    [InlineData("\"2021-09-15T18:25:51+02:00\"")]
    public void NonDates_HoldOnlyDateTimesInTheRulesForm(string item)
    {
        var (entity, sample) = SampleOf(Path.Combine(RepoPaths.Source, "004_9c364a1a49c22b63.md"));
        sample["Priority"]!["NonDates"] = new JsonArray(JsonNode.Parse("\"2021-09-15T16:25:51\""));
        Schemas.Validate(entity, sample.ToJsonString()).Should().BeEmpty();

        sample["Priority"]!["NonDates"]!.AsArray().Add(JsonNode.Parse(item));

        Schemas.Validate(entity, sample.ToJsonString()).Should().ContainSingle().Which.Path.Should().Be("#/Priority.NonDates[1]");
    }

    [Fact]
    public void Sample_WithAnUnknownProperty_IsRejected()
    {
        var (entity, sample) = SampleOf(Path.Combine(RepoPaths.Source, "000_a1c41e4d1c49fbb4.md"));
        sample["Nickname"] = "Acme";

        Schemas.Validate(entity, sample.ToJsonString()).Should().ContainSingle(e => e.Kind == "NoAdditionalPropertiesAllowed");
    }

    [Fact]
    public void Sample_WithoutARequiredProperty_IsRejected()
    {
        var (entity, sample) = SampleOf(Path.Combine(RepoPaths.Source, "004_9c364a1a49c22b63.md"));
        sample.Remove("Title");

        Schemas.Validate(entity, sample.ToJsonString()).Should().ContainSingle(e => e.Kind == "PropertyRequired");
    }

    private static void Set(JsonNode root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var parent = parts[..^1].Aggregate(root, (node, part) => int.TryParse(part, out var i) ? node[i]! : node[part]!);
        if (int.TryParse(parts[^1], out var index))
        {
            parent[index] = value;
        }
        else
        {
            parent[parts[^1]] = value;
        }
    }

    /// <summary>Walks a sample beside its schema and yields every nested object that the schema types as a carrier.</summary>
    private static IEnumerable<(string Carrier, string Path, JsonObject Value)> NestedCarriers(string schemaName, JsonObject instance, string path)
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Schemas, schemaName + ".schema.json")))!.AsObject();
        return Walk(schema, instance, path);
    }

    private static IEnumerable<(string, string, JsonObject)> Walk(JsonObject schema, JsonNode? value, string path)
    {
        if (value is JsonObject obj && schema["properties"] is JsonObject properties)
        {
            foreach (var (name, propertySchema) in properties)
            {
                foreach (var found in WalkValue(propertySchema!.AsObject(), obj[name], $"{path}.{name}"))
                {
                    yield return found;
                }
            }
        }

        if (value is JsonObject map && schema["additionalProperties"] is JsonObject valueSchema)
        {
            foreach (var (key, item) in map)
            {
                foreach (var found in WalkValue(valueSchema, item, $"{path}.{key}"))
                {
                    yield return found;
                }
            }
        }
    }

    private static IEnumerable<(string, string, JsonObject)> WalkValue(JsonObject schema, JsonNode? value, string path)
    {
        if (SchemaTableTests.RefOf(schema) is { } reference && value is JsonObject obj)
        {
            var carrier = reference[..^".schema.json".Length];
            yield return (carrier, path, obj);
            foreach (var found in NestedCarriers(carrier, obj, path))
            {
                yield return found;
            }
        }
        else if (schema["items"] is JsonObject items && value is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                foreach (var found in WalkValue(items, array[i], $"{path}[{i}]"))
                {
                    yield return found;
                }
            }
        }
        else if (value is JsonObject)
        {
            foreach (var found in Walk(schema, value, path))
            {
                yield return found;
            }
        }
    }
}
