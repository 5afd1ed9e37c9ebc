using System.Text.Json.Nodes;
using ContractHarness.Contracts.Validation;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Validation;

/// <summary>The mock's fast validator agrees with the reference validator (NJsonSchema) on the contract's samples and mutations.</summary>
public sealed class CompiledSchemasTests
{
    private static readonly CompiledSchemas Compiled = new(Path.Combine(TestPaths.Contracts, "schemas"));

    public static TheoryData<string> Entities => [.. TestPaths.Catalog.Endpoints.Select(e => e.Entity).Distinct()];

    [Theory]
    [MemberData(nameof(Entities))]
    public void Fixture_IsValidForBothValidators(string entity)
    {
        var json = File.ReadAllText(Path.Combine(TestPaths.Contracts, "fixtures", entity + ".json"));

        TestPaths.Schemas.Validate(entity, json).Should().BeEmpty();
        Compiled.Get(entity).Validate(JsonNode.Parse(json)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Entities))]
    public void Mutations_AreRejectedByBothValidators(string entity)
    {
        var json = File.ReadAllText(Path.Combine(TestPaths.Contracts, "fixtures", entity + ".json"));
        var schema = Compiled.Get(entity);
        foreach (var (name, property) in schema.Properties)
        {
            foreach (var wrong in WrongValues(property))
            {
                var mutated = JsonNode.Parse(json)!.AsObject();
                mutated[name] = wrong;
                var text = mutated.ToJsonString();

                var compiledErrors = schema.Validate(mutated);
                var referenceErrors = TestPaths.Schemas.Validate(entity, text);
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
