using System.Text.Json.Nodes;
using System.Text.Json;

namespace ContractHarness.MockServer.Patching;

/// <summary>Single-step navigation shared by pointer evaluation and patch application.</summary>
internal static class JsonNodeNavigator
{
    /// <summary>
    /// Index of the member named <paramref name="name"/>: the exact-case member when present, otherwise the first
    /// member whose name matches ignoring case; -1 when none matches.
    /// </summary>
    public static int FindMember(JsonObject obj, string name)
    {
        var exact = obj.IndexOf(name);
        if (exact >= 0)
        {
            return exact;
        }

        var count = obj.Count;
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(obj.GetAt(i).Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Parses an RFC 6901 array index: one or more decimal digits, no leading zero unless the index is 0.
    /// Values beyond <see cref="int.MaxValue"/> saturate (they are out of range for any array).
    /// </summary>
    public static bool TryParseArrayIndex(string token, out int index)
    {
        index = 0;
        if (token.Length == 0 || (token.Length > 1 && token[0] == '0'))
        {
            return false;
        }

        long value = 0;
        foreach (var c in token)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = Math.Min(value * 10 + (c - '0'), int.MaxValue);
        }

        index = (int)value;
        return true;
    }

    /// <summary>
    /// Resolves the existing index of <paramref name="token"/> in <paramref name="array"/> (0 to Count - 1).
    /// </summary>
    /// <returns>Null on success, otherwise why the token does not address an element.</returns>
    public static string? ResolveExistingIndex(JsonArray array, string token, out int index)
    {
        if (token == "-")
        {
            index = -1;
            return $"'-' refers past the last element of the array ({array.Count} elements) and only 'add' can use it";
        }

        if (!TryParseArrayIndex(token, out index))
        {
            return $"'{token}' is not a valid array index";
        }

        return index < array.Count ? null : $"index {token} is out of range for an array of {array.Count} elements";
    }

    /// <summary>Steps from <paramref name="node"/> to its child named by <paramref name="segment"/>.</summary>
    /// <param name="node">The container (null is the JSON null).</param>
    /// <param name="segment">A decoded reference token.</param>
    /// <param name="child">The child found (null is the JSON null).</param>
    /// <param name="error">Why the step failed, when it did.</param>
    public static bool TryGetChild(JsonNode? node, string segment, out JsonNode? child, out string? error)
    {
        child = null;
        switch (node)
        {
            case JsonObject obj:
                var member = FindMember(obj, segment);
                if (member < 0)
                {
                    error = $"member '{segment}' does not exist";
                    return false;
                }

                child = obj.GetAt(member).Value;
                error = null;
                return true;

            case JsonArray array:
                error = ResolveExistingIndex(array, segment, out var index);
                if (error is not null)
                {
                    return false;
                }

                child = array[index];
                return true;

            default:
                error = $"cannot look up '{segment}' inside {DescribeKind(node)}";
                return false;
        }
    }

    /// <summary>A short description of a node's kind for error messages ("a string", "null", ...).</summary>
    public static string DescribeKind(JsonNode? node) => (node?.GetValueKind() ?? JsonValueKind.Null) switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
