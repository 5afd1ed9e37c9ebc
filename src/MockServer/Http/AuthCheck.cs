using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// Authorization as the pages describe it: an <c>Authorization</c> header with one of the catalog's schemes
/// (<c>Basic</c>, <c>SoTicket</c>, <c>Bearer</c>) or one of its alternative headers (<c>X-XSRF-TOKEN</c>). Credentials
/// are never checked. Only enforced with <c>RequireAuth</c>; otherwise every request is accepted.
/// </summary>
internal static class AuthCheck
{
    public const string Realm = "SuperOffice Username or Ticket";

    /// <summary>The 401 for a request without an accepted scheme or header, or null.</summary>
    public static MockHttpException? Check(HttpRequest request, EntityModel model)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            var space = authorization.IndexOf(' ', StringComparison.Ordinal);
            var scheme = space > 0 ? authorization[..space] : authorization;
            foreach (var endpoint in model.Endpoints)
            {
                if (space > 0 && endpoint.AuthorizationSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase))
                {
                    return null;
                }
            }
        }

        foreach (var endpoint in model.Endpoints)
        {
            foreach (var header in endpoint.AlternativeAuthorizationHeaders)
            {
                if (request.Headers.TryGetValue(header, out var value) && !string.IsNullOrWhiteSpace(value))
                {
                    return null;
                }
            }
        }

        return MockErrors.Unauthorized(Realm);
    }
}
