using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractHarness.MockServer.Patching;

/// <summary>
/// Reads the usual JSON Patch body straight from its bytes, without building a tree of the body: an array of
/// objects whose members are <c>op</c>, <c>path</c> and <c>value</c> only, each at most once, with <c>op</c> one of
/// <c>add</c>, <c>remove</c>, <c>replace</c> or <c>test</c> as RFC 6902 spells them, <c>path</c> a string and
/// <c>value</c> a string, number, <c>true</c>, <c>false</c> or <c>null</c>. It makes the operations
/// <see cref="JsonPatchParser"/> makes of the same body. Any other body, malformed or merely unusual (an object
/// value, another member, <c>"Replace"</c>), is not read here: <see cref="TryRead"/> says false and the body takes the
/// general path, which alone accepts it or explains what is wrong with it.
/// </summary>
internal static class JsonPatchReader
{
    /// <summary>The operations of <paramref name="utf8Json"/>, or false when the body needs the general path.</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out PatchOperation[]? operations)
    {
        operations = null;
        var reader = new Utf8JsonReader(utf8Json); // no comments, no trailing commas, one value and nothing after it
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return false;
            }

            var read = new PatchOperation[1]; // one operation is the usual patch
            var count = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                if (ReadOperation(ref reader) is not { } operation)
                {
                    return false;
                }

                if (count == read.Length)
                {
                    Array.Resize(ref read, 2 * count);
                }

                read[count++] = operation;
            }

            if (reader.TokenType != JsonTokenType.EndArray || reader.Read())
            {
                return false;
            }

            operations = count == read.Length ? read : read[..count];
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false; // malformed JSON, or text a string cannot hold: the general path says which
        }
    }

    /// <summary>One operation, the reader on its start; null when it is not one of the usual ones.</summary>
    private static PatchOperation? ReadOperation(ref Utf8JsonReader reader)
    {
        PatchOperationType? op = null;
        string? path = null;
        JsonNode? value = null;
        var hasValue = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("op"u8))
            {
                if (op is not null || !reader.Read() || reader.TokenType != JsonTokenType.String || Op(ref reader) is not { } named)
                {
                    return null;
                }

                op = named;
            }
            else if (reader.ValueTextEquals("path"u8))
            {
                if (path is not null || !reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return null;
                }

                path = reader.GetString();
            }
            else if (reader.ValueTextEquals("value"u8))
            {
                if (hasValue || !reader.Read() || reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    return null;
                }

                value = JsonNode.Parse(ref reader); // the same kind of node a parse of the whole body gives; null for JSON null
                hasValue = true;
            }
            else
            {
                return null;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || op is not { } type || !JsonPointer.TryParse(path, out var pointer))
        {
            return null;
        }

        return type switch
        {
            PatchOperationType.Remove => pointer.IsRoot ? null : PatchOperation.Remove(pointer),
            _ => hasValue ? new PatchOperation(type, pointer, value, true) : null,
        };
    }

    private static PatchOperationType? Op(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("replace"u8) ? PatchOperationType.Replace
        : reader.ValueTextEquals("add"u8) ? PatchOperationType.Add
        : reader.ValueTextEquals("remove"u8) ? PatchOperationType.Remove
        : reader.ValueTextEquals("test"u8) ? PatchOperationType.Test
        : null;
}
