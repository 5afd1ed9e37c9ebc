using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Store.Persistence;

/// <summary>
/// The data format of earlier versions: <c>updates.wal</c>, one JSON line per accepted change
/// (<c>{"route":…,"id":…,"value":{…}|null}</c>). At start it is imported into the database once, then renamed to
/// <c>updates.wal.imported</c>. Every line must read back (with the depth updates are accepted with); only a torn
/// last line (no newline after it: a write a crash cut short, never answered) is dropped, and that is printed. Any
/// other unreadable line refuses the start with its number. The file's hash is stored with the import, in the same
/// transaction, so a crash before the rename cannot import it twice.
/// </summary>
internal static class LegacyLog
{
    public const string FileName = "updates.wal";
    public const string ImportedSuffix = ".imported";

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = StoredEntityJson.MaxDepth };

    public static void ImportOnce(EntityDatabase database, string folder, TextWriter log)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return;
        }

        var bytes = File.ReadAllBytes(path);
        var hash = Convert.ToHexString(SHA256.HashData(bytes));
        using (var check = database.Command("SELECT count(*) FROM meta WHERE key = 'imported ' || $hash"))
        {
            check.Parameters.AddWithValue("$hash", hash);
            if (Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                var versions = Read(bytes, path, log);
                database.WriteNow(versions, mark =>
                {
                    mark.CommandText = "INSERT OR REPLACE INTO meta (key, value) VALUES ('imported ' || $hash, $file)";
                    mark.Parameters.AddWithValue("$hash", hash);
                    mark.Parameters.AddWithValue("$file", path);
                    mark.ExecuteNonQuery();
                });
                log.WriteLine($"Imported {versions.Count} entity versions from {path} into {database.FilePath}.");
            }
        }

        File.Move(path, path + ImportedSuffix, overwrite: true);
    }

    /// <summary>The last version of each entity in the log, in the order of their last change.</summary>
    internal static List<(string Route, int Id, byte[]? Json)> Read(byte[] bytes, string path, TextWriter log)
    {
        var records = new List<(string Route, int Id, byte[]? Json)>();
        var start = 0;
        for (var number = 1; start < bytes.Length; number++)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            var complete = end >= 0;
            var line = bytes.AsMemory(start, (complete ? end : bytes.Length) - start);
            start = complete ? end + 1 : bytes.Length;
            if (line.Span.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            try
            {
                records.Add(Parse(line));
            }
            catch (Exception e) when (e is JsonException or InvalidDataException or FormatException or InvalidOperationException or KeyNotFoundException)
            {
                if (complete)
                {
                    throw new DataFolderException(
                        $"{path} line {number} cannot be read ({e.Message}): the mock does not start rather than lose it or what follows; correct or delete that line, or start with another --data folder.",
                        e);
                }

                log.WriteLine($"{path} line {number}: dropped a torn last line (no newline after it: a write cut short by a crash, never acknowledged).");
            }
        }

        var last = new Dictionary<(string, int), int>();
        for (var i = 0; i < records.Count; i++)
        {
            last[(records[i].Route, records[i].Id)] = i;
        }

        return [.. last.Values.Order().Select(i => records[i])];
    }

    private static (string, int, byte[]?) Parse(ReadOnlyMemory<byte> line)
    {
        using var doc = JsonDocument.Parse(line, Options);
        var root = doc.RootElement;
        var value = root.GetProperty("value");
        if (value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            throw new InvalidDataException("its value is neither an entity object nor null");
        }

        return (
            root.GetProperty("route").GetString() ?? throw new InvalidDataException("it has no route"),
            root.GetProperty("id").GetInt32(),
            value.ValueKind == JsonValueKind.Null ? null : Encoding.UTF8.GetBytes(value.GetRawText()));
    }
}
