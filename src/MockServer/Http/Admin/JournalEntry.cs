namespace ContractHarness.MockServer.Http.Admin;

/// <summary>
/// One answered request as the journal keeps it. The bodies are references to the bytes the request was read into
/// and the answer was written from; under the journal's byte budget the oldest entries lose them
/// (<see cref="BodiesDropped"/>) and keep the rest.
/// </summary>
internal sealed record JournalEntry(
    DateTimeOffset Time,
    string Method,
    string Path,
    int Status,
    double Milliseconds,
    string? Fault,
    IReadOnlyList<KeyValuePair<string, string>> RequestHeaders,
    JournalBody RequestBody,
    bool RequestBodyTruncated,
    JournalBody ResponseBody,
    bool ResponseBodyTruncated)
{
    /// <summary>What a header's value is replaced with when it carries a credential.</summary>
    public const string Redacted = "[redacted]";

    /// <summary>How many bytes of each body the journal keeps; a longer one is cut there and flagged.</summary>
    public const int BodyLimit = 16 * 1024;

    /// <summary>The headers whose values are credentials: the entity routes' (<see cref="AuthCheck"/>) and the admin token's (<see cref="AdminGuard"/>, a Bearer in <c>Authorization</c>).</summary>
    public static readonly IReadOnlySet<string> CredentialHeaders = new HashSet<string>(
        ["Authorization", "Proxy-Authorization", "Cookie", "X-Admin-Token", "X-XSRF-TOKEN"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The number the journal gave the entry, increasing per recorded request (set once, before anyone can read it).</summary>
    public long Id { get; private set; }

    /// <summary>True when the byte budget took this entry's bodies.</summary>
    public bool BodiesDropped { get; init; }

    /// <summary>The bytes of the bodies this entry holds.</summary>
    public int BodyBytes => RequestBody.Length + ResponseBody.Length;

    public void Number(long id) => Id = id;

    /// <summary>This entry without its bodies, flagged.</summary>
    public JournalEntry WithoutBodies() => this with { RequestBody = default, ResponseBody = default, BodiesDropped = true };
}
