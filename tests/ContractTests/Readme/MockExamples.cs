using System.Text;
using ContractHarness.MockServer;
using ContractHarness.Pact.Verifier;

// Inside a ContractHarness namespace on purpose: no public type shares a namespace's name, so the docs' names
// resolve to the types here too.
namespace ContractHarness.ContractTests.Readme;

/// <summary>The docs' in-process mock, in-memory client and provider verification examples, compiled and run by the suite.</summary>
public static class MockExamples
{
    /// <summary>Starts the mock on a free port and reads the page's sample Contact; answers its JSON.</summary>
    public static async Task<string> StartTheMock_AndReadAContact()
    {
        // README: in-process mock
        await using var mock = await SuperOfficeMockServer.StartAsync();          // a free port, the contract built in
        using var http = new HttpClient { BaseAddress = mock.BaseAddress };
        var contact = await http.GetStringAsync("api/v1/Contact/66");            // the page's sample Contact
        // README: end
        return contact;
    }

    /// <summary>Patches Contact 66 through the in-memory client; answers the PATCH's status and the stored Contact.</summary>
    public static async Task<(System.Net.HttpStatusCode Patched, string Stored)> PatchInMemory()
    {
        // README: in-memory client
        using var engine = SuperOfficeMockEngine.Start(new Uri("http://mock.test/")); // no socket, no port
        using var client = engine.CreateClient();                                      // an HttpClient answered in memory
        var patch = new StringContent("""[{"op":"replace","path":"/Name","value":"Acme"}]""", Encoding.UTF8, "application/json-patch+json");
        using var answer = await client.PatchAsync("api/v1/Contact/66", patch);       // 200 OK; a GET now shows "Acme"
        // README: end
        return (answer.StatusCode, await client.GetStringAsync("api/v1/Contact/66"));
    }

    // README: provider verification
    /// <summary>Replays a pact against the in-process mock, which arranges each provider state itself.</summary>
    public static async Task<PactVerificationResult> VerifyAgainstTheMock(string pactFile)
    {
        await using var mock = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0 });
        return await new PactVerifier("SuperOfficeWebApi")
            .WithHttpEndpoint(mock.BaseAddress)
            .WithFileSource(pactFile)
            .WithProviderStateUrl(new Uri(mock.BaseAddress, "__admin/provider-states"), teardown: true)
            .ExecuteAsync();   // result.Passed, result.Output (the engine's report), result.Failures
    }
    // README: end
}
