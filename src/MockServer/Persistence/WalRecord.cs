using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ContractHarness.MockServer.Persistence;

/// <summary>One line of the write-ahead log.</summary>
internal sealed record WalRecord(string Route, int Id, byte[]? Value)
{
    public byte[] ToLine()
    {
        var buffer = new ArrayBufferWriter<byte>((Value?.Length ?? 0) + 64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("route", Route);
            writer.WriteNumber("id", Id);
            writer.WritePropertyName("value");
            if (Value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteRawValue(Value, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads every complete record; stops at the first line that is not one (a write cut short by a crash).</summary>
    public static List<WalRecord> ReadAll(string path)
    {
        var records = new List<WalRecord>();
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var value = root.GetProperty("value");
                records.Add(new WalRecord(
                    root.GetProperty("route").GetString()!,
                    root.GetProperty("id").GetInt32(),
                    value.ValueKind == JsonValueKind.Null ? null : Encoding.UTF8.GetBytes(value.GetRawText())));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                break;
            }
        }

        return records;
    }
}
