using System.Net;
using System.Text.Json.Nodes;
using ContractHarness.TestSupport;
using WireMock.Server;
using WireMock.Settings;

namespace ContractHarness.WireMock.Tests.Readme;

/// <summary>The WireMock.Net examples of the README and docs/wiremock.md, run as written.</summary>
public sealed class WireMockExampleTests
{
    [Fact]
    public async Task TheStaticMappingsExample_ServesTheSamples()
    {
        using var server = WireMockExamples.StartOnTheStaticMappingsOfEitherLine(RepoRoot.Path);
        using var http = new HttpClient { BaseAddress = new Uri(server.Url!) };

        var contact = JsonNode.Parse(await http.GetStringAsync("/api/v1/Contact/66"))!;
        using var missing = await http.GetAsync("/api/v1/Contact/12345");

        contact["ContactId"]!.GetValue<int>().Should().Be(66);
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheReadmeAdapterExample_PatchesLetsTheTeamsMappingWinAndResets()
    {
        using var server = WireMockServer.Start(new WireMockServerSettings { MaxRequestLogCount = 100 });

        var (patched, teams, nameAfterReset, journaled) = await WireMockExamples.CarryTheContract(server);

        patched.Should().Be(HttpStatusCode.OK);
        teams.Should().Be((HttpStatusCode)418);
        nameAfterReset.Should().NotBe("Acme", "Reset restores the seed");
        journaled.Should().Be(1, "the team's mapping answered the GET, the contract only the PATCH");
        server.Stop();
    }

    [Fact]
    public async Task TheDocsVerificationExample_PassesTheConsumerPact()
    {
        var pact = RepoRoot.Combine("contracts", "pacts", "SuperOfficeWebClient-SuperOfficeWebApi.json");

        var result = await WireMockExamples.VerifyAgainstWireMock(pact);

        result.Passed.Should().BeTrue(result.Output);
        result.Interactions.Should().NotBeEmpty().And.OnlyContain(i => i.Passed);
    }
}
