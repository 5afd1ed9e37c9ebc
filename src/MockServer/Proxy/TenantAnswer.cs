using Microsoft.Extensions.Primitives;

namespace ContractHarness.MockServer.Proxy;

/// <summary>
/// A tenant's whole answer as the proxy passes it on: status, reason phrase, headers (hop-by-hop ones already left
/// out), the body's bytes exactly as they came, and the body without its content coding (gzip, deflate, br) for the
/// checks, the journal and the recording; null when the coding is one the proxy cannot undo.
/// </summary>
internal sealed class TenantAnswer(int status, string? reason, IReadOnlyList<KeyValuePair<string, StringValues>> headers, byte[] body, byte[]? content)
{
    public int Status { get; } = status;

    public string? Reason { get; } = reason;

    public IReadOnlyList<KeyValuePair<string, StringValues>> Headers { get; } = headers;

    /// <summary>The body as the tenant sent it.</summary>
    public byte[] Body { get; } = body;

    /// <summary>The body with its content coding undone (the same array when there is none), or null when it cannot be.</summary>
    public byte[]? Content { get; } = content;

    /// <summary>The values of header <paramref name="name"/> (any case), empty when it is absent.</summary>
    public StringValues Header(string name)
    {
        foreach (var (key, values) in Headers)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return values;
            }
        }

        return StringValues.Empty;
    }
}
