using System.Text.Json;
using ContractHarness.Pact.Matchers;

namespace ContractHarness.Pact.Consumer;

/// <summary>Fills the request half of an <see cref="InteractionDefinition"/>.</summary>
internal sealed class RequestBuilder(InteractionDefinition interaction, JsonSerializerOptions? options) : IRequestBuilderV4
{
    internal const string JsonContentType = "application/json";

    public IRequestBuilderV4 Given(string providerState)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerState);
        interaction.ProviderStates.Add(new ProviderStateDefinition(providerState, null));
        return this;
    }

    public IRequestBuilderV4 Given(string providerState, IDictionary<string, string> parameters) =>
        Given(providerState, (object)parameters);

    public IRequestBuilderV4 Given(string providerState, object parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerState);
        interaction.ProviderStates.Add(new ProviderStateDefinition(providerState, EngineValues.Parameters(parameters, options)));
        return this;
    }

    public IRequestBuilderV4 WithRequest(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        interaction.Method = method.Method;
        interaction.Path = EngineValue.Plain(path);
        return this;
    }

    public IRequestBuilderV4 WithRequest(HttpMethod method, Matcher path)
    {
        ArgumentNullException.ThrowIfNull(method);
        interaction.Method = method.Method;
        interaction.Path = EngineValues.From(path, options);
        return this;
    }

    public IRequestBuilderV4 WithQuery(string name, string value) => AddQuery(name, EngineValue.Plain(value));

    public IRequestBuilderV4 WithQuery(string name, Matcher value) => AddQuery(name, EngineValues.From(value, options));

    public IRequestBuilderV4 WithHeader(string name, string value) => AddHeader(name, EngineValue.Plain(value));

    public IRequestBuilderV4 WithHeader(string name, Matcher value) => AddHeader(name, EngineValues.From(value, options));

    public IRequestBuilderV4 WithJsonBody(object body) => WithJsonBody(body, JsonContentType);

    public IRequestBuilderV4 WithJsonBody(object body, string contentType)
    {
        interaction.RequestBody = EngineValues.JsonBody(body, contentType, options);
        return this;
    }

    public IRequestBuilderV4 WithBody(string body, string contentType)
    {
        interaction.RequestBody = BodyDefinition.FromText(body, contentType);
        return this;
    }

    public IResponseBuilderV4 WillRespond() => new ResponseBuilder(interaction, options);

    private RequestBuilder AddQuery(string name, EngineValue value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        interaction.Query.Add(new NamedValue(name, value));
        return this;
    }

    private RequestBuilder AddHeader(string name, EngineValue value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        interaction.RequestHeaders.Add(new NamedValue(name, value));
        return this;
    }
}
