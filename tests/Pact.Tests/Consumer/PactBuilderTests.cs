using System.Net;
using System.Text.Json.Nodes;
using ContractHarness.Pact.Consumer;
using ContractHarness.Pact.Matchers;
using ContractHarness.Pact.Tests.Support;

namespace ContractHarness.Pact.Tests.Consumer;

public class PactBuilderTests
{
    private readonly FakeConsumerDriver driver = new();

    private PactBuilder NewBuilder() => new("SuperOfficeWebClient", "SuperOfficeWebApi", new PactConfig { PactDir = "/tmp/unused" }, driver);

    [Fact]
    public void Interaction_RecordsEverythingTheBuildersWereTold()
    {
        var pact = NewBuilder();

        pact.UponReceiving("a request to change the department of contact 66")
            .Given("Contact 66 exists", new Dictionary<string, string> { ["id"] = "66" })
            .Given("the user may edit contacts")
            .WithRequest(HttpMethod.Patch, Match.FromProviderState("/api/v1/Contact/${id}", "/api/v1/Contact/66"))
            .WithQuery("$select", "Department")
            .WithHeader("Authorization", Match.Regex("Bearer test-token", "^Bearer .+$"))
            .WithHeader("Accept", "application/json")
            .WithJsonBody(new[] { new { op = "replace", path = "/Department", value = "Sales" } }, "application/json-patch+json")
            .WillRespond()
            .WithStatus(HttpStatusCode.OK)
            .WithHeader("Content-Type", "application/json")
            .WithJsonBody(new { ContactId = Match.Integer(66) });

        var interaction = pact.Pending.Should().ContainSingle().Subject;
        interaction.Description.Should().Be("a request to change the department of contact 66");
        interaction.ProviderStates.Should().Equal(
            new ProviderStateDefinition("Contact 66 exists", """{"id":"66"}"""),
            new ProviderStateDefinition("the user may edit contacts", null));
        interaction.Method.Should().Be("PATCH");
        var path = JsonNode.Parse(interaction.Path.Text)!;
        path["pact:generator:type"]!.GetValue<string>().Should().Be("ProviderState");
        path["expression"]!.GetValue<string>().Should().Be("/api/v1/Contact/${id}");
        interaction.Path.Example.Should().Be("/api/v1/Contact/66");
        interaction.Query.Should().ContainSingle(q => q.Name == "$select" && q.Value.Text == "Department");
        interaction.RequestHeaders.Select(h => h.Name).Should().Equal("Authorization", "Accept");
        JsonNode.Parse(interaction.RequestHeaders[0].Value.Text)!["regex"]!.GetValue<string>().Should().Be("^Bearer .+$");
        interaction.RequestBody.Should().Be(new BodyDefinition("application/json-patch+json", """[{"op":"replace","path":"/Department","value":"Sales"}]"""));
        interaction.Status.Should().Be(200);
        JsonNode.Parse(interaction.ResponseBody!.Text)!["ContactId"]!["pact:matcher:type"]!.GetValue<string>().Should().Be("integer");
    }

    [Fact]
    public void Given_WithAnObject_KeepsParameterTypes()
    {
        var pact = NewBuilder();

        pact.UponReceiving("x").Given("Contact exists", new { id = 66, archived = false });

        pact.Pending[0].ProviderStates[0].ParametersJson.Should().Be("""{"id":66,"archived":false}""");
    }

    [Fact]
    public void Given_WithParametersThatAreNotAnObject_Throws()
    {
        var act = () => NewBuilder().UponReceiving("x").Given("state", (object)new[] { 1, 2 });

        act.Should().Throw<ArgumentException>().WithMessage("*JSON object*");
    }

    [Fact]
    public void UponReceiving_TheSameDescriptionTwice_ReplacesTheFirst()
    {
        var pact = NewBuilder();
        pact.UponReceiving("same").WithRequest(HttpMethod.Get, "/first");
        pact.UponReceiving("same").WithRequest(HttpMethod.Get, "/second");

        pact.Pending.Should().ContainSingle().Which.Path.Text.Should().Be("/second");
    }

    [Fact]
    public async Task VerifyAsync_WithoutInteractions_Throws()
    {
        var act = () => NewBuilder().VerifyAsync(_ => Task.CompletedTask);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*UponReceiving*");
    }

    [Fact]
    public async Task VerifyAsync_WhenMatched_WritesThePactFileAndConsumesTheInteractions()
    {
        var pact = NewBuilder();
        pact.UponReceiving("x").WithRequest(HttpMethod.Get, "/x");

        await pact.VerifyAsync(context =>
        {
            context.MockServerUri.Should().Be(new Uri("http://127.0.0.1:1/"));
            return Task.CompletedTask;
        });

        driver.Last!.PactFilesWritten.Should().Equal("/tmp/unused");
        driver.Last.Disposed.Should().BeTrue();
        pact.Pending.Should().BeEmpty();
    }

    [Fact]
    public async Task VerifyAsync_WhenNotMatched_ThrowsTheReportWithTheCallbacksErrorInside_AndWritesNothing()
    {
        driver.Matches = false;
        driver.MismatchesJson = """[{"type":"missing-request","method":"GET","path":"/x","request":{"method":"GET","path":"/x"}}]""";
        var pact = NewBuilder();
        pact.UponReceiving("a get of x").WithRequest(HttpMethod.Get, "/x");

        var act = () => pact.VerifyAsync(_ => throw new HttpRequestException("500 from the mock"));

        var error = (await act.Should().ThrowAsync<PactFailureException>()).Which;
        error.Message.Should().Contain("Expected request was never received: GET /x").And.Contain("\"a get of x\"");
        error.InnerException.Should().BeOfType<HttpRequestException>();
        error.MismatchesJson.Should().Be(driver.MismatchesJson);
        error.MockServerLog.Should().Be("mock log");
        driver.Last!.PactFilesWritten.Should().BeEmpty();
        driver.Last.Disposed.Should().BeTrue();
    }

    [Fact]
    public async Task VerifyAsync_WhenMatchedButTheCallbackFails_RethrowsTheCallbacksError()
    {
        var pact = NewBuilder();
        pact.UponReceiving("x").WithRequest(HttpMethod.Get, "/x");

        var act = () => pact.VerifyAsync(_ => throw new InvalidOperationException("assertion in the consumer"));

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("assertion in the consumer");
        driver.Last!.PactFilesWritten.Should().BeEmpty();
        driver.Last.Disposed.Should().BeTrue();
    }

    [Fact]
    public void Verify_Synchronous_RunsTheCallback()
    {
        var pact = NewBuilder();
        pact.UponReceiving("x").WithRequest(HttpMethod.Get, "/x");
        var called = false;

        pact.Verify(_ => called = true);

        called.Should().BeTrue();
    }

    [Fact]
    public void Outputters_ReceiveTheMockServerLog()
    {
        var lines = new List<string>();
        var pact = new PactBuilder("C", "P", new PactConfig { PactDir = "/tmp/unused", Outputters = [new ListOutput(lines)] }, driver);
        pact.UponReceiving("x").WithRequest(HttpMethod.Get, "/x");

        pact.Verify(_ => { });

        lines.Should().Equal("mock log");
    }

    private sealed class ListOutput(List<string> lines) : IPactOutput
    {
        public void WriteLine(string line) => lines.Add(line);
    }
}
