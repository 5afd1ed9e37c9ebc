using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractHarness.TestSupport.Fuzz;

/// <summary>
/// Builds request bodies from raw byte fragments, so a body can carry what no serializer writes: invalid UTF-8,
/// lone surrogate escapes, duplicate keys, numbers beyond any type.
/// </summary>
internal static class RawJson
{
    /// <summary>Joins fragments: strings as UTF-8, byte arrays as they are.</summary>
    public static byte[] Join(params object[] parts)
    {
        var bytes = new List<byte>();
        foreach (var part in parts)
        {
            bytes.AddRange(part is byte[] raw ? raw : Encoding.UTF8.GetBytes((string)part));
        }

        return [.. bytes];
    }

    /// <summary>A JSON string token for ordinary text.</summary>
    public static byte[] String(string text) => JsonSerializer.SerializeToUtf8Bytes(text);

    /// <summary>A JSON string token whose middle is raw bytes (bad UTF-8) or raw escapes (lone surrogates).</summary>
    public static byte[] StringAround(string before, byte[] middle, string after) => Join("\"", before, middle, after, "\"");

    public static byte[] Op(string op, byte[] path, byte[]? value = null) =>
        value is null ? Join("{\"op\":\"", op, "\",\"path\":", path, "}") : Join("{\"op\":\"", op, "\",\"path\":", path, ",\"value\":", value, "}");

    public static byte[] Array(params byte[][] items) => Join(["[", .. Interleave(items), "]"]);

    public static byte[] Member(byte[] key, byte[] value) => Join("{", key, ":", value, "}");

    private static readonly JsonDocumentOptions DeepRead = new() { MaxDepth = 4096 };
    private static readonly JsonSerializerOptions DeepWrite = new() { MaxDepth = 4096 };

    /// <summary>Parses what the mock answers, which may nest deeper than the default 64 levels (the mock allows 256).</summary>
    public static JsonNode? Parse(string json) => JsonNode.Parse(json, documentOptions: DeepRead);

    public static string Write(JsonNode? node) => node?.ToJsonString(DeepWrite) ?? "null";

    /// <summary>The stored entity with <paramref name="property"/> replaced by the raw member <paramref name="key"/>: <paramref name="value"/>.</summary>
    public static byte[] EntityWith(string entityJson, string property, byte[] key, byte[] value)
    {
        var entity = Parse(entityJson)!.AsObject();
        entity.Remove(property);
        var rest = Write(entity);
        return Join("{", key, ":", value, rest.Length > 2 ? "," : string.Empty, rest[1..]);
    }

    /// <summary><paramref name="depth"/> nested objects or arrays around a number.</summary>
    public static byte[] Nested(int depth, bool objects) =>
        Join(Repeat(objects ? "{\"a\":" : "[", depth), "1", Repeat(objects ? "}" : "]", depth));

    public static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static IEnumerable<object> Interleave(byte[][] items)
    {
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0)
            {
                yield return ",";
            }

            yield return items[i];
        }
    }
}
