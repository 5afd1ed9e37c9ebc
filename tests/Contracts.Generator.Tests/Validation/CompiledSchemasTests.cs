using System.Text.Json.Nodes;
using ContractHarness.Contracts.Catalog;
using ContractHarness.Contracts.Validation;
using ContractHarness.Contracts.Generator.Tests.Support;

namespace ContractHarness.Contracts.Generator.Tests.Validation;

/// <summary>The one schema reader (the mock validates every update with it) agrees with the reference validator (NJsonSchema) on the contract's samples and mutations.</summary>
public sealed class CompiledSchemasTests
{
    private static readonly CompiledSchemas Compiled = new(RepoPaths.Schemas);
    private static readonly ContractSchemas Reference = new(RepoPaths.Schemas);

    public static TheoryData<string> Entities => [.. EndpointCatalog.Load(RepoPaths.Contracts).Endpoints.Select(e => e.Entity).Distinct()];

    [Theory]
    [MemberData(nameof(Entities))]
    public void Fixture_IsValidForBothValidators(string entity)
    {
        var json = File.ReadAllText(Path.Combine(RepoPaths.Contracts, "fixtures", entity + ".json"));

        Reference.Validate(entity, json).Should().BeEmpty();
        Compiled.Get(entity).Validate(JsonNode.Parse(json)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Entities))]
    public void Mutations_AreRejectedByBothValidators(string entity)
    {
        var json = File.ReadAllText(Path.Combine(RepoPaths.Contracts, "fixtures", entity + ".json"));
        var schema = Compiled.Get(entity);
        foreach (var (name, property) in schema.Properties)
        {
            foreach (var wrong in WrongValues(property))
            {
                var mutated = JsonNode.Parse(json)!.AsObject();
                mutated[name] = wrong;
                var text = mutated.ToJsonString();

                var compiledErrors = schema.Validate(mutated);
                var referenceErrors = Reference.Validate(entity, text);
                (compiledErrors.Count > 0).Should().Be(referenceErrors.Count > 0, $"{entity}.{name} = {wrong?.ToJsonString() ?? "null"}");
                if (compiledErrors.Count > 0)
                {
                    compiledErrors[0].Path.Should().StartWith("/" + name);
                }
            }
        }
    }

    [Fact]
    public void Validate_UnknownProperty_NamesTheEntityAndTheProperty()
    {
        var errors = Compiled.Get("ContactEntity").Validate(JsonNode.Parse("""{"Nickname":"x"}"""));

        errors.Should().Contain(e => e.Message == "ContactEntity has no property 'Nickname'.");
    }

    [Theory]
    [MemberData(nameof(Entities))]
    public void Validate_CollectsEveryError_NotTheFirstFew(string entity)
    {
        var mutated = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Contracts, "fixtures", entity + ".json")))!.AsObject();
        var schema = Compiled.Get(entity);
        var names = schema.Properties.Where(p => WrongValues(p.Value).Any()).Select(p => p.Key).ToList();
        foreach (var name in names)
        {
            mutated[name] = WrongValues(schema.Properties.Single(p => p.Key == name).Value).First();
        }

        var errors = schema.Validate(mutated);

        names.Count.Should().BeGreaterThan(20);
        errors.Select(e => e.Path.Split('/')[1]).Distinct().Should().BeEquivalentTo(names, "each broken property is reported");
    }

    [Fact]
    public void Validate_CollectsEveryErrorInsideLists()
    {
        var contact = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Contracts, "fixtures", "ContactEntity.json")))!.AsObject();
        contact["Emails"] = new JsonArray([.. Enumerable.Range(0, 12).Select(_ => (JsonNode)new JsonObject { ["Value"] = 5, ["Description"] = false })]);

        var errors = Compiled.Get("ContactEntity").Validate(contact);

        errors.Select(e => e.Path).Should().BeEquivalentTo(Enumerable.Range(0, 12).SelectMany(i => new[] { $"/Emails/{i}/Value", $"/Emails/{i}/Description" }));
    }

    private static IEnumerable<JsonNode?> WrongValues(SchemaNode property)
    {
        var types = property.AllowsNull ? SchemaTypes.Null : SchemaTypes.None;
        types |= property.ValueSchema.Types;
        if ((types & SchemaTypes.String) == 0)
        {
            yield return JsonValue.Create("text");
        }

        if ((types & SchemaTypes.Integer) == 0)
        {
            yield return JsonValue.Create(5);
        }

        if ((types & SchemaTypes.Object) == 0)
        {
            yield return new JsonObject { ["a"] = 1 };
        }

        if ((types & SchemaTypes.Null) == 0)
        {
            yield return null;
        }
    }
}
