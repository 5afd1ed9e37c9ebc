using System.Text.Json.Nodes;
using System.Text.Json;

namespace ContractHarness.MockServer.Patching;

/// <summary>
/// JSON value equality as the JSON Patch <c>test</c> operation defines it (RFC 6902 section 4.6): numbers are
/// equal when their numeric values are equal (<c>1</c> equals <c>1.0</c> and <c>1e0</c>), strings compare
/// ordinally, objects are equal when they have the same member names (compared exactly, case-sensitively) with
/// equal values regardless of order, arrays when they have equal elements in the same order.
/// </summary>
internal static class JsonEquality
{
    /// <summary>Deep JSON equality; a null reference and a JSON null value are both the JSON <c>null</c>.</summary>
    public static bool DeepEquals(JsonNode? left, JsonNode? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        var kind = KindOf(left);
        if (kind != KindOf(right))
        {
            return false;
        }

        return kind switch
        {
            JsonValueKind.Object => ObjectsEqual((JsonObject)left!, (JsonObject)right!),
            JsonValueKind.Array => ArraysEqual((JsonArray)left!, (JsonArray)right!),
            JsonValueKind.String => string.Equals(left!.GetValue<string>(), right!.GetValue<string>(), StringComparison.Ordinal),
            JsonValueKind.Number => JsonNumberComparer.AreEqual(left!.AsValue(), right!.AsValue()),
            _ => true, // true, false and null carry no further content
        };
    }

    private static JsonValueKind KindOf(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    private static bool ObjectsEqual(JsonObject left, JsonObject right)
    {
        var count = left.Count;
        if (count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            var (name, value) = left.GetAt(i);
            var index = IndexOfExact(right, name);
            if (index < 0 || !DeepEquals(value, right.GetAt(index).Value))
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOfExact(JsonObject obj, string name)
    {
        var index = obj.IndexOf(name);
        if (index >= 0 && string.Equals(obj.GetAt(index).Key, name, StringComparison.Ordinal))
        {
            return index;
        }

        // Only reached for a miss, or when the object was built with a case-insensitive comparer.
        var count = obj.Count;
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(obj.GetAt(i).Key, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool ArraysEqual(JsonArray left, JsonArray right)
    {
        var count = left.Count;
        if (count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            if (!DeepEquals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }
}
