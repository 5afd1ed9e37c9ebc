using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractHarness.Pact.Matchers;

/// <summary>Serialises bodies and matcher values for the engine.</summary>
internal static class PactJson
{
    /// <summary>System.Text.Json defaults: property names as written (the SuperOffice API is PascalCase).</summary>
    public static readonly JsonSerializerOptions DefaultOptions = new(JsonSerializerDefaults.General);

    /// <summary>The JSON text of a body: JSON nodes and objects are serialised, matchers become integration JSON.</summary>
    public static string Serialize(object? body, JsonSerializerOptions? options) => body switch
    {
        JsonNode node => node.ToJsonString(options ?? DefaultOptions),
        _ => JsonSerializer.Serialize(body, options ?? DefaultOptions),
    };
}
