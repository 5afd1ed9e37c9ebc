using System.Net;
using System.Text.Json.Nodes;
using ContractHarness.TestSupport;
using WireMock.Server;
using WireMock.Settings;

namespace ContractHarness.WireMock.Tests.Readme;

/// <summary>The README's WireMock.Net example, run as written: it serves the sample Contact and 404 for another id.</summary>
public sealed class WireMockExampleTests
{
    [Fact]
    public async Task TheReadmeExample_ServesTheSamples()
    {
        using var server = WireMockExamples.StartOnTheStaticMappings(RepoRoot.Path);
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
}
