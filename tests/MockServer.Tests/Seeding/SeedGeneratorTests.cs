using System.Text.Json.Nodes;
using ContractHarness.Contracts.Validation;
using ContractHarness.MockServer.Store.Seeding;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Seeding;

/// <summary>
/// The generator itself, apart from the server (mocks in one process share their seed data, so these tests make
/// independent generators to prove determinism).
/// </summary>
public sealed class SeedGeneratorTests
{
    private static readonly CompiledSchemas Schemas = new(Path.Combine(TestPaths.Contracts, "schemas"));

    public static TheoryData<string, string> Entities
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var endpoint in TestPaths.Catalog.Endpoints.DistinctBy(e => e.Entity))
            {
                data.Add(endpoint.Entity, endpoint.PrimaryKey);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Entities))]
    public void Generate_SameSeed_GivesTheSameEntityInAnyOrder(string entity, string primaryKey)
    {
        var schema = Schemas.Get(entity);
        var first = new SeedGenerator(1, 100);
        var second = new SeedGenerator(1, 100);

        var forward = new[] { 1, 2, 3, 77 }.Select(id => first.Generate(entity, schema, primaryKey, id).ToJsonString()).ToList();
        var backward = new[] { 77, 3, 2, 1 }.Select(id => second.Generate(entity, schema, primaryKey, id).ToJsonString()).Reverse().ToList();

        backward.Should().Equal(forward);
    }

    [Theory]
    [MemberData(nameof(Entities))]
    public void Generate_DifferentSeedOrId_GivesDifferentData(string entity, string primaryKey)
    {
        var schema = Schemas.Get(entity);

        var one = new SeedGenerator(1, 100).Generate(entity, schema, primaryKey, 5);
        var other = new SeedGenerator(2, 100).Generate(entity, schema, primaryKey, 5);
        var next = new SeedGenerator(1, 100).Generate(entity, schema, primaryKey, 6);

        JsonNode.DeepEquals(one, other).Should().BeFalse();
        JsonNode.DeepEquals(one, next).Should().BeFalse();
        one[primaryKey]!.GetValue<int>().Should().Be(5);
    }

    [Theory]
    [MemberData(nameof(Entities))]
    public void Generate_ManyIds_AllValidateAgainstTheSchema(string entity, string primaryKey)
    {
        var schema = Schemas.Get(entity);
        var generator = new SeedGenerator(9, 100);

        foreach (var id in Enumerable.Range(1, 100))
        {
            var json = generator.Generate(entity, schema, primaryKey, id).ToJsonString();
            TestPaths.Schemas.Validate(entity, json).Should().BeEmpty($"{entity} {id} must validate");
        }
    }
}
