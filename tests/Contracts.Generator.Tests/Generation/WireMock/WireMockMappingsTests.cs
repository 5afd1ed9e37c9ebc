using System.Text.Json.Nodes;
using ContractHarness.Contracts.Catalog;
using ContractHarness.Contracts.Generator;
using ContractHarness.Contracts.Generator.Tests.Support;

namespace ContractHarness.Contracts.Generator.Tests.Generation.WireMock;

public class WireMockMappingsTests
{
    [Fact]
    public void Generate_WritesBothFormatsPerResourceAndOneReadme()
    {
        var files = ContractGenerator.Generate(RepoPaths.Source);
        var resources = EndpointCatalog.Load(RepoPaths.Contracts).Endpoints.Select(e => e.Resource).ToList();

        files.Keys.Where(k => k.StartsWith("wiremock/", StringComparison.Ordinal)).Should().BeEquivalentTo(
            resources.Select(r => $"wiremock/mappings/{r}.json").Concat(resources.Select(r => $"wiremock/net/{r}.json")).Append("wiremock/README.md"));
        var java = JsonNode.Parse(files["wiremock/mappings/Contact.json"])!["mappings"]!.AsArray();
        var net = JsonNode.Parse(files["wiremock/net/Contact.json"])!.AsArray();
        java.Select(m => (m!["name"]!.GetValue<string>(), m["priority"]!.GetValue<int>(), m["response"]!["status"]!.GetValue<int>()))
            .Should().Equal(net.Select(m => (m!["Title"]!.GetValue<string>(), m["Priority"]!.GetValue<int>(), m["Response"]!["StatusCode"]!.GetValue<int>())),
                "both formats are written from one rule set");
        JsonNode.DeepEquals(java.Single(m => m!["name"]!.GetValue<string>() == "Contact get-sample")!["response"]!["jsonBody"],
            JsonNode.Parse(files["fixtures/ContactEntity.json"])).Should().BeTrue("the sample is answered as its fixture");
    }

    [Fact]
    public void Readme_PutsTheLimitsFirstAndListsEveryRule()
    {
        var files = ContractGenerator.Generate(RepoPaths.Source);
        var readme = files["wiremock/README.md"];
        var rules = files.Where(f => f.Key.StartsWith("wiremock/net/", StringComparison.Ordinal)).Sum(f => JsonNode.Parse(f.Value)!.AsArray().Count);

        readme.IndexOf("No state", StringComparison.Ordinal).Should().BeLessThan(readme.IndexOf("## ", StringComparison.Ordinal));
        readme.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| resource", StringComparison.Ordinal))
            .Should().Be(rules);
    }

    [Fact]
    public void WriteAndDrift_OwnTheMappingFolders()
    {
        using var temp = new TempDirectory();
        ContractGenerator.Write(RepoPaths.Source, temp.Path);
        File.WriteAllText(temp.Combine("wiremock", "net", "Removed.json"), "[]");
        File.WriteAllText(temp.Combine("wiremock", "mappings", "Removed.json"), """{"mappings": []}""");
        File.AppendAllText(temp.Combine("wiremock", "mappings", "Ticket.json"), " ");

        ContractGenerator.StaleFiles(RepoPaths.Source, temp.Path).Should().BeEquivalentTo(
            "wiremock/net/Removed.json", "wiremock/mappings/Removed.json", "wiremock/mappings/Ticket.json");
        ContractGenerator.Write(RepoPaths.Source, temp.Path);
        File.Exists(temp.Combine("wiremock", "net", "Removed.json")).Should().BeFalse("a stale mapping would still be loaded and answered");
        ContractGenerator.StaleFiles(RepoPaths.Source, temp.Path).Should().BeEmpty();
    }
}
