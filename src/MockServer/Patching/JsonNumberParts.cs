namespace ContractHarness.MockServer.Patching;

/// <summary>
/// A JSON number's text split into sign, significant digits (a window over the integer and fraction digits,
/// leading and trailing zeros dropped) and the power of ten of the last significant digit. Zero has no digits.
/// </summary>
internal ref struct JsonNumberParts
{
    private const long ExponentLimit = 1_000_000_000_000_000; // exponents saturate here

    public bool Negative;
    public ReadOnlySpan<byte> Integer;
    public ReadOnlySpan<byte> Fraction;
    public int First;
    public int Length;
    public long Exponent;

    public readonly byte DigitAt(int i)
    {
        var j = First + i;
        return j < Integer.Length ? Integer[j] : Fraction[j - Integer.Length];
    }

    public static bool TryCreate(ReadOnlySpan<byte> text, out JsonNumberParts number)
    {
        number = default;
        var pos = 0;
        if (pos < text.Length && text[pos] == '-')
        {
            number.Negative = true;
            pos++;
        }

        number.Integer = Digits(text, ref pos);
        if (number.Integer.IsEmpty)
        {
            return false;
        }

        if (pos < text.Length && text[pos] == '.')
        {
            pos++;
            number.Fraction = Digits(text, ref pos);
        }

        long exponent = 0;
        if (pos < text.Length && (text[pos] | 0x20) == 'e')
        {
            pos++;
            var negativeExponent = pos < text.Length && text[pos] == '-';
            if (pos < text.Length && (text[pos] == '-' || text[pos] == '+'))
            {
                pos++;
            }

            var digits = Digits(text, ref pos);
            if (digits.IsEmpty)
            {
                return false;
            }

            foreach (var d in digits)
            {
                exponent = Math.Min(exponent * 10 + (d - '0'), ExponentLimit);
            }

            exponent = negativeExponent ? -exponent : exponent;
        }

        if (pos != text.Length)
        {
            return false;
        }

        var total = number.Integer.Length + number.Fraction.Length;
        var first = 0;
        while (first < total && number.DigitAtRaw(first) == '0')
        {
            first++;
        }

        if (first == total)
        {
            return true; // zero: Length stays 0
        }

        var last = total - 1;
        while (number.DigitAtRaw(last) == '0')
        {
            last--;
        }

        number.First = first;
        number.Length = last - first + 1;
        number.Exponent = exponent - number.Fraction.Length + (total - 1 - last);
        return true;
    }

    private readonly byte DigitAtRaw(int j) => j < Integer.Length ? Integer[j] : Fraction[j - Integer.Length];

    private static ReadOnlySpan<byte> Digits(ReadOnlySpan<byte> text, scoped ref int pos)
    {
        var start = pos;
        while (pos < text.Length && text[pos] is >= (byte)'0' and <= (byte)'9')
        {
            pos++;
        }

        return text[start..pos];
    }
}
