using System.IO.Compression;
using System.Net;
using System.Security.Authentication;
using ContractHarness.MockServer.Model;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ContractHarness.MockServer.Proxy;

/// <summary>
/// The connection to the tenant: plain <see cref="HttpClient"/> on a <see cref="SocketsHttpHandler"/> (the system's
/// trust store for HTTPS, connections pooled and renewed every few minutes, the environment's HTTP proxy if any),
/// which follows no redirect (a 3xx goes back to the client, so <c>Authorization</c> reaches this tenant only), keeps
/// no cookies and undoes no content coding (the client gets the bytes the tenant sent). One exchange gets
/// <c>--proxy-timeout</c> on the mock's <see cref="TimeProvider"/> for its whole answer, body included. A tenant that
/// cannot be reached is a 502, one too slow a 504, both with the error body naming the tenant and the cause.
/// </summary>
internal sealed class TenantClient : IDisposable
{
    /// <summary>The largest answer the proxy holds (it reads each one whole, to check it before passing it on).</summary>
    public const int MaxAnswerBytes = 64 * 1024 * 1024;

    private readonly HttpClient _client;
    private readonly Uri _tenant;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;

    public TenantClient(Uri tenant, TimeSpan timeout, TimeProvider time)
    {
        _tenant = tenant;
        _timeout = timeout;
        _time = time;
        _client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan, // the exchange's own token decides, on the mock's clock
            MaxResponseContentBufferSize = MaxAnswerBytes,
        };
    }

    /// <summary>The tenant's base URL, as messages name it.</summary>
    public string Name => TenantAddress.Name(_tenant);

    /// <summary>
    /// Sends <paramref name="request"/> (with <paramref name="body"/>) to the tenant and reads its whole answer, or
    /// returns the 502 or 504 that says why there is none. The client going away cancels it (and throws).
    /// </summary>
    public async Task<(TenantAnswer? Answer, MockHttpException? Failure)> SendAsync(HttpRequest request, byte[] body, CancellationToken aborted)
    {
        using var message = Message(request, body);
        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, aborted);
        try
        {
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token);
            var bytes = await response.Content.ReadAsByteArrayAsync(linked.Token);
            return (Answer(response, bytes), null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            return (null, TenantErrors.Timeout(Name, request, _timeout));
        }
        catch (HttpRequestException e)
        {
            return (null, TenantErrors.Unreachable(Name, request, Cause(e)));
        }
        catch (IOException e) when (!aborted.IsCancellationRequested)
        {
            return (null, TenantErrors.Unreachable(Name, request, $"the answer could not be read ({Innermost(e)})"));
        }
    }

    private HttpRequestMessage Message(HttpRequest request, byte[] body)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), TenantAddress.Target(_tenant, request.Path, request.QueryString));
        if (body.Length > 0 || request.ContentLength is not null)
        {
            message.Content = new ByteArrayContent(body);
        }

        var connection = request.Headers.Connection;
        foreach (var (name, values) in request.Headers)
        {
            if (HopByHop.Is(name, connection) || name.Equals(HeaderNames.Host, StringComparison.OrdinalIgnoreCase)
                || name.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase) || name.Equals(HeaderNames.Expect, StringComparison.OrdinalIgnoreCase))
            {
                continue; // the connection's own, or set by the client for this hop (Host, the length of the content sent)
            }

            if (!message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        return message;
    }

    private static TenantAnswer Answer(HttpResponseMessage response, byte[] body)
    {
        var headers = new List<KeyValuePair<string, StringValues>>();
        var connection = response.Headers.TryGetValues(HeaderNames.Connection, out var tokens) ? new StringValues([.. tokens]) : StringValues.Empty;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Is(name, connection))
            {
                headers.Add(new(name, new StringValues([.. values])));
            }
        }

        var coding = response.Content.Headers.ContentEncoding;
        return new TenantAnswer((int)response.StatusCode, response.ReasonPhrase, headers, body, Decoded(body, coding));
    }

    /// <summary>The body without its content codings (undone last to first), or null for one the proxy cannot undo.</summary>
    private static byte[]? Decoded(byte[] body, ICollection<string> codings)
    {
        if (codings.Count == 0 || body.Length == 0)
        {
            return body;
        }

        try
        {
            var bytes = body;
            foreach (var coding in codings.Reverse())
            {
                using var input = new MemoryStream(bytes);
                using Stream decoder = coding.ToLowerInvariant() switch
                {
                    "gzip" or "x-gzip" => new GZipStream(input, CompressionMode.Decompress),
                    "deflate" => new ZLibStream(input, CompressionMode.Decompress),
                    "br" => new BrotliStream(input, CompressionMode.Decompress),
                    "identity" => input,
                    _ => throw new InvalidDataException(coding),
                };
                using var output = new MemoryStream();
                decoder.CopyTo(output);
                bytes = output.ToArray();
            }

            return bytes;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>What went wrong, in the words of the kind of failure and of the innermost exception.</summary>
    private static string Cause(HttpRequestException e)
    {
        var kind = e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "its host name does not resolve",
            HttpRequestError.ConnectionError => "the connection failed",
            HttpRequestError.SecureConnectionError => "the TLS handshake failed (is its certificate trusted by this machine?)",
            HttpRequestError.ResponseEnded => "it closed the connection before its answer was complete",
            HttpRequestError.InvalidResponse => "its answer is not valid HTTP",
            HttpRequestError.ConfigurationLimitExceeded => $"its answer is larger than the {MaxAnswerBytes / (1024 * 1024)} MiB the proxy holds",
            HttpRequestError.ProxyTunnelError => "the HTTP proxy of this machine refused the tunnel",
            _ => e.InnerException is AuthenticationException ? "the TLS handshake failed (is its certificate trusted by this machine?)" : "the request failed",
        };
        return $"{kind} ({Innermost(e)})";
    }

    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e.Message.TrimEnd('.');
    }

    public void Dispose() => _client.Dispose();
}
