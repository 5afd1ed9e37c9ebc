using System.Net;
using System.Text.Json.Nodes;
using ContractHarness.Pact.Matchers;
using ContractHarness.Pact.Tests.Support;
using Xunit.Abstractions;

namespace ContractHarness.Pact.Tests.Consumer;

public class ConsumerPactTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory pacts = new();

    private string PactFile => Path.Combine(pacts.Path, "SuperOfficeWebClient-SuperOfficeWebApi.json");

    public void Dispose() => pacts.Dispose();

    [Fact]
    public async Task ConsumerThatSendsWhatItPromised_Passes_AndWritesAV4PactFile()
    {
        var pact = ContactPact.NewPact(pacts.Path, new XunitOutput(output)).WithPatchInteraction();

        await pact.VerifyAsync(async context =>
        {
            using var response = await ContactPact.SendPatchAsync(context.MockServerUri);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            body["ContactId"]!.GetValue<int>().Should().Be(66);
            body["Emails"]![0]!["Value"]!.GetValue<string>().Should().Be("post@superoffice.com");
        });

        var file = JsonNode.Parse(await File.ReadAllTextAsync(PactFile))!;
        file["metadata"]!["pactSpecification"]!["version"]!.GetValue<string>().Should().Be("4.0");
        file["consumer"]!["name"]!.GetValue<string>().Should().Be("SuperOfficeWebClient");
        var interaction = file["interactions"]!.AsArray().Should().ContainSingle().Subject!;
        interaction["type"]!.GetValue<string>().Should().Be("Synchronous/HTTP");
        interaction["description"]!.GetValue<string>().Should().Be(ContactPact.Description);
        JsonNode.DeepEquals(interaction["providerStates"], JsonNode.Parse("""[{"name":"Contact 66 exists","params":{"id":"66"}}]""")).Should().BeTrue();

        var request = interaction["request"]!;
        request["method"]!.GetValue<string>().Should().Be("PATCH");
        request["path"]!.GetValue<string>().Should().Be("/api/v1/Contact/66");
        JsonNode.DeepEquals(request["generators"]!["path"], JsonNode.Parse("""{"expression":"/api/v1/Contact/${id}","type":"ProviderState"}""")).Should().BeTrue();
        request["matchingRules"]!["header"]!["Authorization"]!["matchers"]![0]!["regex"]!.GetValue<string>().Should().Be("^Bearer .+$");
        request["body"]!["content"]![0]!["op"]!.GetValue<string>().Should().Be("replace");
        request["body"]!["contentType"]!.GetValue<string>().Should().Be(ContactPact.PatchContentType);

        var rules = interaction["response"]!["matchingRules"]!["body"]!;
        rules["$.ContactId"]!["matchers"]![0]!["match"]!.GetValue<string>().Should().Be("integer");
        rules["$.Name"]!["matchers"]![0]!["match"]!.GetValue<string>().Should().Be("type");
        rules["$.UpdatedDate"]!["matchers"]![0]!["match"]!.GetValue<string>().Should().Be("regex");
        JsonNode.DeepEquals(rules["$.Emails"]!["matchers"]![0], JsonNode.Parse("""{"match":"type","min":1}""")).Should().BeTrue();
        rules.AsObject().ContainsKey("$.Department").Should().BeFalse("a plain value is matched exactly");
    }

    [Fact]
    public async Task ConsumerThatSendsTheWrongOp_FailsWithTheMismatchNamingPathExpectedAndActual()
    {
        var pact = ContactPact.NewPact(pacts.Path).WithPatchInteraction();

        var act = () => pact.VerifyAsync(async context =>
        {
            using var response = await ContactPact.SendPatchAsync(context.MockServerUri, op: "add");
            response.StatusCode.Should().Be(HttpStatusCode.InternalServerError, "the mock answers 500 to a request it does not expect");
        });

        var error = (await act.Should().ThrowAsync<PactFailureException>()).Which;
        output.WriteLine(error.Message);
        error.Message.Should().Contain("Request did not match: PATCH /api/v1/Contact/66")
            .And.Contain($"interaction: \"{ContactPact.Description}\"")
            .And.Contain("body $[0].op: Expected 'add' (String) to be equal to 'replace' (String)")
            .And.Contain("expected: \"replace\"")
            .And.Contain("actual:   \"add\"");
        File.Exists(PactFile).Should().BeFalse("a failed consumer test writes no pact");
    }

    [Fact]
    public async Task ConsumerThatSendsABadToken_FailsNamingTheHeader()
    {
        var pact = ContactPact.NewPact(pacts.Path).WithPatchInteraction();

        var act = () => pact.VerifyAsync(async context => (await ContactPact.SendPatchAsync(context.MockServerUri, token: "Basic dXNlcg==")).Dispose());

        (await act.Should().ThrowAsync<PactFailureException>()).Which.Message
            .Should().Contain("- header Authorization: ").And.Contain("Expected 'Basic dXNlcg==' to match '^Bearer .+$'");
    }

    [Fact]
    public async Task ConsumerThatNeverSendsTheRequest_FailsWithMissingRequest()
    {
        var pact = ContactPact.NewPact(pacts.Path).WithPatchInteraction();

        var act = () => pact.VerifyAsync(_ => Task.CompletedTask);

        var error = (await act.Should().ThrowAsync<PactFailureException>()).Which;
        error.Message.Should().Contain("Expected request was never received: PATCH /api/v1/Contact/66")
            .And.Contain($"interaction: \"{ContactPact.Description}\"");
        JsonNode.Parse(error.MismatchesJson)![0]!["type"]!.GetValue<string>().Should().Be("missing-request");
    }

    [Fact]
    public async Task ConsumerThatSendsAnExtraRequest_FailsWithUnexpectedRequest()
    {
        var pact = ContactPact.NewPact(pacts.Path).WithPatchInteraction();

        var act = () => pact.VerifyAsync(async context =>
        {
            (await ContactPact.SendPatchAsync(context.MockServerUri)).Dispose();
            using var client = new HttpClient { BaseAddress = context.MockServerUri };
            (await client.GetAsync("/api/v1/Contact/67")).Dispose();
        });

        var error = (await act.Should().ThrowAsync<PactFailureException>()).Which;
        error.Message.Should().Contain("Unexpected request (no interaction expects it): GET /api/v1/Contact/67")
            .And.NotContain("Request did not match");
    }

    [Fact]
    public async Task TwoVerifications_MergeIntoOnePactFile()
    {
        var first = ContactPact.NewPact(pacts.Path).WithPatchInteraction("first change");
        await first.VerifyAsync(async context => (await ContactPact.SendPatchAsync(context.MockServerUri)).Dispose());
        var second = ContactPact.NewPact(pacts.Path).WithPatchInteraction("second change");
        await second.VerifyAsync(async context => (await ContactPact.SendPatchAsync(context.MockServerUri)).Dispose());

        var descriptions = JsonNode.Parse(await File.ReadAllTextAsync(PactFile))!["interactions"]!.AsArray()
            .Select(i => i!["description"]!.GetValue<string>());
        descriptions.Should().BeEquivalentTo("first change", "second change");
    }

    [Fact]
    public async Task QueryParameterWithAMatcher_IsMatchedByTheMatcher()
    {
        var pact = ContactPact.NewPact(pacts.Path);
        pact.UponReceiving("a search")
            .WithRequest(HttpMethod.Get, "/api/v1/Contact")
            .WithQuery("$top", Match.Regex("10", @"^\d+$"))
            .WithQuery("$select", "Name")
            .WillRespond().WithStatus(HttpStatusCode.OK);

        await pact.VerifyAsync(async context =>
        {
            using var client = new HttpClient { BaseAddress = context.MockServerUri };
            using var response = await client.GetAsync("/api/v1/Contact?$top=25&$select=Name");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        });

        var request = JsonNode.Parse(await File.ReadAllTextAsync(PactFile))!["interactions"]![0]!["request"]!;
        JsonNode.DeepEquals(request["query"], JsonNode.Parse("""{"$select":["Name"],"$top":["10"]}""")).Should().BeTrue();
        request["matchingRules"]!["query"]!["$top"]!["matchers"]![0]!["match"]!.GetValue<string>().Should().Be("regex");
    }
}
