using ContractHarness.MockServer.Model;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ContractHarness.MockServer.Proxy.Checks;

/// <summary>
/// The value rules of the headers the contract names, by name: dates (<c>Last-Modified</c>, <c>If-Modified-Since</c>,
/// <c>If-Unmodified-Since</c>) are HTTP-dates; <c>ETag</c> is one entity tag; <c>If-None-Match</c> and <c>If-Match</c>
/// are <c>*</c> or a list of them (RFC 9110 sections 8.8.3, 13.1). Other headers only have to be there.
/// </summary>
internal static class HeaderRules
{
    /// <summary>What is wrong with <paramref name="value"/> as header <paramref name="name"/>, or null when nothing is.</summary>
    public static string? Problem(string name, StringValues value)
    {
        var text = value.ToString();
        if (name.Equals(HeaderNames.LastModified, StringComparison.OrdinalIgnoreCase)
            || name.Equals(HeaderNames.IfModifiedSince, StringComparison.OrdinalIgnoreCase)
            || name.Equals(HeaderNames.IfUnmodifiedSince, StringComparison.OrdinalIgnoreCase))
        {
            return value.Count == 1 && HttpDate.TryParse(text, out _) ? null : $"'{text}' is not an HTTP-date (such as Sun, 06 Nov 1994 08:49:37 GMT).";
        }

        if (name.Equals(HeaderNames.ETag, StringComparison.OrdinalIgnoreCase))
        {
            return value.Count == 1 && IsEntityTag(text.AsSpan().Trim()) ? null : $"'{text}' is not one entity tag (\"opaque\" or W/\"opaque\").";
        }

        if (name.Equals(HeaderNames.IfNoneMatch, StringComparison.OrdinalIgnoreCase) || name.Equals(HeaderNames.IfMatch, StringComparison.OrdinalIgnoreCase))
        {
            return IsEntityTagList(value) ? null : $"'{text}' is neither * nor a comma-separated list of entity tags.";
        }

        return null;
    }

    private static bool IsEntityTagList(StringValues values)
    {
        var any = false;
        foreach (var value in values)
        {
            foreach (var member in (value ?? string.Empty).Split(','))
            {
                var tag = member.AsSpan().Trim();
                if (tag.IsEmpty)
                {
                    continue;
                }

                if (!(tag.SequenceEqual("*") && values.Count == 1) && !IsEntityTag(tag))
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }

    /// <summary><c>W/</c>, optionally, then <c>"</c>, characters other than <c>"</c> and controls, <c>"</c>.</summary>
    private static bool IsEntityTag(ReadOnlySpan<char> tag)
    {
        if (tag.StartsWith("W/", StringComparison.Ordinal))
        {
            tag = tag[2..];
        }

        if (tag.Length < 2 || tag[0] != '"' || tag[^1] != '"')
        {
            return false;
        }

        foreach (var c in tag[1..^1])
        {
            if (c == '"' || c < 0x21 || c == 0x7F)
            {
                return false;
            }
        }

        return true;
    }
}
