using System.Text.Json.Nodes;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Projection;

/// <summary>
/// <see cref="SelectProjection.Apply"/> assembles its answer from the stored bytes and each property's default
/// bytes: it must be exactly the entity written whole with every unselected property at its default.
/// </summary>
public sealed class SelectProjectionTests
{
    private static readonly IReadOnlyList<EntityModel> Models = TestPaths.Models;

    public static TheoryData<string> Entities() => [.. Models.Where(m => File.Exists(m.FixturePath)).Select(m => m.Entity)];

    [Theory]
    [MemberData(nameof(Entities))]
    public void WholeProperties_GiveTheEntityWithEveryOtherPropertyAtItsDefault(string entity)
    {
        var model = Models.Single(m => m.Entity == entity);
        var current = EntityWriter.Write(JsonNode.Parse(File.ReadAllBytes(model.FixturePath))!.AsObject(), model);
        var names = current.Properties.Select(p => p.Name).Where(n => n != model.PrimaryKey && n != EntityModel.LinksProperty).ToList();
        string[] selected = [names[0], names[2], names[^1]];

        var projected = SelectProjection.Parse($"{selected[0].ToLowerInvariant()}, {selected[1]},{selected[2].ToUpperInvariant()}", model, out _)!.Apply(current);

        var expected = EntityWriter.Write(WithDefaults(current, model, names.Except(selected)), model);
        projected.Utf8.Should().Equal(expected.Utf8);
        projected.Properties.Should().Equal(expected.Properties);
        (projected.LinksStart, projected.LinksEnd).Should().Be((expected.LinksStart, expected.LinksEnd));
        projected.LastModified.Should().Be(current.LastModified);
    }

    [Fact]
    public void APartlySelectedCarrier_KeepsOnlyThatMemberAndDefaultsTheRest()
    {
        var model = Models.Single(m => m.Entity == "ContactEntity");
        var fixture = JsonNode.Parse(File.ReadAllBytes(model.FixturePath))!.AsObject();
        fixture["Country"] = new JsonObject { ["CountryId"] = 47, ["Name"] = "Norway", ["TwoLetterISOCountry"] = "NO" };
        var current = EntityWriter.Write(fixture, model);
        var names = current.Properties.Select(p => p.Name).Where(n => n != model.PrimaryKey && n != EntityModel.LinksProperty).ToList();

        var projected = SelectProjection.Parse("Name,Country/CountryId", model, out _)!.Apply(current);

        var whole = WithDefaults(current, model, names.Except(["Name", "Country"]));
        whole["Country"] = new JsonObject { ["CountryId"] = 47 };
        projected.Utf8.Should().Equal(EntityWriter.Write(whole, model).Utf8);
    }

    private static JsonObject WithDefaults(StoredEntity current, EntityModel model, IEnumerable<string> names)
    {
        var whole = current.ToJsonObject();
        foreach (var name in names)
        {
            whole[name] = model.Schema.TryGetProperty(name, out _, out var schema) ? SchemaDefaults.For(schema)?.DeepClone() : null;
        }

        return whole;
    }
}
