using System.Net;
using System.Text.RegularExpressions;

namespace ContractHarness.Contracts.Generator.Pages;

/// <summary>
/// Turns a description cell into plain text: documentation-comment markup (<c>&lt;para&gt;</c>,
/// <c>&lt;see cref=...&gt;</c>, <c>&lt;br /&gt;</c>), links and (double-)encoded entities such as
/// <c>&amp;amp;apos;</c> are reduced to their text, and white space is folded.
/// </summary>
internal partial class DescriptionText
{
    public static string Clean(string raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return string.Empty;
        }

        var text = SelfClosingSee().Replace(raw, m => ShortName(m.Groups["cref"].Value));
        text = Tag().Replace(text, " ");
        // Entities may be encoded twice ("&amp;apos;"): decode until stable.
        for (var i = 0; i < 3; i++)
        {
            var decoded = WebUtility.HtmlDecode(text);
            if (decoded == text)
            {
                break;
            }

            text = decoded;
        }

        text = Whitespace().Replace(text, " ").Trim();
        return SpaceBeforePunctuation().Replace(text, "$1");
    }

    private static string ShortName(string cref)
    {
        var name = cref.Contains(':', StringComparison.Ordinal) ? cref[(cref.IndexOf(':', StringComparison.Ordinal) + 1)..] : cref;
        var dot = name.LastIndexOf('.');
        return dot >= 0 ? name[(dot + 1)..] : name;
    }

    [GeneratedRegex("<see\\s+cref=\"(?<cref>[^\"]*)\"\\s*/>", RegexOptions.IgnoreCase)]
    private static partial Regex SelfClosingSee();

    [GeneratedRegex("</?[a-zA-Z][^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(" ([.,;:])(?=\\s|$)")]
    private static partial Regex SpaceBeforePunctuation();
}
