using Microsoft.Extensions.Primitives;

namespace ContractHarness.MockServer.Operations;

/// <summary>
/// The list of an <c>If-None-Match</c> or <c>If-Match</c> header (RFC 9110 sections 13.1.1, 13.1.2): <c>*</c> or entity
/// tags separated by commas, each <c>"opaque"</c> or weak <c>W/"opaque"</c>, without allocating. If-None-Match
/// compares weakly (the <c>W/</c> is ignored), If-Match strongly (a weak tag matches nothing). A malformed member
/// matches nothing.
/// </summary>
internal static class EntityTagList
{
    /// <summary>True when <paramref name="header"/> lists <paramref name="etag"/> (quoted) or is <c>*</c>.</summary>
    public static bool Matches(StringValues header, string etag, bool weakly)
    {
        foreach (var value in header)
        {
            var rest = (value ?? string.Empty).AsSpan();
            while (!rest.IsEmpty)
            {
                var comma = rest.IndexOf(',');
                var member = (comma < 0 ? rest : rest[..comma]).Trim();
                rest = comma < 0 ? default : rest[(comma + 1)..];
                if (member.SequenceEqual("*"))
                {
                    return true;
                }

                if (member.StartsWith("W/", StringComparison.Ordinal))
                {
                    if (!weakly)
                    {
                        continue;
                    }

                    member = member[2..];
                }

                if (member.SequenceEqual(etag))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
