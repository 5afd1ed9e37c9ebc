using System.Text.Json.Nodes;
using ContractHarness.ContractTests.Consumer;
using ContractHarness.ContractTests.Support;
using ContractHarness.TestSupport;

namespace ContractHarness.ContractTests.OpenApi;

/// <summary>
/// <c>make check-pact</c>'s script (tools/check-pact.mjs): swagger-mock-validator through its programmatic API, findings
/// printed one a line without a stack trace, and with <c>--junit FILE</c> one JUnit test case per finding.
/// </summary>
public sealed class CheckPactScriptTests : IDisposable
{
    private static readonly string Document = Path.Combine(RepoPaths.Contracts, "openapi.json");
    private static readonly string CommittedPact = Path.Combine(RepoPaths.Pacts, ConsumerInteractions.PactFileName);

    private readonly string _dir = Directory.CreateTempSubdirectory("contract-harness-check-pact-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private int Interactions => JsonNode.Parse(File.ReadAllText(CommittedPact))!["interactions"]!.AsArray().Count;

    [Fact]
    public void CommittedPact_Passes_AndEveryInteractionIsAPassedCase()
    {
        var junit = Path.Combine(_dir, "reports", "check-pact.xml");

        var result = Check(CommittedPact, junit);

        result.ExitCode.Should().Be(0, result.Output);
        result.Stdout.Should().Contain($"check-pact: {Interactions} interactions of {CommittedPact}, 0 error(s), 0 warning(s)");
        var xml = JUnitXml.Read(junit);
        xml.Should().BeEquivalentTo(new { Tests = Interactions, Failures = 0, Errors = 0 });
        xml.Cases.Select(c => c.ClassName).Distinct().Should().Equal("SuperOfficeWebClient -> SuperOfficeWebApi");
    }

    [Fact]
    public void AnUndocumentedStatus_Fails_WithOneLineAndNoStackTrace_AndIsAFailedCase()
    {
        // markup and a control character in the description: the file stays readable
        const string description = "a <PATCH> & \"quote\" \u001b[31m";
        var (pact, _) = Derived(interaction =>
        {
            interaction["description"] = description;
            interaction["response"]!["status"] = 418;
        });
        var junit = Path.Combine(_dir, "check-pact.xml");

        var result = Check(pact, junit);

        result.ExitCode.Should().Be(1);
        result.Stdout.Should().Contain($"error   response.status.unknown: {description}: Response status code not defined in spec file: 418")
            .And.Contain("1 error(s), 0 warning(s)");
        result.Output.Should().NotContain("    at ", "a finding is not a crash");
        var xml = JUnitXml.Read(junit);
        xml.Should().BeEquivalentTo(new { Tests = Interactions, Failures = 1 });
        var failure = xml.Cases.Single(c => c.Outcome == "failure");
        failure.Should().BeEquivalentTo(new
        {
            Name = "a <PATCH> & \"quote\" \uFFFD[31m: response.status.unknown",
            Type = "response.status.unknown",
        });
        failure.Message.Should().Contain("Response status code not defined in spec file: 418");
        failure.Text.Should().Contain("pact value: 418");
    }

    [Fact]
    public void AFieldTheDocumentDoesNotHave_NamesIt()
    {
        var (pact, _) = Derived(interaction => interaction["response"]!["body"]!["content"]!["NotInTheContract"] = "surprise");
        var junit = Path.Combine(_dir, "check-pact.xml");

        var result = Check(pact, junit);

        result.ExitCode.Should().Be(1);
        JUnitXml.Read(junit).Cases.Single(c => c.Outcome == "failure").Message.Should().Contain("must NOT have additional properties - NotInTheContract");
    }

    [Fact]
    public void AWarning_DoesNotFail_AndIsAPassedCaseWithTheWarningInItsOutput()
    {
        var (pact, description) = Derived(interaction => interaction["request"]!["query"] = new JsonObject { ["foo"] = new JsonArray("1") });
        var junit = Path.Combine(_dir, "check-pact.xml");

        var result = Check(pact, junit);

        result.ExitCode.Should().Be(0, result.Output);
        result.Stdout.Should().Contain("warning request.query.unknown").And.Contain("0 error(s), 1 warning(s)");
        var warning = JUnitXml.Read(junit).Cases.Single(c => c.Name == $"{description}: request.query.unknown");
        warning.Outcome.Should().Be("passed");
        warning.SystemOut.Should().Contain("Query parameter is not defined in the spec file: foo");
    }

    [Theory]
    [InlineData("missing-pact", "error: {pact}: no such file")]
    [InlineData("pact-not-json", "error: {pact}: not JSON (")]
    [InlineData("not-a-pact", "error: {pact}: not a pact (no \"interactions\" array)")]
    [InlineData("document-not-json", "error: Unable to parse \"{document}\"")]
    public void InputThatCannotBeChecked_ExitsTwo_WithOneLine(string problem, string expected)
    {
        var pact = Path.Combine(_dir, "pact.json");
        var document = Document;
        switch (problem)
        {
            case "pact-not-json": File.WriteAllText(pact, "{"); break;
            case "not-a-pact": File.WriteAllText(pact, "{}"); break;
            case "document-not-json": pact = CommittedPact; document = Path.Combine(_dir, "openapi.json"); File.WriteAllText(document, "# no"); break;
        }

        var result = NodeTool.Script("check-pact.mjs", [document, pact]);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().StartWith(expected.Replace("{pact}", pact, StringComparison.Ordinal).Replace("{document}", document, StringComparison.Ordinal));
        result.Stderr.TrimEnd().Should().NotContain("\n", "one line");
    }

    private static NodeTool.Result Check(string pact, string junit) => NodeTool.Script("check-pact.mjs", [Document, pact, "--junit", junit]);

    /// <summary>The committed pact with <paramref name="change"/> made to its first interaction that answers 200; its description.</summary>
    private (string Path, string Description) Derived(Action<JsonObject> change)
    {
        var pact = JsonNode.Parse(File.ReadAllText(CommittedPact))!;
        var interaction = pact["interactions"]!.AsArray().First(i => i!["response"]!["status"]!.GetValue<int>() == 200)!.AsObject();
        change(interaction);
        var path = Path.Combine(_dir, "derived.json");
        File.WriteAllText(path, pact.ToJsonString());
        return (path, interaction["description"]!.GetValue<string>());
    }
}
