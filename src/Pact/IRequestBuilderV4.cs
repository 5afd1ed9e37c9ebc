using ContractHarness.Pact.Matchers;

namespace ContractHarness.Pact;

/// <summary>Describes the request of an interaction.</summary>
public interface IRequestBuilderV4
{
    /// <summary>Adds a provider state the provider must set up first, e.g. "Contact 66 exists".</summary>
    IRequestBuilderV4 Given(string providerState);

    /// <summary>Adds a provider state with parameters (sent to the provider's state endpoint, usable in <see cref="Match.FromProviderState"/>).</summary>
    IRequestBuilderV4 Given(string providerState, IDictionary<string, string> parameters);

    /// <summary>Adds a provider state with parameters of any JSON type (an object or dictionary; numbers stay numbers).</summary>
    IRequestBuilderV4 Given(string providerState, object parameters);

    /// <summary>Sets the method and the path.</summary>
    IRequestBuilderV4 WithRequest(HttpMethod method, string path);

    /// <summary>Sets the method and a path with a matcher or a provider-state generator.</summary>
    IRequestBuilderV4 WithRequest(HttpMethod method, Matcher path);

    /// <summary>Adds a query parameter (repeat the name for repeated parameters).</summary>
    IRequestBuilderV4 WithQuery(string name, string value);

    /// <summary>Adds a query parameter matched by a matcher.</summary>
    IRequestBuilderV4 WithQuery(string name, Matcher value);

    /// <summary>Adds a request header (repeat the name for repeated values).</summary>
    IRequestBuilderV4 WithHeader(string name, string value);

    /// <summary>Adds a request header matched by a matcher.</summary>
    IRequestBuilderV4 WithHeader(string name, Matcher value);

    /// <summary>Sets a JSON body (<c>application/json</c>); it may contain matchers.</summary>
    IRequestBuilderV4 WithJsonBody(object body);

    /// <summary>Sets a JSON body with its content type, e.g. <c>application/json-patch+json</c>.</summary>
    IRequestBuilderV4 WithJsonBody(object body, string contentType);

    /// <summary>Sets a body given as text.</summary>
    IRequestBuilderV4 WithBody(string body, string contentType);

    /// <summary>Moves on to the response.</summary>
    IResponseBuilderV4 WillRespond();
}

/// <summary>Describes the response of an interaction.</summary>
public interface IResponseBuilderV4
{
    /// <summary>Sets the status code (default 200).</summary>
    IResponseBuilderV4 WithStatus(System.Net.HttpStatusCode status);

    /// <summary>Sets a status code that has no <see cref="System.Net.HttpStatusCode"/> name.</summary>
    IResponseBuilderV4 WithStatus(int status);

    /// <summary>Adds a response header.</summary>
    IResponseBuilderV4 WithHeader(string name, string value);

    /// <summary>Adds a response header matched by a matcher.</summary>
    IResponseBuilderV4 WithHeader(string name, Matcher value);

    /// <summary>Sets a JSON body (<c>application/json</c>); it may contain matchers.</summary>
    IResponseBuilderV4 WithJsonBody(object body);

    /// <summary>Sets a JSON body with its content type.</summary>
    IResponseBuilderV4 WithJsonBody(object body, string contentType);

    /// <summary>Sets a body given as text.</summary>
    IResponseBuilderV4 WithBody(string body, string contentType);
}
