using System.Text;
using System.Text.Json.Nodes;

namespace ContractHarness.TestSupport.Fuzz;

/// <summary>What the mock must do with a case.</summary>
internal enum Expect
{
    /// <summary>A client mistake: a 4xx with the error body, and the entity unchanged.</summary>
    Refuse,

    /// <summary>Either answer is right (e.g. an odd but legal header); a refusal still changes nothing.</summary>
    Either,

    /// <summary>A valid update: 200, and the entity shows the change.</summary>
    Accept,
}

/// <summary>
/// One hostile (or valid) request, with the entity it may touch (<see cref="Id"/>) and, for updates, the property
/// value the entity must show when the mock accepts it.
/// </summary>
internal sealed record FuzzCase(
    string Category,
    FuzzTarget Target,
    int Id,
    string Method,
    string Path,
    string? ContentType,
    byte[]? Body,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    Expect Expect,
    string? CheckProperty = null,
    JsonNode? CheckValue = null,
    int? RefuseWith = null)
{
    /// <summary>An update sent (to the same entity) before the case, for cases about what a stored value does later.</summary>
    public byte[]? Setup { get; init; }

    /// <summary>The entity's URL, which the oracle GETs before and after.</summary>
    public string EntityPath => Target.Prefix + Id;

    /// <summary>A copy-paste reproduction: method, path, headers and the body with non-ASCII bytes as \xNN.</summary>
    public string Describe(int maxBody = 400)
    {
        var text = new StringBuilder(Setup is null ? string.Empty : $"after {Target.Endpoint.Method} {EntityPath} ({JsonPatchType}) {Shorten(Printable(Setup, maxBody), maxBody)}, then ");
        text.Append($"{Method} {Shorten(Path, 160)}");
        if (ContentType is not null)
        {
            text.Append($" | Content-Type: {ContentType}");
        }

        foreach (var (name, value) in Headers)
        {
            text.Append($" | {name}: {Shorten(value, 120)}");
        }

        if (Body is not null)
        {
            text.Append($" | body ({Body.Length} bytes): {Shorten(Printable(Body, maxBody), maxBody)}");
        }

        return text.ToString();
    }

    /// <summary>Setups are JSON Patch documents.</summary>
    public const string JsonPatchType = "application/json-patch+json";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "...";

    private static string Printable(byte[] body, int max)
    {
        var text = new StringBuilder();
        foreach (var b in body.AsSpan(0, Math.Min(body.Length, max + 1)))
        {
            text.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return text.ToString();
    }
}
