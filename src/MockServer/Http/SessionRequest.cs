using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations.Sessions;
using Microsoft.Extensions.Primitives;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// The session a request names: the <c>X-Mock-Session</c> header, else (for browsers, which cannot add a header to a
/// page's own requests) the <c>mock-session</c> cookie. Without either the request is the default world's, and
/// that costs one header lookup and a check that there is no <c>Cookie</c>. A name that breaks
/// <see cref="SessionName"/>'s rule, or a header given twice, is a 400 naming the rule.
/// </summary>
internal static class SessionRequest
{
    public const string Header = "X-Mock-Session";

    public const string Cookie = "mock-session";

    /// <summary>The session's name, or null for none; null and the 400 in <paramref name="refused"/> for a bad one.</summary>
    public static string? Read(HttpRequest request, out MockHttpException? refused)
    {
        refused = null;
        var headers = request.Headers;
        string? name;
        string source;
        if (headers.TryGetValue(Header, out var values))
        {
            if (values.Count != 1)
            {
                refused = MockErrors.InvalidSession(Header, $"is given {values.Count} times; give one");
                return null;
            }

            (name, source) = (values[0] ?? string.Empty, Header);
        }
        else if (headers.Cookie.Count == 0 || FromCookie(headers.Cookie) is not { } cookie)
        {
            return null;
        }
        else
        {
            (name, source) = (cookie, $"cookie {Cookie}");
        }

        if (SessionName.Problem(name) is { } problem)
        {
            refused = MockErrors.InvalidSession(source, problem);
            return null;
        }

        return name;
    }

    /// <summary>The value of the <c>mock-session</c> cookie (quotes removed), or null when the request has none.</summary>
    private static string? FromCookie(StringValues cookies)
    {
        foreach (var header in cookies)
        {
            foreach (var pair in (header ?? string.Empty).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals == Cookie.Length && pair.StartsWith(Cookie, StringComparison.Ordinal))
                {
                    var value = pair[(equals + 1)..].Trim();
                    return value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
                }
            }
        }

        return null;
    }
}
