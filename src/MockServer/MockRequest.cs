using ContractHarness.Contracts.Validation;

namespace ContractHarness.MockServer;

/// <summary>
/// A request for <see cref="SuperOfficeMockEngine.HandleAsync(MockRequest, CancellationToken)"/>: what another host (WireMock.Net, a test) received,
/// handed to the mock without a socket.
/// </summary>
/// <param name="Method">The HTTP method, e.g. <c>PATCH</c>.</param>
/// <param name="PathAndQuery">The path and query as sent, e.g. <c>/api/v1/Contact/66?$select=Name</c>.</param>
/// <param name="Headers">The request headers (a repeated header joined with commas); <c>Host</c> is ignored: the engine answers for its base address.</param>
/// <param name="Body">The body's bytes, or null for none.</param>
public sealed record MockRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string>? Headers = null, byte[]? Body = null);

/// <summary>The mock's answer to a <see cref="MockRequest"/>, exactly as its Kestrel host would send it.</summary>
/// <param name="StatusCode">The status, e.g. 412.</param>
/// <param name="ReasonPhrase">The reason phrase, e.g. <c>Precondition Failed</c> (the mock's own where it has one).</param>
/// <param name="Headers">The response headers (a repeated header joined with commas).</param>
/// <param name="Body">The body's bytes (empty for none).</param>
public sealed record MockResponse(int StatusCode, string ReasonPhrase, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>
    /// True when the mock dropped the exchange instead of answering (a fault rule with <c>abort</c>): a socket would be
    /// reset with no status line. The status is then 0 and there are no headers or body; the carrier fails the exchange as it can.
    /// </summary>
    public bool Aborted { get; init; }
}

/// <summary>
/// One request the mock answered, newest first in <see cref="SuperOfficeMockEngine.Journal"/>, as
/// <c>GET /__admin/requests</c> shows it.
/// </summary>
/// <param name="Time">When it was answered (the options' <see cref="TimeProvider"/>).</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path and query.</param>
/// <param name="StatusCode">The status it got.</param>
/// <param name="Milliseconds">How long the mock took.</param>
public sealed record MockJournalEntry(DateTimeOffset Time, string Method, string PathAndQuery, int StatusCode, double Milliseconds)
{
    /// <summary>The journal's number of the request, increasing per recorded request.</summary>
    public long Id { get; init; }

    /// <summary>The operation it reached, e.g. <c>PATCH Contact/{id}</c>; <c>admin</c> for the admin API; null for none.</summary>
    public string? Operation { get; init; }

    /// <summary>What a fault rule or a <c>Prefer</c> header did to the answer, e.g. <c>f1: status 503</c>; null for nothing.</summary>
    public string? Fault { get; init; }

    /// <summary>The request headers, credentials (<c>Authorization</c>, <c>Cookie</c>, ...) replaced by <c>[redacted]</c>.</summary>
    public IReadOnlyDictionary<string, string> RequestHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>The request body as the mock read it, cut at 16 KiB; null when none was read or the journal's byte budget dropped it.</summary>
    public string? RequestBody { get; init; }

    /// <summary>True when <see cref="RequestBody"/> was cut.</summary>
    public bool RequestBodyTruncated { get; init; }

    /// <summary>The answer's body, cut at 16 KiB; null for none or when the journal's byte budget dropped it.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>True when <see cref="ResponseBody"/> was cut.</summary>
    public bool ResponseBodyTruncated { get; init; }

    /// <summary>True when the journal's byte budget (<see cref="SuperOfficeMockServerOptions.JournalBodyBytes"/>) dropped the bodies.</summary>
    public bool BodiesDropped { get; init; }

    /// <summary>The session the request named (<c>X-Mock-Session</c> or the <c>mock-session</c> cookie); null for the default world.</summary>
    public string? Session { get; init; }

    /// <summary>
    /// Every schema error of a refused update (the answer's message names the first few), empty for other answers and
    /// when the journal's byte budget dropped the bodies.
    /// </summary>
    public IReadOnlyList<SchemaError> Errors { get; init; } = [];
}
