using ContractHarness.MockServer;
using ContractHarness.Pact.Verifier;

// Inside a ContractHarness namespace on purpose: no public type shares a namespace's name, so the README's names
// resolve to the types here too.
namespace ContractHarness.ContractTests.Readme;

/// <summary>The README's in-process mock and provider verification examples, compiled and run by the suite.</summary>
public static class MockExamples
{
    public static async Task<HttpResponseMessage> StartTheMock_AndAskForHealth()
    {
        // README: in-process mock
        await using var mock = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0 });
        using var http = new HttpClient { BaseAddress = mock.BaseAddress };
        // README: end
        return await http.GetAsync(new Uri("__admin/health", UriKind.Relative));
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
