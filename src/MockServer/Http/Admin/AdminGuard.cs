using System.Security.Cryptography;
using System.Text;
using ContractHarness.MockServer.Http;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Http.Admin;

/// <summary>
/// What an <c>/__admin</c> request must show before it is served, against cross-site use from a browser:
/// <list type="bullet">
/// <item>an <c>Origin</c> the CORS policy allows, when it has one (403 otherwise): a page elsewhere may not even send
/// a "simple" request that needs no preflight;</item>
/// <item>for a POST (reset, provider states), a JSON Content-Type (415 otherwise), with or without a body: a browser
/// cannot send one cross-site without a CORS preflight, which the policy refuses, while a <c>text/plain</c> or
/// type-less POST is a "simple" request that needs none. (DELETE always needs a preflight.) The Pact verifier posts
/// its state changes as <c>application/json</c>;</item>
/// <item>with <see cref="SuperOfficeMockServerOptions.AdminToken"/>, <c>Authorization: Bearer</c> with that token (401
/// otherwise), except on the open routes: <c>GET health</c>, which probes use, and the browser pages
/// (<see cref="AdminPages"/>), which hold no state and which a browser opens without a token.</item>
/// </list>
/// </summary>
internal sealed class AdminGuard(CorsPolicy cors, string? adminToken)
{
    private readonly byte[]? _token = string.IsNullOrEmpty(adminToken) ? null : Encoding.UTF8.GetBytes(adminToken);

    /// <summary>The 403, 401 or 415 for an admin request that may not be served, or null.</summary>
    public MockHttpException? Check(HttpRequest request, bool open)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !cors.IsOriginAllowed(origin))
        {
            return MockErrors.Forbidden($"Origin '{origin}' may not use /__admin; start the mock with --cors-origins {origin} to allow it.");
        }

        if (_token is not null && !open && !HasToken(request))
        {
            return MockErrors.AdminUnauthorized();
        }

        if (HttpMethods.IsPost(request.Method))
        {
            // No type: the admin's own 415; a type that is not JSON: the usual 415.
            return string.IsNullOrWhiteSpace(request.ContentType) ? MockErrors.AdminNeedsJson() : RequestBody.MediaTypeRefusal(request.ContentType);
        }

        return null;
    }

    private bool HasToken(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, _token);
    }
}
