using ContractHarness.ContractTests.Support;
using ContractHarness.TestSupport;
using SuperOfficeClientApp.ContractTests;

namespace ContractHarness.ContractTests.Readme;

/// <summary>The README's examples, run: the consumer example's pact verifies against the in-process mock.</summary>
[Collection(PactCollection.Name)]
public sealed class ReadmeExampleTests : IDisposable
{
    private readonly string _pactDir = Path.Combine(Path.GetTempPath(), "contractharness-readme-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ConsumerExample_WritesAPact_ThatVerifiesAgainstTheMock()
    {
        await ConsumerExample.PatchContact_ChangesItsName(Path.Combine(RepoRoot.Path, "contracts"), _pactDir);
        var pactFile = Path.Combine(_pactDir, "SuperOfficeWebClient-SuperOfficeWebApi.json");

        var result = await MockExamples.VerifyAgainstTheMock(pactFile);

        result.Passed.Should().BeTrue(result.Output);
        result.Interactions.Should().ContainSingle().Which.Description.Should().Be("a JSON Patch that changes a Contact's name");
    }

    [Fact]
    public async Task InProcessMockExample_Answers()
    {
        using var response = await MockExamples.StartTheMock_AndAskForHealth();

        response.IsSuccessStatusCode.Should().BeTrue();
    }

    public void Dispose()
    {
        if (Directory.Exists(_pactDir))
        {
            Directory.Delete(_pactDir, recursive: true);
        }
    }
}
