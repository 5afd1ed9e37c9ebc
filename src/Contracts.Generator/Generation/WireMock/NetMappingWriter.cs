using System.Text.Json.Nodes;

namespace ContractHarness.Contracts.Generator.WireMock;

/// <summary>
/// Writes rules as a WireMock.Net static mapping file: an array of its own mapping model (<c>Request.Path.Matchers</c>,
/// <c>Request.Methods</c>, <c>Response.StatusCode</c>, <c>Response.BodyAsJson</c>, <c>Priority</c>), the shape
/// <c>server.ReadStaticMappings(folder)</c> loads. It shares no field names with the Java format.
/// </summary>
internal static class NetMappingWriter
{
    public static JsonArray File(IEnumerable<StubRule> rules) => new([.. rules.Select(Mapping)]);

    private static JsonObject Mapping(StubRule rule)
    {
        var request = new JsonObject
        {
            ["Path"] = new JsonObject { ["Matchers"] = new JsonArray(Matcher(rule.PathIsPattern ? "RegexMatcher" : "ExactMatcher", rule.Path)) },
            ["Methods"] = new JsonArray(rule.Method),
        };
        if (rule.Header is { } header)
        {
            request["Headers"] = new JsonArray(new JsonObject { ["Name"] = header.Name, ["Matchers"] = new JsonArray(Matcher("RegexMatcher", header.Pattern)) });
        }

        if (rule.BodyPattern is { } body)
        {
            request["Body"] = new JsonObject { ["Matcher"] = Matcher("RegexMatcher", body) };
        }

        return new JsonObject
        {
            ["Title"] = $"{rule.Resource} {rule.Name}",
            ["Priority"] = rule.Priority,
            ["Request"] = request,
            ["Response"] = new JsonObject
            {
                ["StatusCode"] = rule.Status,
                ["Headers"] = new JsonObject { ["Content-Type"] = WireMockMappings.JsonMediaType },
                ["BodyAsJson"] = rule.Body.DeepClone(),
            },
        };
    }

    private static JsonObject Matcher(string name, string pattern) => new() { ["Name"] = name, ["Pattern"] = pattern };
}
