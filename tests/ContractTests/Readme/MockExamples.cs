using ContractHarness.MockServer.Hosting;
using ContractHarness.PactNet.Verifier;

// Outside the ContractHarness namespaces, where users' test code lives: inside one, `MockServer` would name the
// ContractHarness.MockServer namespace, not the type (the mock's own regroup renames it).
namespace ReadmeExamples;

/// <summary>The README's in-process mock and provider verification examples, compiled and run by the suite.</summary>
public static class MockExamples
{
    public static async Task<HttpResponseMessage> StartTheMock_AndAskForHealth()
    {
        // README: in-process mock
        await using var mock = await MockServer.StartAsync(new MockServerOptions { Port = 0 });
        using var http = new HttpClient { BaseAddress = mock.BaseAddress };
        // README: end
        return await http.GetAsync(new Uri("__admin/health", UriKind.Relative));
    }

    // README: provider verification
    /// <summary>Replays a pact against the in-process mock, which arranges each provider state itself.</summary>
    public static async Task<PactVerificationResult> VerifyAgainstTheMock(string pactFile)
    {
        await using var mock = await MockServer.StartAsync(new MockServerOptions { Port = 0 });
        return await new PactVerifier("SuperOfficeWebApi")
            .WithHttpEndpoint(mock.BaseAddress)
            .WithFileSource(pactFile)
            .WithProviderStateUrl(new Uri(mock.BaseAddress, "__admin/provider-states"), teardown: true)
            .ExecuteAsync();   // result.Passed, result.Output (the engine's report), result.Failures
    }
    // README: end
}
