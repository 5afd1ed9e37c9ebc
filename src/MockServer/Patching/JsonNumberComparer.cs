using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;

namespace ContractHarness.MockServer.Patching;

/// <summary>
/// Compares JSON numbers by exact numeric value on their text, with arbitrary precision: the significant digits
/// and the power of ten of the last one must match (so <c>1</c>, <c>1.0</c>, <c>10e-1</c> are equal, and
/// <c>0</c> equals <c>-0</c>).
/// </summary>
internal static class JsonNumberComparer
{
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
        if (!JsonNumberParts.TryCreate(left, out var a) || !JsonNumberParts.TryCreate(right, out var b))
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
}
