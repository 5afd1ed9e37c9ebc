using System.Net;
using System.Net.Http.Headers;

namespace ContractHarness.MockServer.Hosting;

/// <summary>
/// An <see cref="HttpMessageHandler"/> over <see cref="SuperOfficeMockEngine.HandleAsync(MockRequest, CancellationToken)"/>: the request's method,
/// path and query, headers and body go in, the engine's status, reason phrase, headers and body come out. What a
/// socket would carry is all there is: the engine sees the same request Kestrel would hand it. An answer the engine
/// aborts (a fault rule with <c>abort</c>) is an <see cref="HttpRequestException"/>, as a reset connection is.
/// </summary>
internal sealed class EngineHandler(SuperOfficeMockEngine engine) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = request.RequestUri ?? throw new InvalidOperationException("The request has no URI (set the client's BaseAddress or an absolute URI).");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Add(headers, request.Headers);
        byte[]? body = null;
        if (request.Content is { } content)
        {
            body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            Add(headers, content.Headers);
            headers["Content-Length"] = body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var pathAndQuery = target.IsAbsoluteUri ? target.PathAndQuery : target.OriginalString;
        var answer = await engine.HandleAsync(new MockRequest(request.Method.Method, pathAndQuery, headers, body), keepHost: true, cancellationToken).ConfigureAwait(false);
        if (answer.Aborted)
        {
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The mock reset the connection (a fault rule with abort).");
        }

        var response = new HttpResponseMessage((HttpStatusCode)answer.StatusCode)
        {
            ReasonPhrase = answer.ReasonPhrase,
            RequestMessage = request,
            Content = new ByteArrayContent(answer.Body),
        };
        foreach (var (name, value) in answer.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    private static void Add(Dictionary<string, string> into, HttpHeaders headers)
    {
        foreach (var (name, values) in headers.NonValidated)
        {
            into[name] = values.ToString();
        }
    }
}
