using ContractHarness.Pact.Consumer;

namespace ContractHarness.Pact.Tests.Consumer;

public class MismatchReportTests
{
    // As pactffi_mock_server_mismatches returned it for a wrong op, a bad token, an unexpected GET and a missing GET.
    private const string EngineMismatches = """
        [{"method":"PATCH","mismatches":[
           {"actual":"\"add\"","expected":"\"replace\"","mismatch":"Expected 'add' (String) to be equal to 'replace' (String)","path":"$[0].op","type":"BodyMismatch"},
           {"actual":"Bearer bad token!","expected":"Bearer test-token","key":"Authorization","mismatch":"Expected 'Bearer bad token!' to match '^Bearer [A-Za-z0-9._-]+$'","type":"HeaderMismatch"}],
          "path":"/api/v1/Contact/66","type":"request-mismatch"},
         {"method":"GET","path":"/api/v1/Contact/67","request":{"body":"","method":"GET","path":"/api/v1/Contact/67"},"type":"request-not-found"},
         {"method":"GET","path":"/x","request":{"method":"GET","path":"/x"},"type":"missing-request"}]
        """;

    [Fact]
    public void Format_NamesEachProblemWithItsInteractionPathAndValues()
    {
        var patch = new InteractionDefinition("a request to change contact 66") { Method = "PATCH", Path = EngineValue.Plain("/api/v1/Contact/66") };
        var get = new InteractionDefinition("a get of x") { Method = "GET", Path = EngineValue.Plain("/x") };

        var report = MismatchReport.Format("Web", "Api", EngineMismatches, [patch, get]);

        report.Should().StartWith("Pact between Web and Api: the consumer did not send what it promised.");
        report.Should().Contain("""
            1) Request did not match: PATCH /api/v1/Contact/66
               interaction: "a request to change contact 66"
               - body $[0].op: Expected 'add' (String) to be equal to 'replace' (String)
                   expected: "replace"
                   actual:   "add"
               - header Authorization: Expected 'Bearer bad token!' to match '^Bearer [A-Za-z0-9._-]+$'
            """.ReplaceLineEndings("\n"));
        report.Should().Contain("2) Unexpected request (no interaction expects it): GET /api/v1/Contact/67");
        report.Should().Contain("3) Expected request was never received: GET /x\n   interaction: \"a get of x\"");
        report.Should().NotContain("body: \n", "an empty body of an unexpected request is not worth a line");
    }

    [Fact]
    public void Format_OfUnreadableJson_StillSaysWhatFailed()
    {
        var report = MismatchReport.Format("Web", "Api", "not json", []);

        report.Should().Contain("did not send what it promised").And.Contain("no mismatch details");
    }
}
