using System.Net;
using System.Text.Json.Nodes;
using ContractHarness.ContractTests.Support;
using ContractHarness.TestSupport;
using SuperOfficeClientApp.ContractTests;

namespace ContractHarness.ContractTests.Readme;

/// <summary>The docs' examples, run: the consumer example's pact verifies against the in-process mock; the mock examples answer what the docs say.</summary>
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
    public async Task InProcessMockExample_ReadsTheSampleContact()
    {
        var contact = JsonNode.Parse(await MockExamples.StartTheMock_AndReadAContact())!;

        contact["ContactId"]!.GetValue<int>().Should().Be(66);
        contact["Name"]!.GetValue<string>().Should().Be("Schuster-Reichel");
    }

    [Fact]
    public async Task InMemoryClientExample_StoresThePatch()
    {
        var (patched, stored) = await MockExamples.PatchInMemory();

        patched.Should().Be(HttpStatusCode.OK);
        var contact = JsonNode.Parse(stored)!;
        contact["Name"]!.GetValue<string>().Should().Be("Acme");
        contact["_Links"]!["Self"]!.GetValue<string>().Should().Be("http://mock.test/api/v1/Contact/66");
    }

    public void Dispose()
    {
        if (Directory.Exists(_pactDir))
        {
            Directory.Delete(_pactDir, recursive: true);
        }
    }
}
