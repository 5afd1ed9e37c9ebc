using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractHarness.MockServer.Patching;

/// <summary>
/// Compares JSON numbers by exact numeric value on their text, with arbitrary precision: the significant digits
/// and the power of ten of the last one must match (so <c>1</c>, <c>1.0</c>, <c>10e-1</c> are equal, and
/// <c>0</c> equals <c>-0</c>).
/// </summary>
internal static class JsonNumberComparer
{
    private const long ExponentLimit = 1_000_000_000_000_000;

    public static bool AreEqual(JsonValue left, JsonValue right)
    {
        if (left.TryGetValue(out JsonElement l) && right.TryGetValue(out JsonElement r))
        {
            return AreEqual(JsonMarshal.GetRawUtf8Value(l), JsonMarshal.GetRawUtf8Value(r));
        }

        return AreEqual(RawText(left), RawText(right));
    }

    public static bool AreEqual(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (!Decomposed.TryCreate(left, out var a) || !Decomposed.TryCreate(right, out var b))
        {
            return left.SequenceEqual(right);
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length; // zero equals zero whatever its sign or exponent
        }

        if (a.Negative != b.Negative || a.Length != b.Length || a.Exponent != b.Exponent)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (a.DigitAt(i) != b.DigitAt(i))
            {
                return false;
            }
        }

        return true;
    }

    private static byte[] RawText(JsonValue value) => value.TryGetValue(out JsonElement element)
        ? JsonMarshal.GetRawUtf8Value(element).ToArray()
        : Encoding.UTF8.GetBytes(value.ToJsonString());

    /// <summary>A number as sign, significant digits (a window over integer and fraction digits) and exponent.</summary>
    private ref struct Decomposed
    {
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

        public static bool TryCreate(ReadOnlySpan<byte> text, out Decomposed number)
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
}
