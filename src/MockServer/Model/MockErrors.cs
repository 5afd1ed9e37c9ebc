namespace ContractHarness.MockServer.Model;

/// <summary>The failures the mock answers with, each with the real server's error type and a reason phrase naming the problem.</summary>
internal static class MockErrors
{
    public static MockHttpException BadRequest(string message, string reason = "Bad Request") =>
        new(400, reason, "ArgumentException", message);

    /// <summary>A request Kestrel could not read: its framing (chunk sizes, lengths) or its headers are broken.</summary>
    public static MockHttpException Unreadable(string detail) => BadRequest($"The request could not be read: {detail}");

    public static MockHttpException NotFound(string resource, string message) =>
        new(404, $"{resource} Not Found", "SoNotFoundException", message);

    public static MockHttpException RouteNotFound(string path) =>
        new(404, "Not Found", "SoNotFoundException", $"No operation is mocked at '{path}'.");

    public static MockHttpException Conflict(string resource, string message) =>
        new(409, $"{resource} Update Conflict", "SoConflictException", message);

    /// <summary>A client asked the mock to hold more of something than its limit allows; the message names the limit and its option.</summary>
    public static MockHttpException LimitReached(string message) =>
        new(409, "Limit Reached", "LimitReachedException", message);

    public static MockHttpException PreconditionFailed(string resource, string message) =>
        new(412, $"{resource} Changed Since If-Unmodified-Since", "SoPreconditionFailedException", message);

    public static MockHttpException MethodNotAllowed(string method, string path, string allow) =>
        new(405, "Method Not Allowed", "MethodNotAllowedException", $"{method} is not supported on '{path}'. Allowed: {allow}.")
        {
            Headers = [new("Allow", allow)],
        };

    public static MockHttpException PayloadTooLarge(long limit) =>
        new(413, "Request Body Too Large", "RequestEntityTooLargeException", $"The request body is larger than the limit of {limit} bytes.");

    public static MockHttpException UnsupportedMediaType(string contentType) =>
        new(415, "Unsupported Media Type", "UnsupportedMediaTypeException",
            $"Content-Type '{contentType}' is not supported; send JSON (application/json, application/json-patch+json, application/merge-patch+json or text/json).");

    public static MockHttpException AdminNeedsJson() =>
        new(415, "Unsupported Media Type", "UnsupportedMediaTypeException",
            "A change through /__admin needs Content-Type: application/json (with or without a body), which a page on another site cannot send without a CORS preflight.");

    public static MockHttpException AdminUnauthorized() =>
        new(401, "Unauthorized", "SoAuthenticationException",
            "/__admin needs 'Authorization: Bearer <token>' with the token the mock was started with (--admin-token).")
        {
            Headers = [new("WWW-Authenticate", "Bearer realm=\"ContractHarness admin\"")],
        };

    public static MockHttpException Unauthorized(string realm) =>
        new(401, "Unauthorized", "SoAuthenticationException",
            "Authentication required: send an Authorization header (Basic, SoTicket or Bearer) or an X-XSRF-TOKEN header.")
        {
            Headers = [new("WWW-Authenticate", $"Basic realm=\"{realm}\"")],
        };

    public static MockHttpException Forbidden(string message) =>
        new(403, "Forbidden", "SoAccessDeniedException", message);
}
