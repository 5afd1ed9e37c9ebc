using ContractHarness.ContractTests.Consumer;
using ContractHarness.ContractTests.Support;
using ContractHarness.MockServer;
using ContractHarness.ProviderVerifier;
using ContractHarness.TestSupport;
using MockHost = ContractHarness.MockServer.SuperOfficeMockServer;

namespace ContractHarness.ContractTests.Provider;

/// <summary>`make verify-provider JUNIT=FILE` against the mock: the file CI reads, next to the printed report.</summary>
[Collection(PactCollection.Name)]
[Trait("Category", "Provider")]
public sealed class VerifyProviderJUnitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("contract-harness-junit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ProviderThatBreaksTheContract_HasAFailureForThatInteraction_AndTheOthersPass()
    {
        await using var broken = await MockHost.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false, IgnorePreconditions = true });
        var file = Path.Combine(_dir, "reports", "verify.xml");
        using var log = new StringWriter();

        var result = await ProviderVerification.RunAsync(Options(broken.BaseAddress, file, await GeneratedPact.PathAsync()), log);

        result.ExitCode.Should().Be(1);
        log.ToString().Should().Contain("Verification FAILED").And.Contain($"JUnit report: {file}");
        var xml = JUnitXml.Read(file);
        xml.Tests.Should().Be(ConsumerCases.All.Count);
        xml.Failures.Should().Be(result.Failures.Count()).And.BeGreaterThan(0);
        var stale = xml.Cases.Single(c => c.Name.Contains("a PATCH of a Contact with a stale If-Unmodified-Since", StringComparison.Ordinal));
        stale.Outcome.Should().Be("failure");
        stale.Message.Should().Contain("status: expected 412 but was 200");
        xml.Cases.Where(c => c.Outcome == "passed").Should().HaveCount(ConsumerCases.All.Count - xml.Failures);
    }

    [Fact]
    public async Task ProviderThatHonoursTheContract_HasOnlyPassedCases()
    {
        await using var mock = await MockHost.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false });
        var file = Path.Combine(_dir, "verify.xml");
        using var log = new StringWriter();

        var result = await ProviderVerification.RunAsync(Options(mock.BaseAddress, file, await GeneratedPact.PathAsync()), log);

        result.Passed.Should().BeTrue(log.ToString());
        var xml = JUnitXml.Read(file);
        xml.Should().BeEquivalentTo(new { Tests = ConsumerCases.All.Count, Failures = 0, Errors = 0, Skipped = 0 });
        xml.Cases.Select(c => c.Name).Should().BeEquivalentTo(result.Interactions.Select(i => i.Description));
    }

    [Fact]
    public async Task NothingListening_WritesOneErroredCaseSayingSo()
    {
        var url = new Uri("http://127.0.0.1:9/");
        var file = Path.Combine(_dir, "verify.xml");
        var quick = new ProviderProbe { ConnectTimeout = TimeSpan.FromMilliseconds(300), Attempts = 1 };

        var run = () => ProviderVerification.RunAsync(Options(url, file, RepoPaths.Pacts), TextWriter.Null, quick);

        await run.Should().ThrowAsync<ProviderUnreachableException>();
        JUnitXml.Read(file).Cases.Single().Should().BeEquivalentTo(new
        {
            Name = "verification",
            Outcome = "error",
            Message = $"nothing is listening at {url}: start the mock with `make mock` or set PROVIDER_BASE_URL",
        });
    }

    private static VerificationOptions Options(Uri provider, string junit, string pacts) => new()
    {
        ProviderBaseUrl = provider,
        StateChangeUrl = new Uri(provider, "__admin/provider-states"),
        PactSource = pacts,
        JUnitFile = junit,
    };
}
