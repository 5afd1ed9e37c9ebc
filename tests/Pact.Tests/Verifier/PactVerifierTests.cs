using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ContractHarness.Pact.Tests.Support;
using ContractHarness.Pact.Verifier;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace ContractHarness.Pact.Tests.Verifier;

public class PactVerifierTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TempDirectory pacts = new();
    private readonly ConcurrentQueue<string> received = new();

    private string PactFile => Path.Combine(pacts.Path, "SuperOfficeWebClient-SuperOfficeWebApi.json");

    public async Task InitializeAsync()
    {
        var pact = ContactPact.NewPact(pacts.Path).WithPatchInteraction();
        await pact.VerifyAsync(async context => (await ContactPact.SendPatchAsync(context.MockServerUri)).Dispose());
    }

    public Task DisposeAsync()
    {
        pacts.Dispose();
        return Task.CompletedTask;
    }

    private Task<TestProvider> StartProvider(Func<int, IResult> answer) =>
        TestProvider.StartAsync(
            app => app.MapPatch("/api/v1/Contact/{id:int}", (int id, HttpRequest request) =>
            {
                received.Enqueue($"{request.Method} {request.Path} {request.Headers.Authorization} {request.Headers["X-Verified-By"]}");
                return answer(id);
            }),
            stateValues: call => new JsonObject { ["id"] = 77 });

    private PactVerifier NewVerifier(TestProvider provider) =>
        new PactVerifier("SuperOfficeWebApi", new PactVerifierConfig { Outputters = [new XunitOutput(output)] })
            .WithHttpEndpoint(provider.Uri)
            .WithFileSource(PactFile)
            .WithProviderStateUrl(provider.StateUri, teardown: true, body: true)
            .WithCustomHeader("X-Verified-By", "pact-tests")
            .WithRequestTimeout(TimeSpan.FromSeconds(10));

    private static IResult HonouringContact(int id) => TestProvider.Json(new JsonObject
    {
        ["ContactId"] = id,
        ["Name"] = "Another name entirely",
        ["Department"] = "Sales",
        ["UpdatedDate"] = "2013-02-21T15:29:29.5607019+01:00",
        ["Emails"] = new JsonArray(new JsonObject { ["Value"] = "a@example.com" }, new JsonObject { ["Value"] = "b@example.com" }),
    });

    [Fact]
    public async Task ProviderThatHonoursThePact_Passes()
    {
        await using var provider = await StartProvider(HonouringContact);

        var result = await NewVerifier(provider).VerifyAsync();

        result.Passed.Should().BeTrue();
        result.ExitCode.Should().Be(0);
        var interaction = result.Interactions.Should().ContainSingle().Subject;
        interaction.Should().BeEquivalentTo(new { Description = ContactPact.Description, Passed = true, Pending = false });
        interaction.Duration.Should().NotBeNull();
        result.Output.Should().Contain(ContactPact.Description).And.NotContain("\u001b[");
        JsonNode.Parse(result.Json)!["result"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task ProviderStates_AreSetUpWithParams_TornDown_AndTheirValuesFeedThePath()
    {
        await using var provider = await StartProvider(HonouringContact);

        await NewVerifier(provider).VerifyAsync();

        provider.StateCalls.Select(c => c.ToJsonString()).Should().Equal(
            """{"action":"setup","params":{"id":"66"},"state":"Contact 66 exists"}""",
            """{"action":"teardown","params":{"id":"66"},"state":"Contact 66 exists"}""");
        received.Should().ContainSingle().Which.Should().Be(
            "PATCH /api/v1/Contact/77 Bearer test-token pact-tests",
            "the path comes from the provider-state generator fed by the state endpoint's answer, the token is the pact's example, the custom header is added");
    }

    [Fact]
    public async Task ProviderStateParams_FeedThePath_WhenTheStateEndpointAnswersNoValues()
    {
        using var otherPacts = new TempDirectory();
        var pact = ContactPact.NewPact(otherPacts.Path);
        pact.UponReceiving("a get of a contact").Given("Contact exists", new { id = 55 })
            .WithRequest(HttpMethod.Get, ContractHarness.Pact.Matchers.Match.FromProviderState("/api/v1/Contact/${id}", "/api/v1/Contact/66"))
            .WillRespond().WithStatus(200);
        await pact.VerifyAsync(async context =>
        {
            using var client = new HttpClient();
            (await client.GetAsync(new Uri(context.MockServerUri, "/api/v1/Contact/66"))).Dispose();
        });
        await using var provider = await TestProvider.StartAsync(app => app.MapGet("/api/v1/Contact/{id}", (string id) =>
        {
            received.Enqueue(id);
            return Results.Ok();
        }));

        await new PactVerifier("SuperOfficeWebApi").WithHttpEndpoint(provider.Uri).WithDirectorySource(otherPacts.Path).WithProviderStateUrl(provider.StateUri).VerifyAsync();

        received.Should().Equal("55");
    }

    [Fact]
    public async Task ProviderThatAnswers500_Fails_NamingTheInteraction()
    {
        await using var provider = await StartProvider(_ => Results.StatusCode(500));

        var act = () => NewVerifier(provider).VerifyAsync();

        var error = (await act.Should().ThrowAsync<PactVerificationException>()).Which;
        error.Message.Should().Contain("1 of 1 interaction(s) failed").And.Contain($"\"{ContactPact.Description}\"").And.Contain("expected 200 but was 500");
        var failure = error.Result!.Failures.Should().ContainSingle().Subject;
        failure.Description.Should().Be(ContactPact.Description);
        failure.Failures.Should().Contain("status: expected 200 but was 500");
        error.Result.ExitCode.Should().Be(1);
    }

    [Fact]
    public async Task ProviderThatAnswersAWrongBodyType_Fails_NamingTheFieldAndTheInteraction()
    {
        await using var provider = await StartProvider(_ => TestProvider.Json(new JsonObject
        {
            ["ContactId"] = "seventy-seven",
            ["Name"] = "n",
            ["Department"] = "Sales",
            ["UpdatedDate"] = "2026-11-22T10:00:00",
            ["Emails"] = new JsonArray(new JsonObject { ["Value"] = "a@example.com" }),
        }));

        var result = await NewVerifier(provider).ExecuteAsync();

        result.Passed.Should().BeFalse();
        var failure = result.Failures.Should().ContainSingle().Subject;
        failure.Description.Should().Be(ContactPact.Description);
        failure.Failures.Should().Contain(f => f.StartsWith("body $.ContactId:", StringComparison.Ordinal));
        result.Output.Should().Contain(ContactPact.Description).And.Contain("$.ContactId");
    }

    [Fact]
    public async Task DirectorySource_VerifiesThePactsOfThisProvider()
    {
        await using var provider = await StartProvider(HonouringContact);

        var result = await new PactVerifier("SuperOfficeWebApi")
            .WithHttpEndpoint(provider.Uri)
            .WithDirectorySource(pacts.Path)
            .WithProviderStateUrl(provider.StateUri)
            .VerifyAsync();

        result.Interactions.Select(i => i.Description).Should().Equal(ContactPact.Description);
    }

    [Fact]
    public async Task Filter_SkipsInteractionsItDoesNotMatch()
    {
        await using var provider = await StartProvider(_ => Results.StatusCode(500));

        var result = await NewVerifier(provider).WithFilter(description: "^no such interaction$").WithNoPactsIsError(false).ExecuteAsync();

        result.Interactions.Should().BeEmpty();
        received.Should().BeEmpty();
    }

    [Fact]
    public void Execute_WithoutEndpointOrSource_SaysWhatIsMissing()
    {
        var withoutEndpoint = () => new PactVerifier("P").WithFileSource("x.json").Execute();
        var withoutSource = () => new PactVerifier("P").WithHttpEndpoint(new Uri("http://127.0.0.1:1")).Execute();

        withoutEndpoint.Should().Throw<InvalidOperationException>().WithMessage("*WithHttpEndpoint*");
        withoutSource.Should().Throw<InvalidOperationException>().WithMessage("*WithFileSource*");
    }
}
