using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ContractHarness.MockServer.Proxy;

/// <summary>
/// The headers that belong to one connection, not to the message (RFC 9110 section 7.6.1): <c>Connection</c> and the
/// names it lists, <c>Keep-Alive</c>, <c>Proxy-Connection</c>, <c>TE</c>, <c>Trailer</c>, <c>Transfer-Encoding</c>,
/// <c>Upgrade</c>, and the proxy's own credentials and challenges (<c>Proxy-Authorization</c>, <c>Proxy-Authenticate</c>).
/// A proxy passes on everything else.
/// </summary>
internal static class HopByHop
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Connection, HeaderNames.KeepAlive, "Proxy-Connection", HeaderNames.TE, HeaderNames.Trailer, HeaderNames.TransferEncoding,
        HeaderNames.Upgrade, HeaderNames.ProxyAuthorization, HeaderNames.ProxyAuthenticate,
    };

    /// <summary>True when <paramref name="name"/> is hop-by-hop, given the message's <c>Connection</c> header.</summary>
    public static bool Is(string name, StringValues connection)
    {
        if (Names.Contains(name))
        {
            return true;
        }

        foreach (var value in connection)
        {
            foreach (var token in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (token.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
