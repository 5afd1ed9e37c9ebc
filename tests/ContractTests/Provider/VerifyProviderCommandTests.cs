using System.Text.Json.Nodes;
using ContractHarness.ContractTests.Consumer;
using ContractHarness.ContractTests.Support;
using ContractHarness.MockServer;
using ContractHarness.ProviderVerifier;
using MockHost = ContractHarness.MockServer.SuperOfficeMockServer;

namespace ContractHarness.ContractTests.Provider;

/// <summary>The path `make verify-provider` takes against a real tenant, proven against the mock.</summary>
[Collection(PactCollection.Name)]
[Trait("Category", "Provider")]
public sealed class VerifyProviderCommandTests : IDisposable
{
    private readonly string _statesFile = Path.Combine(Path.GetTempPath(), $"states-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_statesFile);

    [Fact]
    public async Task StatesFile_MapsStatesToTheProvidersOwnIds_AndVerificationPasses()
    {
        // A tenant whose data differ from the pact's examples: every "exists" state is mapped to id 12.
        var states = new JsonObject();
        foreach (var resource in ConsumerCases.Catalog.Endpoints.Select(e => e.Resource))
        {
            states[$"{resource} exists"] = new JsonObject { ["id"] = 12 };
            states[$"{resource} does not exist"] = new JsonObject { ["id"] = 1999999999 };
        }

        await File.WriteAllTextAsync(_statesFile, states.ToJsonString());
        await using var mock = await MockHost.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false, RequireAuth = true });
        using var log = new StringWriter();

        var result = await ProviderVerification.RunAsync(
            new VerificationOptions { ProviderBaseUrl = mock.BaseAddress, Authorization = "Bearer tenant-token", StatesFile = _statesFile, PactSource = await GeneratedPact.PathAsync() },
            log);

        result.Passed.Should().BeTrue(log.ToString());
        log.ToString().Should().Contain($"Verification passed: {ConsumerCases.All.Count} interactions");
        using var http = new HttpClient { BaseAddress = mock.BaseAddress };
        var journal = await http.GetStringAsync("__admin/requests");
        journal.Should().Contain("/api/v1/Contact/12").And.Contain("/api/v1/Relation/12").And.NotContain("/api/v1/Contact/66");
    }

    [Fact]
    public async Task BrokenProvider_FailsWithANonZeroExitCode_AndNamesTheInteractions()
    {
        await using var broken = await MockHost.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false, IgnorePreconditions = true });
        using var log = new StringWriter();

        var result = await ProviderVerification.RunAsync(
            new VerificationOptions { ProviderBaseUrl = broken.BaseAddress, StateChangeUrl = new Uri(broken.BaseAddress, "__admin/provider-states"), PactSource = await GeneratedPact.PathAsync() },
            log);

        result.ExitCode.Should().Be(1);
        log.ToString().Should().Contain("Verification FAILED").And.Contain("a PATCH of a Contact with a stale If-Unmodified-Since");
    }

    [Fact]
    public void Options_WithoutABaseUrl_AreRefusedWithTheVariableToSet()
    {
        var act = () => VerificationOptions.FromEnvironment(_ => null);

        act.Should().Throw<ArgumentException>().WithMessage("PROVIDER_BASE_URL must be set*");
    }

    [Fact]
    public void Options_FromEnvironment_ReadEveryVariable()
    {
        var env = new Dictionary<string, string>
        {
            ["PROVIDER_BASE_URL"] = "https://tenant.invalid/Cust1",
            ["PROVIDER_AUTH"] = "Bearer abc",
            ["PROVIDER_STATE_URL"] = "https://tenant.invalid/states",
            ["PACT_FILE"] = "my.json",
            ["PROVIDER_TIMEOUT_SECONDS"] = "7",
            ["JUNIT"] = "reports/verify.xml",
        };

        var options = VerificationOptions.FromEnvironment(env.GetValueOrDefault);

        options.Should().BeEquivalentTo(new VerificationOptions
        {
            ProviderBaseUrl = new Uri("https://tenant.invalid/Cust1"),
            Authorization = "Bearer abc",
            StateChangeUrl = new Uri("https://tenant.invalid/states"),
            PactSource = "my.json",
            RequestTimeout = TimeSpan.FromSeconds(7),
            JUnitFile = "reports/verify.xml",
        });
    }
}
