using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ContractHarness.Pact.Matchers;

/// <summary>
/// A value with a matching rule (and optionally a generator), written as the engine's integration JSON:
/// <c>{"pact:matcher:type": "...", "value": example, ...}</c>. A matcher can sit anywhere in a body: inside an
/// anonymous object or a POCO (it serialises itself with System.Text.Json) or inside a <see cref="JsonNode"/> tree
/// (it converts implicitly). Create matchers with <see cref="Match"/>.
/// </summary>
[JsonConverter(typeof(MatcherJsonConverter))]
public sealed class Matcher
{
    internal Matcher(string? type, object? example, IReadOnlyDictionary<string, JsonNode?>? attributes = null)
    {
        Type = type;
        Example = example;
        Attributes = attributes ?? new Dictionary<string, JsonNode?>();
    }

    /// <summary>The engine's matcher id (<c>type</c>, <c>integer</c>, <c>regex</c>...), or null for a generator alone.</summary>
    public string? Type { get; }

    /// <summary>The example the mock server answers with; may itself contain matchers.</summary>
    public object? Example { get; }

    /// <summary>The rule's other attributes (<c>regex</c>, <c>min</c>, <c>format</c>, generator fields...).</summary>
    public IReadOnlyDictionary<string, JsonNode?> Attributes { get; }

    /// <summary>Converts to integration JSON, so a matcher can be placed in a <see cref="JsonObject"/>.</summary>
    public static implicit operator JsonNode(Matcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        return matcher.ToJsonNode();
    }

    /// <summary>The integration JSON of this matcher, serialising the example with <paramref name="options"/>.</summary>
    public JsonNode ToJsonNode(JsonSerializerOptions? options = null) =>
        JsonSerializer.SerializeToNode(this, options ?? PactJson.DefaultOptions)!;

    /// <summary>Same as <see cref="ToJsonNode(JsonSerializerOptions?)"/>; named for the implicit conversion.</summary>
    public JsonNode ToJsonNode() => ToJsonNode(null);

    /// <summary>The compact integration JSON.</summary>
    public override string ToString() => JsonSerializer.Serialize(this, PactJson.DefaultOptions);
}
