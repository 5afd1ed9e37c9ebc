namespace ContractHarness.MockServer.Proxy;

/// <summary>
/// The tenant a proxy forwards to (<c>--proxy URL</c>): an absolute <c>http</c> or <c>https</c> URL whose path is the
/// base the request's path goes under (<c>https://online.example.com/Cust12345</c> + <c>/api/v1/Contact/66</c>).
/// Credentials go in the client's <c>Authorization</c> header, never in the URL (which the banner and every 502 show).
/// </summary>
internal static class TenantAddress
{
    /// <summary>What makes <paramref name="tenant"/> unusable, or null when it is a tenant's base URL.</summary>
    public static string? Problem(Uri tenant)
    {
        if (!tenant.IsAbsoluteUri)
        {
            return "not an absolute http:// or https:// URL";
        }

        if (tenant.Scheme != Uri.UriSchemeHttp && tenant.Scheme != Uri.UriSchemeHttps)
        {
            return "not an http:// or https:// URL";
        }

        if (tenant.UserInfo.Length > 0)
        {
            return "carries credentials: leave them out of the URL, the client's own Authorization header is passed on";
        }

        return tenant.Query.Length > 0 || tenant.Fragment.Length > 0 ? "has a query or a fragment: give the tenant's base URL" : null;
    }

    /// <summary>The tenant of <c>--proxy VALUE</c>.</summary>
    /// <exception cref="ArgumentException">The value is not a tenant's base URL; the message says why.</exception>
    public static Uri Parse(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            ? Problem(uri) is { } problem ? throw new ArgumentException(problem) : uri
            : throw new ArgumentException("not an absolute http:// or https:// URL");

    /// <summary>The URL of a request's path and query at the tenant.</summary>
    public static Uri Target(Uri tenant, PathString path, QueryString query) =>
        new(tenant.GetLeftPart(UriPartial.Path).TrimEnd('/') + path.ToUriComponent() + query.ToUriComponent(), UriKind.Absolute);

    /// <summary>A value of <c>--proxy</c> as an error line shows it: credentials in it (<c>user:password@</c>) replaced by <c>***@</c>.</summary>
    public static string Masked(string value)
    {
        var start = value.IndexOf("://", StringComparison.Ordinal) + 3;
        if (start < 3)
        {
            return value;
        }

        var end = value.IndexOfAny(['/', '?', '#'], start);
        var at = value.LastIndexOf('@', end < 0 ? value.Length - 1 : end - 1);
        return at >= start ? string.Concat(value.AsSpan(0, start), "***", value.AsSpan(at)) : value;
    }

    /// <summary>The tenant as messages name it: its base URL.</summary>
    public static string Name(Uri tenant) => tenant.GetLeftPart(UriPartial.Path).TrimEnd('/');
}
