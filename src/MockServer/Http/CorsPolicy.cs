namespace ContractHarness.MockServer.Http;

/// <summary>
/// Which browser pages may call the mock: any port of <c>localhost</c>, <c>127.0.0.1</c> and <c>[::1]</c> (http or
/// https), plus the configured origins (<c>*</c> for all). Requests may carry the headers the reference pages
/// document (<c>Authorization</c>, <c>X-XSRF-TOKEN</c>, <c>Content-Type</c>, <c>Accept</c>, <c>Accept-Language</c>,
/// every <c>SO-*</c> header), the conditional headers, <c>Prefer</c> and <c>X-Mock-Session</c>.
/// </summary>
internal sealed class CorsPolicy
{
    public const string AllowedMethods = "GET, HEAD, PATCH, PUT, POST, DELETE, OPTIONS";
    public const string ExposedHeaders = "Last-Modified, ETag, WWW-Authenticate, Allow, X-Contract-Violations";

    private static readonly HashSet<string> AllowedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "X-XSRF-TOKEN", "Content-Type", "Accept", "Accept-Language", "If-Unmodified-Since",
        "If-Modified-Since", "If-None-Match", "If-Match", "X-Requested-With", "Cache-Control", "Pragma",
        "Prefer", // forced answers and delays (FaultStep), e.g. from the interactive docs' "try it"
        SessionRequest.Header, // a page's own session (X-Mock-Session)
    };

    private static readonly HashSet<string> LoopbackHosts = new(StringComparer.OrdinalIgnoreCase) { "localhost", "127.0.0.1", "[::1]" };

    private readonly HashSet<string> _origins;
    private readonly bool _any;

    public CorsPolicy(IEnumerable<string> origins)
    {
        _origins = new HashSet<string>(origins.Select(o => o.Trim().TrimEnd('/')).Where(o => o.Length > 0), StringComparer.OrdinalIgnoreCase);
        _any = _origins.Contains("*");
    }

    public bool IsOriginAllowed(string origin)
    {
        if (_any || _origins.Contains(origin))
        {
            return true;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && LoopbackHosts.Contains(uri.Host)
            && uri.AbsolutePath == "/";
    }

    /// <summary>The first requested header that is not allowed, or null when all are.</summary>
    public static string? FirstDisallowedHeader(string? requestedHeaders)
    {
        foreach (var header in (requestedHeaders ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!AllowedHeaders.Contains(header) && !header.StartsWith("SO-", StringComparison.OrdinalIgnoreCase))
            {
                return header;
            }
        }

        return null;
    }

    public static bool IsMethodAllowed(string method) =>
        AllowedMethods.Split(", ").Contains(method.ToUpperInvariant());
}
