using System.Globalization;
using System.Text.Json;
using ContractHarness.Pact.Matchers;

namespace ContractHarness.Pact.Consumer;

/// <summary>Turns what the builders receive into the text the engine takes.</summary>
internal static class EngineValues
{
    /// <summary>A matcher as integration JSON; its example (as text) is kept for reports.</summary>
    public static EngineValue From(Matcher matcher, JsonSerializerOptions? options)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        var text = matcher.ToJsonNode(options).ToJsonString();
        var example = matcher.Example switch
        {
            null => string.Empty,
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => JsonSerializer.Serialize(other, options ?? PactJson.DefaultOptions),
        };
        return new EngineValue(text, example);
    }

    /// <summary>A JSON body (which may contain matchers).</summary>
    public static BodyDefinition JsonBody(object body, string contentType, JsonSerializerOptions? options)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        return new BodyDefinition(contentType, PactJson.Serialize(body, options));
    }

    /// <summary>Provider-state parameters as a JSON object.</summary>
    public static string Parameters(object parameters, JsonSerializerOptions? options)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var json = PactJson.Serialize(parameters, options);
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"Provider-state parameters must serialise to a JSON object, not {document.RootElement.ValueKind}.", nameof(parameters));
        }

        return json;
    }
}
