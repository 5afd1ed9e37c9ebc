namespace ContractHarness.MockServer.Persistence;

/// <summary>
/// An append-only log of accepted changes in <c>{DataDirectory}/updates.wal</c>, one JSON line per change
/// (<c>{"route":"/api/v1/Contact/{id}","id":66,"value":{...}}</c>, <c>value</c> null for a deletion). Each line is flushed to
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
    public IEnumerable<(string Route, int Id, byte[]? Utf8)> Replay() => _replay.Select(r => (r.Route, r.Id, r.Value));

    /// <summary>Appends one change and flushes it to the disk.</summary>
    public void Append(string route, int id, byte[]? utf8)
    {
        var line = new WalRecord(route, id, utf8).ToLine();
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
            last[(records[i].Route, records[i].Id)] = i;
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
