using System.Text.Json.Nodes;
using ContractHarness.ContractTests.Client;
using ContractHarness.ContractTests.Support;
using ContractHarness.Pact;

namespace ContractHarness.ContractTests.Consumer;

[Collection(PactCollection.Name)]
[Trait("Category", "Consumer")]
public sealed class ConsumerContractTests : IDisposable
{
    private readonly string _pactDir = Path.Combine(Path.GetTempPath(), "contract-harness-consumer-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_pactDir))
        {
            Directory.Delete(_pactDir, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(ConsumerCases.Descriptions), MemberType = typeof(ConsumerCases))]
    public async Task Consumer_SendsWhatItPromises_AndReadsTheAnswer(string description)
    {
        var @case = ConsumerCases.Named(description);

        await ConsumerInteractions.RunAsync(@case, _pactDir);

        var pact = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_pactDir, ConsumerInteractions.PactFileName)))!;
        pact["interactions"]!.AsArray().Should().ContainSingle(i => i!["description"]!.GetValue<string>() == description);
    }

    [Fact]
    public void Cases_CoverEveryDocumentedStatusOfEveryOperation()
    {
        var covered = ConsumerCases.All.Select(c => (c.Endpoint.Title, (int)c.Status)).Distinct();
        var documented = ConsumerCases.Catalog.Endpoints.SelectMany(e => e.Responses.Select(r => (e.Title, r.Status)));

        covered.Should().BeEquivalentTo(documented);
        ConsumerCases.All.Should().HaveCount(23, "four PATCH operations with five cases each, and PUT Relation with three");
    }

    [Fact]
    public async Task Consumer_ThatSendsAnotherChange_FailsWithTheEngineMismatch()
    {
        var @case = ConsumerCases.All.First(c => c.Kind == CaseKind.JsonPatch);
        var pact = ConsumerInteractions.NewPact(_pactDir);
        ConsumerInteractions.Describe(pact, @case);

        var act = () => pact.VerifyAsync(async context =>
        {
            using var http = new HttpClient { BaseAddress = context.MockServerUri };
            await new SuperOfficeClient(http).PatchAsync(@case.Resource, @case.Id, [PatchOperation.Replace("/" + ConsumerCases.FieldOf(@case.Endpoint), "something else")]);
        });

        var failure = (await act.Should().ThrowAsync<PactFailureException>()).Which;
        failure.Message.Should().Contain("$[0].value").And.Contain("something else");
        File.Exists(Path.Combine(_pactDir, ConsumerInteractions.PactFileName)).Should().BeFalse("a failed verification writes no pact");
    }

    [Fact]
    public async Task ConsumerSuite_WritesThePactFileThatIsCommitted()
    {
        var written = await ConsumerInteractions.WriteAllAsync(_pactDir);

        var pact = JsonNode.Parse(await File.ReadAllTextAsync(written))!;
        pact["metadata"]!["pactSpecification"]!["version"]!.GetValue<string>().Should().Be("4.0");
        var interactions = pact["interactions"]!.AsArray();
        interactions.Select(i => i!["description"]!.GetValue<string>()).Should().BeEquivalentTo(ConsumerCases.All.Select(c => c.Description));
        foreach (var interaction in interactions)
        {
            interaction!["providerStates"]![0]!["params"]!["id"]!.GetValue<int>().Should().BePositive();
            interaction["request"]!["generators"]!["path"]!["type"]!.GetValue<string>().Should().Be("ProviderState");
            interaction["request"]!["generators"]!["path"]!["expression"]!.GetValue<string>().Should().Contain("${id}");
        }

        Directory.CreateDirectory(RepoPaths.Pacts);
        var committed = Path.Combine(RepoPaths.Pacts, ConsumerInteractions.PactFileName);
        var content = await File.ReadAllTextAsync(written);
        if (!File.Exists(committed) || await File.ReadAllTextAsync(committed) != content)
        {
            await File.WriteAllTextAsync(committed, content);
        }
    }
}
