using ContractHarness.Contracts.Catalog;

namespace ContractHarness.Contracts.Generator.Catalog;

/// <summary>
/// The statuses the server answers that the pages leave out: an operation's page lists the outcomes of its own
/// business rules (404, 409, 412), while every route also refuses a malformed request (400), a missing credential
/// (401), a body that is too large (413) or not JSON (415), and answers 503 when it cannot serve. The GET of each
/// route (the real API has it, the mock serves it) has no page at all. The mock answers each of these with the
/// error body; a 500 is a bug in the server, never an answer to a client's mistake, so it is not listed.
/// </summary>
internal static class ServerStatuses
{
    private const string Unauthorized =
        "Unauthorized: neither an Authorization header (Basic, SoTicket or Bearer) nor an X-XSRF-TOKEN header. "
        + "WWW-Authenticate names the Basic realm. The mock asks for credentials only with --require-auth.";

    private const string Unavailable = "Service unavailable: the server cannot serve the request (the mock: its contracts failed to load).";

    private const string BadId = "the id is not an int32";

    private const string BadSelect = "$select names a field the entity does not have";

    /// <summary>The statuses of an update operation with a body of <paramref name="kind"/> that its page does not list.</summary>
    public static IReadOnlyList<ResponseDefinition> ForUpdate(RequestBodyKind kind, string resource, IEnumerable<int> documented)
    {
        var listed = documented.ToHashSet();
        return UpdateStatuses(kind, resource).Where(r => !listed.Contains(r.Status)).ToList();
    }

    /// <summary>The statuses of <c>GET</c> on an operation's route.</summary>
    public static IReadOnlyList<ResponseDefinition> ForRead(string resource, string entity) =>
    [
        new(200, $"The {entity}."),
        new(304, "Not modified: the entity has not changed since If-Modified-Since, or its ETag matches If-None-Match. No body."),
        new(400, $"Bad request: {BadId}, or {BadSelect}."),
        new(401, Unauthorized),
        new(404, $"{resource} not found."),
        new(503, Unavailable),
    ];

    private static IEnumerable<ResponseDefinition> UpdateStatuses(RequestBodyKind kind, string resource)
    {
        yield return new(400, kind == RequestBodyKind.Patch
            ? $"Bad request: {BadId}; the body is empty, not valid JSON, or neither a JSON Patch array nor a JSON Merge Patch object "
              + "(or not the one its Content-Type names); an operation is 'move' or 'copy', lacks its path or value, or names a path "
              + $"the entity does not have; the patched entity breaks its schema; the primary key would change; or {BadSelect}."
            : $"Bad request: {BadId}; the body is missing, not valid JSON or not an object; the entity breaks its schema; or {BadSelect}.");
        yield return new(401, Unauthorized);
        yield return new(404, $"{resource} not found.");
        if (kind == RequestBodyKind.Patch)
        {
            yield return new(409, "Conflict: a 'test' operation failed.");
        }

        yield return new(413, "Payload too large: the body is over the server's limit (the mock's: 1 MiB).");
        yield return new(415, "Unsupported media type: the Content-Type is not JSON (application/json, text/json or a +json type).");
        yield return new(503, Unavailable);
    }
}
