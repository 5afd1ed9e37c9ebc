using System.Net;
using System.Text.Json;
using ContractHarness.Pact.Matchers;

namespace ContractHarness.Pact.Consumer;

/// <summary>Fills the response half of an <see cref="InteractionDefinition"/>.</summary>
internal sealed class ResponseBuilder(InteractionDefinition interaction, JsonSerializerOptions? options) : IResponseBuilderV4
{
    public IResponseBuilderV4 WithStatus(HttpStatusCode status) => WithStatus((int)status);

    public IResponseBuilderV4 WithStatus(int status)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        interaction.Status = (ushort)status;
        return this;
    }

    public IResponseBuilderV4 WithHeader(string name, string value) => AddHeader(name, EngineValue.Plain(value));

    public IResponseBuilderV4 WithHeader(string name, Matcher value) => AddHeader(name, EngineValues.From(value, options));

    public IResponseBuilderV4 WithJsonBody(object body) => WithJsonBody(body, RequestBuilder.JsonContentType);

    public IResponseBuilderV4 WithJsonBody(object body, string contentType)
    {
        interaction.ResponseBody = EngineValues.JsonBody(body, contentType, options);
        return this;
    }

    public IResponseBuilderV4 WithBody(string body, string contentType)
    {
        interaction.ResponseBody = BodyDefinition.FromText(body, contentType);
        return this;
    }

    private ResponseBuilder AddHeader(string name, EngineValue value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        interaction.ResponseHeaders.Add(new NamedValue(name, value));
        return this;
    }
}
