using System.Text;

namespace ContractHarness.Contracts.Generator.WireMock;

/// <summary>
/// Regular expressions over years, for the 412 rule: static stubs cannot compare dates, but a pattern can tell
/// whether the four-digit year of an HTTP date comes before a given year.
/// </summary>
internal static class YearPattern
{
    /// <summary>
    /// A whole-value pattern for an HTTP date (IMF-fixdate <c>Thu, 21 Feb 2013 14:29:29 GMT</c> or asctime
    /// <c>Thu Feb 21 14:29:29 2013</c>) whose year is before <paramref name="year"/>. The year is the only
    /// four-digit word in both formats; RFC 850 dates have two-digit years and never match.
    /// </summary>
    public static string HttpDateBefore(int year) => $@"^.*\s(?:{Before(year)})(?:\s.*)?$";

    /// <summary>An alternation matching exactly the four-digit numbers below <paramref name="year"/> (1000 to 9999).</summary>
    public static string Before(int year)
    {
        if (year is < 1001 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "expected a four-digit year after 1000");
        }

        // Digit by digit: keep the first k digits, put a smaller digit at position k, anything after it.
        var digits = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var alternatives = new List<string>();
        for (var k = 0; k < digits.Length; k++)
        {
            var lowest = k == 0 ? '1' : '0';
            if (digits[k] == lowest)
            {
                continue;
            }

            var smaller = digits[k] - 1 == lowest ? $"{lowest}" : $"[{lowest}-{(char)(digits[k] - 1)}]";
            var rest = digits.Length - k - 1;
            alternatives.Add(new StringBuilder(digits[..k]).Append(smaller).Append(rest switch { 0 => "", 1 => @"\d", _ => $@"\d{{{rest}}}" }).ToString());
        }

        return string.Join('|', alternatives);
    }
}
