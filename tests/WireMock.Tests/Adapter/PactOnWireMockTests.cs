using System.Text.Json.Nodes;
using ContractHarness.MockServer;
using ContractHarness.Pact.Verifier;
using ContractHarness.TestSupport;

namespace ContractHarness.WireMock.Tests.Adapter;

/// <summary>The consumer pact verified against a WireMock.Net server carrying the contract, as against the Kestrel mock.</summary>
[Trait("Category", "Provider")]
public sealed class PactOnWireMockTests
{
    private static readonly string Pact = RepoRoot.Combine("contracts", "pacts", "SuperOfficeWebClient-SuperOfficeWebApi.json");

    private static async Task<PactVerificationResult> VerifyAsync(SuperOfficeContract contract) =>
        await new PactVerifier("SuperOfficeWebApi")
            .WithHttpEndpoint(contract.BaseAddress)
            .WithFileSource(Pact)
            .WithProviderStateUrl(new Uri(contract.BaseAddress, "__contract/provider-states"), teardown: true)
            .WithRequestTimeout(TimeSpan.FromSeconds(10))
            .ExecuteAsync();

    [Fact]
    public async Task Verify_AgainstWireMockCarryingTheContract_PassesEveryInteraction()
    {
        using var contract = SuperOfficeWireMock.Start(new SuperOfficeContractOptions { Mock = new SuperOfficeMockServerOptions { LogRequests = false } });

        var result = await VerifyAsync(contract);

        var interactions = JsonNode.Parse(File.ReadAllText(Pact))!["interactions"]!.AsArray().Count;
        result.Passed.Should().BeTrue(result.Output);
        result.Interactions.Should().HaveCount(interactions).And.OnlyContain(i => i.Passed);
        interactions.Should().Be(23);
    }

    [Fact]
    public async Task Verify_AgainstAContractThatIgnoresPreconditions_FailsNamingTheStaleUpdates()
    {
        using var broken = SuperOfficeWireMock.Start(new SuperOfficeContractOptions
        {
            Mock = new SuperOfficeMockServerOptions { LogRequests = false, IgnorePreconditions = true },
        });

        var result = await VerifyAsync(broken);

        result.Passed.Should().BeFalse();
        result.Failures.Should().NotBeEmpty().And.OnlyContain(f => f.Description.Contains("stale If-Unmodified-Since", StringComparison.Ordinal));
        result.Failures.Should().HaveCount(5);
        result.Output.Should().Contain("expected 412 but was 200");
    }
}
