using System.Text.Json.Nodes;
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

    /// <summary>
    /// The (operation, status) pairs the pact makes the mock answer: its update cases (200, 404, 409, 412 for each
    /// PATCH; 200, 400, 412 for PUT Relation). Written out, so a change to the pact's coverage shows here.
    /// </summary>
    private static readonly string[] PactCovers =
    [
        .. new[] { "Contact", "Document", "Project", "Ticket" }.SelectMany(e => new[] { 200, 404, 409, 412 }.Select(s => $"PATCH {e}/{{id}} {s}")),
        "PUT Relation/{id} 200", "PUT Relation/{id} 400", "PUT Relation/{id} 412",
    ];

    [Fact]
    public async Task Verify_AgainstTheMock_CoversTheUpdateCasesOfThePact_AndItsTableIsWritten()
    {
        await using var mock = await StartMockAsync();

        var result = await VerifyAsync(mock, await GeneratedPact.PathAsync());

        result.Passed.Should().BeTrue(result.Output);
        var table = RepoRoot.Combine(".artifacts", "coverage", "pact-coverage.md");
        var printed = NodeTool.Script("coverage.mjs", [mock.Url, "--out", table]);
        output.WriteLine(printed.Output);
        printed.ExitCode.Should().Be(0, printed.Output);
        File.ReadAllText(table).Should().Be(printed.Stdout).And.Contain($"{PactCovers.Length} of ");

        using var http = new HttpClient { BaseAddress = mock.BaseAddress };
        var coverage = JsonNode.Parse(await http.GetStringAsync("__admin/coverage"))!;
        var uncovered = coverage["uncovered"]!.AsArray().Select(u => u!.GetValue<string>()).ToList();
        var documented = coverage["operations"]!.AsArray()
            .SelectMany(o => o!["statuses"]!.AsObject().Select(s => $"{o["operation"]!.GetValue<string>()} {s.Key}")).ToList();
        documented.Except(uncovered).Should().BeEquivalentTo(PactCovers, "the pact exercises exactly its update cases; docs/sessions-and-coverage.md says why the rest is left out");
        uncovered.Should().Contain(["GET Contact/{id} 200", "PATCH Contact/{id} 400", "PATCH Contact/{id} 401", "PATCH Contact/{id} 503", "PUT Relation/{id} 404"]);
        coverage["undocumented"]!.AsArray().Should().BeEmpty("the mock answered the pact only with statuses the catalog documents");
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
