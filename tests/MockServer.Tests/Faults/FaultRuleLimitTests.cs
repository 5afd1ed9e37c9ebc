using System.Text;
using System.Text.Json.Nodes;

namespace ContractHarness.MockServer.Tests.Faults;

/// <summary>
/// The bound on fault rules (<c>--max-fault-rules</c>) and the rules' index: a rule past the limit is a 409 that adds
/// nothing, and rules filed under different methods, entities, ids and paths still apply oldest first.
/// </summary>
public sealed class FaultRuleLimitTests : IDisposable
{
    private readonly SuperOfficeMockEngine _engine = SuperOfficeMockEngine.Start(
        new Uri("http://localhost:9092/"), new SuperOfficeMockServerOptions { LogRequests = false, MaxFaultRules = 3 });

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task RulePastTheLimit_Is409NamingTheLimit_AndAddsNothing_UntilARuleIsRemoved()
    {
        for (var i = 0; i < 3; i++)
        {
            (await PostRuleAsync("""{"entity":"Ticket","status":503}""")).StatusCode.Should().Be(201);
        }

        var refused = await PostRuleAsync("""{"entity":"Contact","status":503}""");

        refused.StatusCode.Should().Be(409);
        var error = JsonNode.Parse(refused.Body)!;
        error["ErrorType"]!.GetValue<string>().Should().Be("LimitReachedException");
        error["ErrorMessage"]!.GetValue<string>().Should().Contain("--max-fault-rules 3");
        (await RulesAsync()).Should().Equal("f1", "f2", "f3");
        (await _engine.HandleAsync(new MockRequest("GET", "/api/v1/Contact/1"))).StatusCode.Should().Be(200, "the refused rule was not added");

        (await _engine.HandleAsync(new MockRequest("DELETE", "/__admin/faults/f2"))).StatusCode.Should().Be(204);
        (await PostRuleAsync("""{"entity":"Contact","status":503}""")).StatusCode.Should().Be(201);
        (await RulesAsync()).Should().Equal("f1", "f3", "f4");
    }

    [Fact]
    public async Task RulesFiledApart_ApplyOldestFirst_AndOnlyToTheRequestsTheyName()
    {
        using var engine = SuperOfficeMockEngine.Start(new Uri("http://localhost:9093/"), new SuperOfficeMockServerOptions { LogRequests = false });
        string[] rules =
        [
            """{"entity":"Ticket","status":500}""",                              // another entity
            """{"method":"GET","entity":"Contact","status":502}""",              // another method than PATCH
            """{"entity":"Contact","id":7,"status":503,"times":1}""",
            """{"path":"/API/v1/contact/7","status":504,"times":1}""",            // a path, in other case
            """{"id":7,"status":429,"times":1}""",                               // an id on any entity
            """{"method":"patch","pathPattern":"Contact/7$","status":418,"times":1}""",
            """{"status":409}""",                                                // everything
        ];
        foreach (var rule in rules)
        {
            (await PostRuleAsync(rule, engine)).StatusCode.Should().Be(201);
        }

        var statuses = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await engine.HandleAsync(Patch("/api/v1/Contact/7"))).StatusCode);
        }

        statuses.Should().Equal(503, 504, 429, 418, 409, 409);
        (await engine.HandleAsync(Patch("/api/v1/Contact/8"))).StatusCode.Should().Be(409);
        (await engine.HandleAsync(new MockRequest("GET", "/api/v1/Contact/7"))).StatusCode.Should().Be(502);
        (await engine.HandleAsync(new MockRequest("GET", "/api/v1/Ticket/7"))).StatusCode.Should().Be(500);
    }

    private static MockRequest Patch(string path) => new("PATCH", path, Headers(("Content-Type", "application/json-patch+json")),
        """[{"op":"replace","path":"/Name","value":"Rule"}]"""u8.ToArray());

    private async Task<(int StatusCode, string Body)> PostRuleAsync(string json, SuperOfficeMockEngine? engine = null)
    {
        var response = await (engine ?? _engine).HandleAsync(new MockRequest("POST", "/__admin/faults", Headers(("Content-Type", "application/json")), Encoding.UTF8.GetBytes(json)));
        return (response.StatusCode, Encoding.UTF8.GetString(response.Body));
    }

    private async Task<List<string>> RulesAsync()
    {
        var list = JsonNode.Parse((await _engine.HandleAsync(new MockRequest("GET", "/__admin/faults"))).Body)!;
        return [.. list["faults"]!.AsArray().Select(f => f!["id"]!.GetValue<string>())];
    }

    private static Dictionary<string, string> Headers(params (string Name, string Value)[] headers) =>
        headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
}
