using System.Net;

namespace ContractHarness.Pact.Consumer;

/// <summary>A provider state and its parameters as JSON text (an object), or null without parameters.</summary>
internal sealed record ProviderStateDefinition(string Name, string? ParametersJson);

/// <summary>A header, query parameter or path value: plain text, or integration JSON when it carries a matcher.</summary>
internal sealed record EngineValue(string Text, string Example)
{
    public static EngineValue Plain(string text) => new(text, text);
}

/// <summary>A named header or query value.</summary>
internal sealed record NamedValue(string Name, EngineValue Value);

/// <summary>A body as the engine takes it: text (JSON may be integration JSON) and its content type.</summary>
internal sealed record BodyDefinition(string ContentType, string Text)
{
    /// <summary>A body given as text, checked once for both requests and responses.</summary>
    public static BodyDefinition FromText(string body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        return new BodyDefinition(contentType, body);
    }
}

/// <summary>Everything one interaction says, collected by the builders and handed to the engine in one go.</summary>
internal sealed class InteractionDefinition(string description)
{
    public string Description { get; } = description;

    public List<ProviderStateDefinition> ProviderStates { get; } = [];

    public string Method { get; set; } = "GET";

    public EngineValue Path { get; set; } = EngineValue.Plain("/");

    public List<NamedValue> Query { get; } = [];

    public List<NamedValue> RequestHeaders { get; } = [];

    public BodyDefinition? RequestBody { get; set; }

    public ushort Status { get; set; } = (ushort)HttpStatusCode.OK;

    public List<NamedValue> ResponseHeaders { get; } = [];

    public BodyDefinition? ResponseBody { get; set; }
}
