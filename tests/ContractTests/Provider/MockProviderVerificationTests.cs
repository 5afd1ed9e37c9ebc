using ContractHarness.ContractTests.Consumer;
using ContractHarness.ContractTests.Support;
using ContractHarness.MockServer;
using ContractHarness.Pact.Verifier;
using Xunit.Abstractions;
using MockHost = ContractHarness.MockServer.SuperOfficeMockServer;

namespace ContractHarness.ContractTests.Provider;

[Collection(PactCollection.Name)]
[Trait("Category", "Provider")]
public sealed class MockProviderVerificationTests(ITestOutputHelper output)
{
    private static async Task<PactVerificationResult> VerifyAsync(MockHost provider, string pactFile) =>
        await new PactVerifier(ConsumerInteractions.ProviderName)
            .WithHttpEndpoint(provider.BaseAddress)
            .WithFileSource(pactFile)
            .WithProviderStateUrl(new Uri(provider.BaseAddress, "__admin/provider-states"), teardown: true)
            .WithRequestTimeout(TimeSpan.FromSeconds(10))
            .ExecuteAsync();

    private static Task<MockHost> StartMockAsync(bool ignorePreconditions = false) =>
        MockHost.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false, IgnorePreconditions = ignorePreconditions });

    [Fact]
    public async Task Verify_AgainstTheMock_PassesEveryInteraction()
    {
        await using var mock = await StartMockAsync();

        var result = await VerifyAsync(mock, await GeneratedPact.PathAsync());

        output.WriteLine(result.Output);
        result.Passed.Should().BeTrue(result.Output);
        result.Interactions.Should().HaveCount(ConsumerCases.All.Count).And.OnlyContain(i => i.Passed);
    }

    [Fact]
    public async Task Verify_TheCommittedPact_AgainstTheMock_Passes()
    {
        var committed = Path.Combine(RepoPaths.Pacts, ConsumerInteractions.PactFileName);
        await using var mock = await StartMockAsync();

        var result = await VerifyAsync(mock, committed);

        result.Passed.Should().BeTrue(result.Output);
        result.Interactions.Select(i => i.Description).Should().BeEquivalentTo(ConsumerCases.All.Select(c => c.Description),
            "contracts/pacts is rewritten by the consumer tests; commit it when it changes");
    }

    [Fact]
    public async Task Verify_AgainstAProviderThatIgnoresIfUnmodifiedSince_FailsNamingTheStaleUpdates()
    {
        await using var broken = await StartMockAsync(ignorePreconditions: true);

        var result = await VerifyAsync(broken, await GeneratedPact.PathAsync());

        output.WriteLine(result.Output);
        result.Passed.Should().BeFalse();
        var stale = ConsumerCases.All.Where(c => c.Kind == CaseKind.StaleIfUnmodifiedSince).Select(c => c.Description).ToList();
        result.Failures.Select(f => f.Description).Should().BeEquivalentTo(stale);
        result.Output.Should().Contain(stale[0]).And.Contain("expected 412 but was 200");
    }
}
