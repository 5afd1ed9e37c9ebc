using ContractHarness.Pact.Verifier;

namespace ContractHarness.Pact.Tests.Verifier;

public class VerificationReportTests
{
    // Trimmed from pactffi_verifier_json after a run against a provider that answered 500 to one of two interactions.
    private const string FailedRun = """
        {"errors":[{"interaction":"Verifying a pact between C and P - a get","mismatch":{"interactionId":"","mismatches":[{"actual":500,"expected":200,"mismatch":"expected 200 but was 500","type":"StatusMismatch"}],"type":"mismatches"}}],
         "interactionResults":[
           {"consumer":"C","description":"a get","duration":"24ms","mismatch":{"interactionId":"","mismatches":[{"actual":500,"expected":200,"mismatch":"expected 200 but was 500","type":"StatusMismatch"}],"type":"mismatches"},"pending":false,"provider":"P","providerStates":[],"result":"Error"},
           {"consumer":"C","description":"a patch","duration":"1s","mismatch":{"interactionId":"","mismatches":[{"actual":"\"x\"","expected":"66","mismatch":"Expected 'x' (String) to be an integer","path":"$.Id","type":"BodyMismatch"}],"type":"mismatches"},"pending":true,"provider":"P","providerStates":["Contact 66 exists"],"result":"Error"},
           {"consumer":"C","description":"a head","duration":"350µs","pending":false,"provider":"P","providerStates":[],"result":"OK"}],
         "notices":[],"output":[],"pendingErrors":[],"result":false}
        """;

    [Fact]
    public void Create_ParsesOneResultPerInteraction()
    {
        var result = VerificationReport.Create(1, "report", FailedRun, "logs");

        result.Passed.Should().BeFalse();
        result.Interactions.Should().HaveCount(3);
        result.Interactions[0].Should().BeEquivalentTo(new
        {
            Description = "a get",
            Passed = false,
            Pending = false,
            Duration = (TimeSpan?)TimeSpan.FromMilliseconds(24),
            Failures = new[] { "status: expected 200 but was 500" },
        });
        result.Interactions[1].Pending.Should().BeTrue();
        result.Interactions[1].Duration.Should().Be(TimeSpan.FromSeconds(1));
        result.Interactions[1].Failures.Should().Equal("body $.Id: Expected 'x' (String) to be an integer");
        result.Interactions[2].Passed.Should().BeTrue();
        result.Interactions[2].Duration.Should().Be(TimeSpan.FromTicks(3500));
        result.Failures.Select(f => f.Description).Should().Equal("a get", "a patch");
        result.Errors.Should().Equal("Verifying a pact between C and P - a get: status: expected 200 but was 500");
    }

    [Fact]
    public void Create_OfASourceThatCouldNotLoad_KeepsTheEnginesMessage()
    {
        const string json = """{"errors":[{"interaction":"Failed to load pact","mismatch":{"interactionId":"","message":"No pacts found for provider 'P'","type":"error"}}],"interactionResults":[],"result":false}""";

        var result = VerificationReport.Create(1, "out", json, string.Empty);

        result.Interactions.Should().BeEmpty();
        result.Errors.Should().Equal("Failed to load pact: No pacts found for provider 'P'");
        new PactVerificationException(result).Message.Should().Contain("Failed to load pact: No pacts found for provider 'P'");
    }

    [Fact]
    public void Create_OfUnreadableJson_StillReportsTheExitCode()
    {
        var result = VerificationReport.Create(2, "out", "not json", string.Empty);

        result.Passed.Should().BeFalse();
        result.Interactions.Should().BeEmpty();
        new PactVerificationException(result).Message.Should().StartWith("Pact verification could not run (exit code 2).");
    }
}
