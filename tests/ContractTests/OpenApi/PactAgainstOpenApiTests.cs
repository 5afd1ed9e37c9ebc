using System.Text.Json.Nodes;
using ContractHarness.ContractTests.Consumer;
using ContractHarness.ContractTests.Support;
using ContractHarness.TestSupport;

namespace ContractHarness.ContractTests.OpenApi;

/// <summary>
/// The bi-directional check, as <c>make check-pact</c> runs it: swagger-mock-validator reads the pact and
/// contracts/openapi.json and fails when the consumer relies on a status, header or field the document does not have.
/// </summary>
public sealed class PactAgainstOpenApiTests : IDisposable
{
    private static readonly string Document = Path.Combine(RepoPaths.Contracts, "openapi.json");
    private static readonly string CommittedPact = Path.Combine(RepoPaths.Pacts, ConsumerInteractions.PactFileName);

    private readonly string _dir = Directory.CreateTempSubdirectory("contract-harness-pact-check-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void CommittedPact_IsCompatibleWithTheOpenApiDocument()
    {
        var result = Check(CommittedPact);

        result.ExitCode.Should().Be(0, result.Output);
        result.Stdout.Should().Contain("0 error(s)").And.Contain("0 warning(s)");
    }

    [Fact]
    public void PactThatExpectsAnUndocumentedStatus_FailsTheCheck()
    {
        var pact = Derived(interaction => interaction["response"]!["status"] = 418);

        var result = Check(pact);

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("response.status.unknown").And.Contain("Response status code not defined in spec file: 418");
    }

    [Fact]
    public void PactThatReadsAnUndocumentedField_FailsTheCheck()
    {
        var pact = Derived(interaction => interaction["response"]!["body"]!["content"]!["NotInTheContract"] = "surprise");

        var result = Check(pact);

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("response.body.incompatible").And.Contain("NotInTheContract");
    }

    private static NodeTool.Result Check(string pact) => NodeTool.Bin("swagger-mock-validator", [Document, pact]);

    /// <summary>The committed pact with <paramref name="change"/> made to its first interaction that answers 200.</summary>
    private string Derived(Action<JsonObject> change)
    {
        var pact = JsonNode.Parse(File.ReadAllText(CommittedPact))!;
        var interaction = pact["interactions"]!.AsArray().First(i => i!["response"]!["status"]!.GetValue<int>() == 200)!.AsObject();
        change(interaction);
        var path = Path.Combine(_dir, "derived.json");
        File.WriteAllText(path, pact.ToJsonString());
        return path;
    }
}
