using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace ContractHarness.MockServer.Patching;

/// <summary>
/// A JSON Pointer (RFC 6901) with the two deviations the SuperOffice Web API documents:
/// <list type="bullet">
/// <item>the leading slash is optional: <c>/department</c>, <c>Department</c> and <c>department</c> are the same
/// pointer, and <c>""</c> is the whole document;</item>
/// <item>object member names are matched case-insensitively when evaluated: an exact-case match wins when it
/// exists, otherwise the first member whose name matches under <see cref="StringComparison.OrdinalIgnoreCase"/>.</item>
/// </list>
/// Array indexes follow RFC 6901/6902: decimal digits without leading zeros, within bounds; <c>-</c> means the
/// position past the last element and is only meaningful for <c>add</c>.
/// </summary>
internal sealed class JsonPointer
{
    private readonly string[] _segments;
    private string? _text;

    private JsonPointer(string[] segments, string? text)
    {
        _segments = segments;
        _text = text;
    }

    /// <summary>The pointer to the whole document (<c>""</c>).</summary>
    public static JsonPointer Root { get; } = new([], string.Empty);

    /// <summary>The decoded reference tokens (<c>~0</c> and <c>~1</c> already unescaped).</summary>
    public IReadOnlyList<string> Segments => _segments;

    /// <summary>True when the pointer refers to the whole document.</summary>
    public bool IsRoot => _segments.Length == 0;

    /// <summary>Parses a pointer; the leading slash is optional.</summary>
    /// <param name="path">The pointer text, e.g. <c>/Emails/0/Value</c> or <c>Emails/0/Value</c>.</param>
    /// <exception cref="FormatException">A <c>~</c> is not followed by <c>0</c> or <c>1</c>.</exception>
    public static JsonPointer Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return TryParse(path, out var pointer)
            ? pointer
            : throw new FormatException($"Invalid JSON Pointer \"{path}\": '~' must be followed by '0' or '1'.");
    }

    /// <summary>Parses a pointer without throwing; the leading slash is optional.</summary>
    /// <returns>False when <paramref name="path"/> is null or contains an invalid <c>~</c> escape.</returns>
    public static bool TryParse(string? path, [NotNullWhen(true)] out JsonPointer? pointer)
    {
        pointer = null;
        if (path is null)
        {
            return false;
        }

        if (path.Length == 0)
        {
            pointer = Root;
            return true;
        }

        var start = path[0] == '/' ? 1 : 0;
        var count = 1;
        for (var i = start; i < path.Length; i++)
        {
            if (path[i] == '/')
            {
                count++;
            }
        }

        var segments = new string[count];
        var segmentStart = start;
        for (var s = 0; s < count; s++)
        {
            var end = path.IndexOf('/', segmentStart);
            if (end < 0)
            {
                end = path.Length;
            }

            if (!JsonPointerSyntax.TryUnescape(path.AsSpan(segmentStart, end - segmentStart), out segments[s]!))
            {
                return false;
            }

            segmentStart = end + 1;
        }

        // A path written with its leading slash is already in normalised form (~0/~1 are the only escapes).
        pointer = new JsonPointer(segments, start == 1 ? path : null);
        return true;
    }

    /// <summary>Builds a pointer from already decoded reference tokens.</summary>
    public static JsonPointer FromSegments(params ReadOnlySpan<string> segments)
    {
        if (segments.IsEmpty)
        {
            return Root;
        }

        foreach (var segment in segments)
        {
            ArgumentNullException.ThrowIfNull(segment, nameof(segments));
        }

        return new JsonPointer(segments.ToArray(), null);
    }

    /// <summary>Returns a new pointer with one more decoded reference token at the end.</summary>
    public JsonPointer Append(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var segments = new string[_segments.Length + 1];
        _segments.CopyTo(segments, 0);
        segments[^1] = segment;
        return new JsonPointer(segments, null);
    }

    /// <summary>Escapes one reference token: <c>~</c> becomes <c>~0</c> and <c>/</c> becomes <c>~1</c>.</summary>
    public static string Escape(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return JsonPointerSyntax.Escape(segment);
    }

    /// <summary>
    /// Evaluates the pointer against <paramref name="document"/> with the lenient (case-insensitive) member lookup.
    /// <c>-</c> never resolves.
    /// </summary>
    /// <param name="document">The document root (null is the JSON <c>null</c>).</param>
    /// <param name="value">The value found; null is the JSON <c>null</c>.</param>
    /// <returns>True when the location exists.</returns>
    public bool TryEvaluate(JsonNode? document, out JsonNode? value)
    {
        value = document;
        foreach (var segment in _segments)
        {
            if (!JsonNodeNavigator.TryGetChild(value, segment, out value, out _))
            {
                value = null;
                return false;
            }
        }

        return true;
    }

    /// <summary>The normalised form: empty for the whole document, otherwise each token escaped after a slash.</summary>
    public override string ToString() => _text ??= JsonPointerSyntax.Format(_segments);
}
