using System.Text.Unicode;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// Refuses a JSON body whose text is not Unicode, once, before it is parsed: bytes that are not UTF-8 (a stray
/// <c>0xFF</c>, a surrogate encoded as <c>ED A0 80</c>) and <c>\u</c> escapes of an unpaired surrogate
/// (<c>"\ud800"</c>). The JSON reader accepts both and fails only when a string is read, so without this check the
/// same bytes were a 500 in a key, a path or a <c>test</c> value and U+FFFD in a stored value. Every body (JSON
/// Patch, Merge Patch, PUT, provider states) reads through <see cref="RequestBody"/>, which calls this: one rule,
/// a 400 <c>Malformed JSON</c>, wherever the text sits.
/// </summary>
internal static class UnicodeCheck
{
    public const string Reason = "Malformed JSON";

    /// <summary>The 400 for <paramref name="json"/> that is not Unicode text, or null.</summary>
    public static MockHttpException? Check(ReadOnlySpan<byte> json)
    {
        if (!Utf8.IsValid(json))
        {
            return MockErrors.BadRequest("The body is not valid JSON: it is not UTF-8 text (send Unicode text encoded as UTF-8).", Reason);
        }

        // Escapes are rare in requests: the vectorized search for a backslash is all most bodies cost.
        var at = json.IndexOf((byte)'\\');
        while (at >= 0 && at + 1 < json.Length)
        {
            var next = 2;
            if (json[at + 1] == 'u' && Escaped(json, at) is int unit && char.IsSurrogate((char)unit))
            {
                if (!char.IsHighSurrogate((char)unit) || !(Escaped(json, at + 6) is int low && char.IsLowSurrogate((char)low)))
                {
                    return MockErrors.BadRequest(
                        $"The body is not valid JSON: the escape \\u{unit:x4} at byte {at} is half of a UTF-16 surrogate pair, which is not Unicode text.", Reason);
                }

                next = 12;
            }

            var rest = json[(at + next)..].IndexOf((byte)'\\');
            at = rest < 0 ? -1 : at + next + rest;
        }

        return null;
    }

    /// <summary>The code unit of a <c>\uXXXX</c> escape at <paramref name="at"/>, or null when there is none (the parser then reports it).</summary>
    private static int? Escaped(ReadOnlySpan<byte> json, int at)
    {
        if (at + 6 > json.Length || json[at] != '\\' || json[at + 1] != 'u')
        {
            return null;
        }

        var unit = 0;
        foreach (var digit in json.Slice(at + 2, 4))
        {
            var value = HexDigit(digit);
            if (value < 0)
            {
                return null;
            }

            unit = (unit << 4) | value;
        }

        return unit;
    }

    private static int HexDigit(byte digit) => digit switch
    {
        >= (byte)'0' and <= (byte)'9' => digit - '0',
        >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
        _ => -1,
    };
}
