using System.Globalization;

namespace ContractHarness.MockServer.Model;

/// <summary>
/// HTTP-dates (RFC 7231 section 7.1.1.1) in all three formats a recipient must accept: IMF-fixdate
/// (<c>Sun, 06 Nov 1994 08:49:37 GMT</c>), the obsolete RFC 850 form (<c>Sunday, 06-Nov-94 08:49:37 GMT</c>)
/// and asctime (<c>Sun Nov  6 08:49:37 1994</c>). Always UTC.
/// </summary>
internal static class HttpDate
{
    private static readonly string[] Formats =
    [
        "ddd, dd MMM yyyy HH:mm:ss 'GMT'",
        "dddd, dd-MMM-yy HH:mm:ss 'GMT'",
        "ddd MMM d HH:mm:ss yyyy",
        "ddd MMM dd HH:mm:ss yyyy",
    ];

    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // asctime pads a one-digit day with a space ("Nov  6"); collapse runs of spaces before matching.
        var normalized = string.Join(' ', text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (!DateTime.TryParseExact(normalized, Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }

        instant = new DateTimeOffset(DateTime.SpecifyKind(parsed, DateTimeKind.Utc));
        return true;
    }

    /// <summary>
    /// The IMF-fixdate form, as <c>Last-Modified</c> carries it. The last one is kept: every version stored within one
    /// second carries the same stamp, so under load most calls format nothing.
    /// </summary>
    public static string Format(DateTimeOffset instant) => LastFormatted.Get(instant);

    private static readonly LastResult<DateTimeOffset, string> LastFormatted =
        new(static instant => instant.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture));
}
