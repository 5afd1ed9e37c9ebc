using System.Net;
using System.Text;
using ContractHarness.MockServer;
using ContractHarness.Pact.Verifier;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace ContractHarness.WireMock.Tests.Readme;

/// <summary>
/// The WireMock.Net examples of docs/wiremock.md (static mappings, the contract adapter, a pact verified against it),
/// compiled and run by the suite.
/// </summary>
public static class WireMockExamples
{
    /// <summary>docs/wiremock.md's static mappings: the same call on WireMock.Net 1.x and 2.x.</summary>
    public static WireMockServer StartOnTheStaticMappingsOfEitherLine(string repository)
    {
        // docs: WireMock.Net static mappings, 1.x or 2.x
        var server = WireMockServer.Start(new WireMockServerSettings { MaxRequestLogCount = 100 });
        server.ReadStaticMappings(Path.Combine(repository, "contracts", "wiremock", "net"));   // the same files on 1.x and 2.x
        // docs: end
        return server;
    }

    // docs: WireMock.Net provider verification
    /// <summary>Replays a pact against a WireMock.Net server carrying the contract; provider states go to ProviderStatesPath.</summary>
    public static async Task<PactVerificationResult> VerifyAgainstWireMock(string pactFile)
    {
        using var contract = SuperOfficeWireMock.Start();   // a WireMockServer on a free port; disposing the handle stops it
        return await new PactVerifier("SuperOfficeWebApi")
            .WithHttpEndpoint(contract.BaseAddress)
            .WithFileSource(pactFile)
            .WithProviderStateUrl(new Uri(contract.BaseAddress, "__contract/provider-states"), teardown: true)
            .ExecuteAsync();
    }
    // docs: end

    /// <summary>Carries the contract on a team's own server next to a mapping of the team's; answers what the README shows.</summary>
    public static async Task<(HttpStatusCode Patched, HttpStatusCode Teams, string NameAfterReset, int Journaled)> CarryTheContract(WireMockServer server)
    {
        // README: WireMock.Net with the contract
        using var contract = server.AddSuperOfficeContract(new SuperOfficeContractOptions
        {
            Mock = new SuperOfficeMockServerOptions { Seed = 42, EntityCount = 100 }, // contracts folder, auth, ... as for the mock
        });
        server.Given(Request.Create().WithPath("/api/v1/Contact/7").UsingGet())   // the team's own mapping wins
            .RespondWith(Response.Create().WithStatusCode(418));

        var http = new HttpClient { BaseAddress = contract.BaseAddress };
        contract.Setup("Contact 66 exists");                                    // provider states as C# calls
        var patch = new StringContent("""[{"op":"replace","path":"/Name","value":"Acme"}]""", Encoding.UTF8, "application/json-patch+json");
        var patched = await http.PatchAsync("/api/v1/Contact/66", patch);      // 200, stored: a GET now shows "Acme"
        var teams = await http.GetAsync("/api/v1/Contact/7");                  // 418
        contract.Reset();                                                       // back to the seed
        var journal = contract.Journal;                                         // the contract's requests, newest first
        // README: end
        var name = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("/api/v1/Contact/66"))!["Name"]!.GetValue<string>();
        http.Dispose();
        return (patched.StatusCode, teams.StatusCode, name, journal.Count);
    }
}
