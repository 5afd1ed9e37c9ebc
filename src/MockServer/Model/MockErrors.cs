using ContractHarness.Contracts.Validation;

namespace ContractHarness.MockServer.Model;

/// <summary>The failures the mock answers with, each with the real server's error type and a reason phrase naming the problem.</summary>
internal static class MockErrors
{
    public static MockHttpException BadRequest(string message, string reason = "Bad Request") =>
        new(400, reason, "ArgumentException", message);

    /// <summary>How many schema errors the message of <see cref="SchemaRefused"/> names; the refusal carries every one.</summary>
    public const int ErrorsInMessage = 5;

    /// <summary>
    /// An update whose result breaks the entity's schema: the message names the first <see cref="ErrorsInMessage"/>
    /// errors (the answer keeps the real server's shape), <see cref="MockHttpException.Errors"/> holds them all for the journal.
    /// </summary>
    public static MockHttpException SchemaRefused(string entity, IReadOnlyList<SchemaError> errors) =>
        new(400, $"Invalid {entity}", "ArgumentException",
            $"The updated {entity} does not match its schema: {string.Join(" ", errors.Take(ErrorsInMessage).Select(e => e.Message))}")
        {
            Errors = errors,
        };

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

    /// <summary>A session name that breaks the rule; <paramref name="source"/> says where it came from (<c>X-Mock-Session</c>, the cookie, a path).</summary>
    public static MockHttpException InvalidSession(string source, string problem) =>
        BadRequest($"The session name of {source} {problem}.", "Invalid Session");

    /// <summary>A request that names a session on a mock whose sessions are off (<c>--max-sessions 0</c>).</summary>
    public static MockHttpException SessionsOff(string name) =>
        BadRequest($"Session '{name}' cannot start: sessions are off on this mock (--max-sessions 0).", "Sessions Off");

    /// <summary>A new session past the bound, when every session has a request in flight: try again shortly.</summary>
    public static MockHttpException TooManySessions(string name, int max) =>
        new(429, "Too Many Sessions", "TooManySessionsException",
            $"Session '{name}' cannot start: all {max} sessions (--max-sessions) have a request in flight. Retry shortly, or start the mock with a higher --max-sessions.")
        {
            Headers = [new("Retry-After", "1")],
        };

    public static MockHttpException SessionNotFound(string name) =>
        NotFound("Session", $"There is no session '{name}' (it was never used, or it was dropped).");
}
