using System.Text.Json.Nodes;

namespace ContractHarness.Contracts.Generator.WireMock;

/// <summary>
/// Writes rules as a WireMock 3.x stub file (<c>{"mappings": [...]}</c>, bodies inline as <c>jsonBody</c>), the
/// shape <c>java -jar wiremock-standalone.jar --root-dir DIR</c> loads from <c>DIR/mappings</c>.
/// </summary>
internal static class JavaMappingWriter
{
    public static JsonObject File(IEnumerable<StubRule> rules) =>
        new() { ["mappings"] = new JsonArray([.. rules.Select(Mapping)]) };

    private static JsonObject Mapping(StubRule rule)
    {
        var request = new JsonObject
        {
            ["method"] = rule.Method,
            [rule.PathIsPattern ? "urlPathPattern" : "urlPath"] = rule.Path,
        };
        if (rule.Header is { } header)
        {
            request["headers"] = new JsonObject
            {
                [header.Name] = new JsonObject { ["matches"] = header.Pattern },
            };
        }

        if (rule.BodyPattern is { } body)
        {
            request["bodyPatterns"] = new JsonArray(new JsonObject { ["matches"] = body });
        }

        return new JsonObject
        {
            ["name"] = $"{rule.Resource} {rule.Name}",
            ["priority"] = rule.Priority,
            ["request"] = request,
            ["response"] = new JsonObject
            {
                ["status"] = rule.Status,
                ["headers"] = new JsonObject { ["Content-Type"] = WireMockMappings.JsonMediaType },
                ["jsonBody"] = rule.Body.DeepClone(),
            },
        };
    }
}
