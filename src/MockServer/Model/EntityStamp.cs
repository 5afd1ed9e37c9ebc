using System.Globalization;

namespace ContractHarness.MockServer.Model;

/// <summary>
/// The entity date-times: written as the real API writes them (UTC, no offset, whole seconds:
/// <c>2026-11-22T10:00:00</c>), read with or without an offset (the page samples carry <c>+01:00</c>; no offset
/// means UTC), and compared at one-second resolution.
/// </summary>
internal static class EntityStamp
{
    /// <summary>The API's "no date" value.</summary>
    public const string NoDate = "0001-01-01T00:00:00";

    private const string WrittenFormat = "yyyy-MM-dd'T'HH:mm:ss";

    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(WrittenFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// The stamp as a JSON string's bytes (<c>"2026-11-22T10:00:00"</c>), written without a string in between. The
    /// array is shared (the last one is kept, as every update within one second writes the same stamp): never change it.
    /// </summary>
    public static byte[] JsonUtf8(DateTimeOffset instant) => LastJson.Get(instant);

    private static readonly LastResult<DateTimeOffset, byte[]> LastJson = new(static instant =>
    {
        Span<byte> text = stackalloc byte[WrittenFormat.Length + 2];
        text[0] = (byte)'"';
        instant.UtcDateTime.TryFormat(text[1..], out var written, WrittenFormat, CultureInfo.InvariantCulture);
        text[written + 1] = (byte)'"';
        return text[..(written + 2)].ToArray();
    });

    /// <summary>Parses a stored stamp; false for anything that is not an ISO 8601 date-time.</summary>
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        if (text is not null && DateTimeOffset.TryParse(
            text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant))
        {
            return true;
        }

        instant = DateTimeOffset.MinValue;
        return false;
    }

    /// <summary>Drops the fraction of a second, for comparisons with HTTP-dates.</summary>
    public static DateTimeOffset ToSeconds(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
