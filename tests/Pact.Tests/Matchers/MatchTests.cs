using System.Text.Json;
using System.Text.Json.Nodes;
using ContractHarness.Pact.Matchers;

namespace ContractHarness.Pact.Tests.Matchers;

public class MatchTests
{
    public static TheoryData<string, Matcher, string> Matchers => new()
    {
        { "type", Match.Type("Sales"), """{"pact:matcher:type":"type","value":"Sales"}""" },
        { "integer", Match.Integer(66), """{"pact:matcher:type":"integer","value":66}""" },
        { "decimal", Match.Decimal(1.5), """{"pact:matcher:type":"decimal","value":1.5}""" },
        { "number", Match.Number(3), """{"pact:matcher:type":"number","value":3}""" },
        { "boolean", Match.Boolean(false), """{"pact:matcher:type":"boolean","value":false}""" },
        { "regex", Match.Regex("Bearer test-token", "^Bearer .+$"), """{"pact:matcher:type":"regex","regex":"^Bearer .+$","value":"Bearer test-token"}""" },
        { "datetime", Match.DateTime("2026-11-22T10:00:00", "yyyy-MM-dd'T'HH:mm:ss"), """{"pact:matcher:type":"datetime","format":"yyyy-MM-dd'T'HH:mm:ss","value":"2026-11-22T10:00:00"}""" },
        { "min type", Match.MinType(7, 2), """{"pact:matcher:type":"type","min":2,"value":[7,7]}""" },
        { "max type", Match.MaxType("a", 3), """{"pact:matcher:type":"type","max":3,"value":["a"]}""" },
        { "each like", Match.EachLike("x"), """{"pact:matcher:type":"type","min":1,"value":["x"]}""" },
        { "array of", Match.ArrayOf(["first", "second"]), """{"pact:matcher:type":"type","min":0,"value":["first"]}""" },
        { "include", Match.Include("Contact"), """{"pact:matcher:type":"include","value":"Contact"}""" },
        { "null", Match.Null(), """{"pact:matcher:type":"null","value":null}""" },
        { "equality", Match.Equality("exact"), """{"pact:matcher:type":"equality","value":"exact"}""" },
        { "values", Match.Values(new Dictionary<string, object> { ["k"] = 1 }), """{"pact:matcher:type":"values","value":{"k":1}}""" },
        {
            "provider state",
            Match.FromProviderState("/api/v1/Contact/${id}", "/api/v1/Contact/66"),
            """{"pact:matcher:type":"type","pact:generator:type":"ProviderState","expression":"/api/v1/Contact/${id}","value":"/api/v1/Contact/66"}"""
        },
    };

    [Theory]
    [MemberData(nameof(Matchers))]
    public void Matcher_WritesTheEnginesIntegrationJson(string name, Matcher matcher, string expected)
    {
        JsonNode.DeepEquals(JsonNode.Parse(matcher.ToString()), JsonNode.Parse(expected)).Should().BeTrue($"{name}: {matcher}");
    }

    [Fact]
    public void Matcher_InsideAnAnonymousObject_SerialisesInPlace()
    {
        var body = new { ContactId = Match.Integer(66), Name = "Ada", Emails = Match.EachLike(new { Value = Match.Regex("a@b.c", ".+@.+") }) };

        var json = JsonNode.Parse(JsonSerializer.Serialize(body))!;

        json["ContactId"]!["pact:matcher:type"]!.GetValue<string>().Should().Be("integer");
        json["Name"]!.GetValue<string>().Should().Be("Ada");
        json["Emails"]!["value"]![0]!["Value"]!["regex"]!.GetValue<string>().Should().Be(".+@.+");
    }

    [Fact]
    public void Matcher_InsideAJsonObject_ConvertsImplicitly()
    {
        var body = new JsonObject { ["Department"] = Match.Type("Sales"), ["Tags"] = new JsonArray(Match.Include("x")) };

        body["Department"]!["value"]!.GetValue<string>().Should().Be("Sales");
        body["Tags"]![0]!["pact:matcher:type"]!.GetValue<string>().Should().Be("include");
    }

    [Fact]
    public void Example_IsSerialisedWithTheCallersOptions()
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

        var json = Match.EachLike(new { FirstName = "Ada" }).ToJsonNode(options);

        json["value"]![0]!["firstName"]!.GetValue<string>().Should().Be("Ada");
    }

    [Fact]
    public void MinType_RejectsANegativeMinimum()
    {
        var act = () => Match.MinType("x", -1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
