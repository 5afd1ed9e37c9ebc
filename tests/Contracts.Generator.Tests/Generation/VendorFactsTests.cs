using System.Text.Json.Nodes;
using ContractHarness.Contracts.Generator;
using ContractHarness.Contracts.Generator.Schemas;
using ContractHarness.Contracts.Generator.Tests.Support;

namespace ContractHarness.Contracts.Generator.Tests.Generation;

/// <summary>contracts/source/enums.json becomes enum and items in the schemas, and a fact that fits nothing stops the generator.</summary>
public class VendorFactsTests
{
    private static JsonObject Schema(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Schemas, name + ".schema.json")))!.AsObject();

    [Theory]
    [InlineData("Associate", "Type", "AnonymousAssociate")]
    [InlineData("DocumentEntity", "Type", "BookingForChecklist")]
    [InlineData("TicketEntity", "BaseStatus", "Postponed")]
    [InlineData("VisibleFor", "Visibility", "Group")]
    public void EveryFact_IsAnEnumInItsSchema(string schema, string property, string member)
    {
        var facts = VendorFacts.Read(RepoPaths.Source);
        facts.Enums.Should().HaveCount(29);

        var node = Schema(schema)["properties"]![property]!;
        node["type"]!.GetValue<string>().Should().Be("string");
        node["enum"]!.AsArray().Select(m => m!.GetValue<string>()).Should().Equal(facts.Enums[$"{schema}.{property}"]).And.Contain(member);
    }

    [Fact]
    public void EnumsFile_NamesItsSourceAndLicence()
    {
        var source = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Source, VendorFacts.FileName)))!["source"]!;

        source["origin"]!.GetValue<string>().Should().Contain("f4a09fe");
        source["licence"]!.GetValue<string>().Should().Contain("MIT");
        File.Exists(Path.Combine(RepoPaths.Contracts, "vendor", "LICENSE.superoffice-docs")).Should().BeTrue();
    }

    [Theory]
    [InlineData("""{"enums": {"Associate.Nickname": {"members": ["A"]}}}""", "has no property 'Nickname'")]
    [InlineData("""{"enums": {"Gadget.Type": {"members": ["A"]}}}""", "names no schema 'Gadget'")]
    [InlineData("""{"enums": {"Associate.Type": {"members": []}}}""", "non-empty 'members'")]
    [InlineData("""{"enums": {"TicketEntity.BaseStatus": {"members": ["Open"]}}}""", "\"Active\", which is not a member")]
    [InlineData("""{"elements": {"TicketPriority.NonDates": {"type": "integer"}}}""", "the only element type supported")]
    public void AFactThatFitsNothing_StopsTheGenerator(string enums, string message)
    {
        using var temp = PagesOnly();

        File.WriteAllText(temp.Combine(VendorFacts.FileName), enums);

        var generate = () => ContractGenerator.Generate(temp.Path);

        generate.Should().Throw<InvalidDataException>().WithMessage($"*{message}*");
    }

    [Fact]
    public void WithoutTheFacts_ThePagesGiveOpenStrings()
    {
        using var temp = PagesOnly();

        var files = ContractGenerator.Generate(temp.Path);

        var type = JsonNode.Parse(files["schemas/Associate.schema.json"])!["properties"]!["Type"]!;
        type["enum"].Should().BeNull();
        JsonNode.Parse(files["fixtures/TicketEntity.json"])!["Priority"]!["NonDates"]!.AsArray().Should().HaveCount(2, "without the fact the sample's words stay");
    }

    /// <summary>A source folder with the five pages and no enums.json.</summary>
    private static TempDirectory PagesOnly()
    {
        var temp = new TempDirectory();
        foreach (var page in RepoPaths.Pages)
        {
            File.Copy(page, temp.Combine(Path.GetFileName(page)));
        }

        return temp;
    }
}
