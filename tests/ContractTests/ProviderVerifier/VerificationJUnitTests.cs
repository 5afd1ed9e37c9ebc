using ContractHarness.Pact.Verifier;
using ContractHarness.ProviderVerifier;
using ContractHarness.Contracts.Reporting;
using ContractHarness.TestSupport;

namespace ContractHarness.ContractTests.ProviderVerifier;

/// <summary>What <c>make verify-provider JUNIT=FILE</c> makes of a verification's parts, read back as JUnit XML.</summary>
public sealed class VerificationJUnitTests
{
    private static readonly Uri Provider = new("http://127.0.0.1:5080/");

    [Fact]
    public void OneCasePerInteraction_FailedOnesCarryWhatDiffered()
    {
        InteractionVerificationResult[] interactions =
        [
            new("a GET of a Contact", Passed: true, Pending: false, TimeSpan.FromMilliseconds(12), []),
            new("a stale PATCH of a Contact", Passed: false, Pending: false, TimeSpan.FromMilliseconds(30), ["body $.Error: Expected true", "status: expected 412 but was 200"]),
            new("a PUT of a Relation", Passed: false, Pending: false, null, ["status: expected 200 but was 500"]),
        ];

        var xml = Read(VerificationJUnit.From(interactions, exitCode: 1, errors: [], Provider));

        xml.Should().BeEquivalentTo(new { Tests = 3, Failures = 2, Errors = 0, Skipped = 0 });
        xml.Suites.Single().Name.Should().Be("SuperOfficeWebApi at http://127.0.0.1:5080/");
        xml.Cases.Select(c => (c.Name, c.Outcome)).Should().Equal(
            ("a GET of a Contact", "passed"), ("a stale PATCH of a Contact", "failure"), ("a PUT of a Relation", "failure"));
        var stale = xml.Cases.Single(c => c.Name == "a stale PATCH of a Contact");
        stale.Message.Should().Be("status: expected 412 but was 200 (and 1 more)");
        stale.Text.Should().Be("body $.Error: Expected true\nstatus: expected 412 but was 200", "the details keep the engine's order");
        xml.Cases.Single(c => c.Name == "a PUT of a Relation").Message.Should().Be("status: expected 200 but was 500");
    }

    [Fact]
    public void APendingFailure_IsSkipped_NotFailed()
    {
        InteractionVerificationResult[] interactions = [new("a new field", Passed: false, Pending: true, null, ["body $.New: Expected a value"])];

        var testCase = Read(VerificationJUnit.From(interactions, exitCode: 0, errors: [], Provider)).Cases.Single();

        testCase.Outcome.Should().Be("skipped");
        testCase.Message.Should().Be("pending pact, not failing the run: body $.New: Expected a value");
    }

    [Fact]
    public void ARunThatVerifiedNothing_IsOneErroredCase_WithTheEnginesErrors()
    {
        var xml = Read(VerificationJUnit.From([], exitCode: 1, errors: ["Failed to load pact: No pacts found for provider 'SuperOfficeWebApi'"], Provider));

        xml.Should().BeEquivalentTo(new { Tests = 1, Failures = 0, Errors = 1 });
        xml.Cases.Single().Should().BeEquivalentTo(new { Name = "verification", Outcome = "error", Message = "Failed to load pact: No pacts found for provider 'SuperOfficeWebApi'" });
    }

    [Fact]
    public void ARunThatPassedWithNoInteraction_HasNoCase()
    {
        Read(VerificationJUnit.From([], exitCode: 0, errors: [], Provider)).Tests.Should().Be(0);
    }

    private static JUnitXml Read(JUnitReport report) => JUnitXml.Parse(JUnitWriter.ToXml(report));
}
