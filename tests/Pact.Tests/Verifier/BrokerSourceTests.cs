using System.Text.Json.Nodes;
using ContractHarness.Pact.Tests.Support;
using ContractHarness.Pact.Verifier;
using Microsoft.AspNetCore.Builder;

namespace ContractHarness.Pact.Tests.Verifier;

public class BrokerSourceTests
{
    private const string PactJson = """
        {"consumer":{"name":"C"},"provider":{"name":"P"},
         "interactions":[{"type":"Synchronous/HTTP","description":"a get of x","request":{"method":"GET","path":"/x"},"response":{"status":200}}],
         "metadata":{"pactSpecification":{"version":"4.0"}}}
        """;

    [Fact]
    public async Task BrokerSource_SendsSelectorsAndBranch_VerifiesTheSelectedPact_AndPublishesTheResult()
    {
        await using var broker = await FakePactBroker.StartAsync(PactJson);
        await using var provider = await TestProvider.StartAsync(app => app.MapGet("/x", () => "ok"));

        var result = await new PactVerifier("P")
            .WithHttpEndpoint(provider.Uri)
            .WithPactBrokerSource(broker.Uri, options => options
                .TokenAuthentication("broker-token")
                .ConsumerVersionSelectors(ConsumerVersionSelector.ForMainBranch(), new ConsumerVersionSelector { Branch = "feature", Latest = true })
                .ProviderBranch("main")
                .EnablePending()
                .PublishResults("1.2.3"))
            .VerifyAsync();

        result.Interactions.Should().ContainSingle().Which.Description.Should().Be("a get of x");
        var requests = broker.Requests;
        requests.Should().OnlyContain(r => r.Authorization == "Bearer broker-token");
        var selection = JsonNode.Parse(requests.Single(r => r.Method == "POST" && r.PathAndQuery.EndsWith("/for-verification", StringComparison.Ordinal)).Body)!;
        JsonNode.DeepEquals(selection["consumerVersionSelectors"], JsonNode.Parse("""[{"mainBranch":true},{"branch":"feature","latest":true}]""")).Should().BeTrue(selection.ToJsonString());
        selection["providerVersionBranch"]!.GetValue<string>().Should().Be("main");
        selection["includePendingStatus"]!.GetValue<bool>().Should().BeTrue();
        requests.Should().Contain(r => r.Method == "PUT" && r.PathAndQuery == "/pacticipants/P/branches/main/versions/1.2.3");
        var published = JsonNode.Parse(requests.Single(r => r.PathAndQuery.EndsWith("/verification-results", StringComparison.Ordinal)).Body)!;
        published["providerApplicationVersion"]!.GetValue<string>().Should().Be("1.2.3");
        published["success"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task BrokerSource_WithoutPublishResults_PublishesNothing()
    {
        await using var broker = await FakePactBroker.StartAsync(PactJson);
        await using var provider = await TestProvider.StartAsync(app => app.MapGet("/x", () => "ok"));

        await new PactVerifier("P").WithHttpEndpoint(provider.Uri).WithPactBrokerSource(broker.Uri).VerifyAsync();

        broker.Requests.Should().NotContain(r => r.PathAndQuery.EndsWith("/verification-results", StringComparison.Ordinal));
    }

    [Fact]
    public void ConsumerVersionSelector_WritesOnlyWhatIsSet_InCamelCase()
    {
        new ConsumerVersionSelector { Deployed = true, Environment = "production" }.ToJson()
            .Should().Be("""{"deployed":true,"environment":"production"}""");
        ConsumerVersionSelector.ForDeployedOrReleased().ToJson().Should().Be("""{"deployedOrReleased":true}""");
    }
}
