using ContractHarness.MockServer.Model;
using ContractHarness.Contracts.Validation;

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
    IReadOnlyList<KeyValuePair<string, string>> RequestHeaders)
{
    /// <summary>What a header's value is replaced with when it carries a credential.</summary>
    public const string Redacted = "[redacted]";

    /// <summary>How many bytes of each body the journal keeps; a longer one is cut there and flagged.</summary>
    public const int BodyLimit = 16 * 1024;

    /// <summary>The headers whose values are credentials: the entity routes' (<see cref="AuthCheck"/>) and the admin token's (<see cref="AdminGuard"/>, a Bearer in <c>Authorization</c>).</summary>
    public static readonly string[] CredentialHeaders = ["Authorization", "Proxy-Authorization", "Cookie", "X-Admin-Token", "X-XSRF-TOKEN"];

    private volatile JournalBodies _bodies = JournalBodies.None;

    /// <summary>True when <paramref name="name"/> (any case) is one of the <see cref="CredentialHeaders"/>: a check per recorded header, lengths first, no set lookup.</summary>
    public static bool IsCredential(string name)
    {
        foreach (var credential in CredentialHeaders)
        {
            if (credential.Length == name.Length && credential.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The session the request named; null for the default world.</summary>
    public string? Session { get; init; }

    /// <summary>The number the journal gave the entry, increasing per recorded request (set once, before anyone can read it).</summary>
    public long Id { get; private set; }

    /// <summary>
    /// The bodies, read once by a reader so both come from the same moment: the byte budget may take them (the only
    /// change an entry sees after it is added, one reference written).
    /// </summary>
    public JournalBodies Bodies
    {
        get => _bodies;
        init => _bodies = value;
    }

    /// <summary>What a proxied request and its answer break of the contract (empty when nothing); null for a request the mock answered itself.</summary>
    public IReadOnlyList<ContractViolation>? Violations { get; init; }

    /// <summary>True when the byte budget took this entry's bodies.</summary>
    public bool BodiesDropped => _bodies.WereDropped;

    public void Number(long id) => Id = id;

    /// <summary>Gives up the bodies (flagged as dropped); the entry stays.</summary>
    public void DropBodies() => _bodies = JournalBodies.Dropped;
}

/// <summary>
/// The two bodies of a journal entry and whether each was cut at <see cref="JournalEntry.BodyLimit"/>, and for a
/// refused update every schema error (<see cref="Errors"/>): they come from the request's body, so they count against
/// the journal's byte budget with the bodies and go with them.
/// </summary>
internal sealed record JournalBodies(JournalBody Request, bool RequestTruncated, JournalBody Response, bool ResponseTruncated, IReadOnlyList<SchemaError>? Errors = null)
{
    /// <summary>No bodies to keep (none was read or written).</summary>
    public static readonly JournalBodies None = new(default, false, default, false);

    /// <summary>Bodies there were, and the byte budget did not keep.</summary>
    public static readonly JournalBodies Dropped = new(default, false, default, false);

    /// <summary>The bytes both bodies hold, and an estimate of the error list's (its texts, two bytes a character, and an object each).</summary>
    public int Bytes { get; } = Request.Length + Response.Length + ErrorBytes(Errors);

    /// <summary>True for <see cref="Dropped"/>: there were bodies, and the byte budget did not keep them.</summary>
    public bool WereDropped => ReferenceEquals(this, Dropped);

    private static int ErrorBytes(IReadOnlyList<SchemaError>? errors)
    {
        long bytes = 0;
        foreach (var error in errors ?? [])
        {
            bytes += 64 + (2L * (error.Path.Length + error.Kind.Length + error.Message.Length));
        }

        return (int)Math.Min(bytes, int.MaxValue);
    }
}
