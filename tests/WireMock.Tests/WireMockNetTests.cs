using System.Text.Json.Nodes;
using ContractHarness.WireMock.Tests.Support;

namespace ContractHarness.WireMock.Tests;

/// <summary>WireMock.Net, reading contracts/wiremock/net as static mappings, answers every case of the shared table.</summary>
public sealed class WireMockNetTests(NetWireMock host) : IClassFixture<NetWireMock>
{
    [Fact]
    public void StaticMappings_AllLoad()
    {
        var written = Directory.GetFiles(Path.Combine(StubAnswers.Contracts, "wiremock", "net"), "*.json")
            .SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!.AsArray()).Select(m => m!["Title"]!.GetValue<string>());
        host.Server.Mappings.Select(m => m.Title).Should().BeEquivalentTo(written, "every mapping in every file loads, and nothing else");
    }

    [Theory]
    [MemberData(nameof(StubAnswers.All), MemberType = typeof(StubAnswers))]
    public Task StaticMappings_AnswerAsTheRulesSay(StubCase c) => StubChecks.AnswersAsExpected(host.Http, c);
}
