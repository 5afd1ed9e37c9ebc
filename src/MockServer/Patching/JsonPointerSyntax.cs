using System.Text;

namespace ContractHarness.MockServer.Patching;

/// <summary>RFC 6901 reference-token escaping (<c>~0</c> for <c>~</c>, <c>~1</c> for <c>/</c>) and formatting.</summary>
internal static class JsonPointerSyntax
{
    /// <summary>Escapes one token; returns the same string when nothing needs escaping.</summary>
    public static string Escape(string segment) => segment.AsSpan().IndexOfAny('~', '/') < 0
        ? segment
        : segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>The normalised pointer text for decoded tokens: empty, or each escaped token after a slash.</summary>
    public static string Format(string[] segments)
    {
        if (segments.Length == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var segment in segments)
        {
            builder.Append('/').Append(Escape(segment));
        }

        return builder.ToString();
    }

    /// <summary>Decodes one token; false when a <c>~</c> is not followed by <c>0</c> or <c>1</c>.</summary>
    public static bool TryUnescape(ReadOnlySpan<char> token, out string? segment)
    {
        var tilde = token.IndexOf('~');
        if (tilde < 0)
        {
            segment = token.ToString();
            return true;
        }

        segment = null;
        var builder = new StringBuilder(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (c != '~')
            {
                builder.Append(c);
                continue;
            }

            if (i + 1 >= token.Length || (token[i + 1] != '0' && token[i + 1] != '1'))
            {
                return false;
            }

            builder.Append(token[++i] == '0' ? '~' : '/');
        }

        segment = builder.ToString();
        return true;
    }
}
