using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ContractHarness.MockServer.Persistence;

/// <summary>
/// An append-only log of accepted changes in <c>{DataDirectory}/updates.wal</c>, one JSON line per change
/// (<c>{"entity":"ContactEntity","id":66,"value":{...}}</c>, <c>value</c> null for a deletion). Each line is flushed to
/// the disk (<c>Flush(true)</c>) before the change becomes visible or is answered, so a crash right after a 200 loses
/// nothing. On open the log is read (a torn last line from a crash is dropped) and compacted to the last version of
/// each entity; <see cref="Replay"/> hands those to the store. A reset empties it.
/// </summary>
internal sealed class WriteAheadLog : IDisposable
{
    public const string FileName = "updates.wal";

    private readonly Lock _gate = new();
    private readonly List<WalRecord> _replay;
    private readonly FileStream _file;

    public WriteAheadLog(string directory)
    {
        Directory.CreateDirectory(directory);
        FilePath = Path.Combine(directory, FileName);
        _replay = Compact(File.Exists(FilePath) ? WalRecord.ReadAll(FilePath) : []);
        WriteAtomically(FilePath, _replay);
        _file = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.Read, 1, FileOptions.None);
    }

    public string FilePath { get; }

    /// <summary>The changes found on open, oldest first, one per entity id.</summary>
    public IEnumerable<(string Entity, int Id, byte[]? Utf8)> Replay() => _replay.Select(r => (r.Entity, r.Id, r.Value));

    /// <summary>Appends one change and flushes it to the disk.</summary>
    public void Append(string entity, int id, byte[]? utf8)
    {
        var line = new WalRecord(entity, id, utf8).ToLine();
        lock (_gate)
        {
            _file.Write(line);
            _file.Flush(flushToDisk: true);
        }
    }

    /// <summary>Forgets every change (after a reset to the seed).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _file.SetLength(0);
            _file.Flush(flushToDisk: true);
        }
    }

    public void Dispose() => _file.Dispose();

    private static List<WalRecord> Compact(List<WalRecord> records)
    {
        var last = new Dictionary<(string, int), int>();
        for (var i = 0; i < records.Count; i++)
        {
            last[(records[i].Entity, records[i].Id)] = i;
        }

        return [.. last.Values.Order().Select(i => records[i])];
    }

    private static void WriteAtomically(string path, List<WalRecord> records)
    {
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            foreach (var record in records)
            {
                file.Write(record.ToLine());
            }

            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}

/// <summary>One line of the write-ahead log.</summary>
internal sealed record WalRecord(string Entity, int Id, byte[]? Value)
{
    public byte[] ToLine()
    {
        var buffer = new ArrayBufferWriter<byte>((Value?.Length ?? 0) + 64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("entity", Entity);
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
                    root.GetProperty("entity").GetString()!,
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
