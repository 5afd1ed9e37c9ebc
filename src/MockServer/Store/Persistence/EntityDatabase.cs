using ContractHarness.MockServer.Model;
using Microsoft.Data.Sqlite;

namespace ContractHarness.MockServer.Store.Persistence;

/// <summary>
/// The data folder's SQLite file, <c>{DataDirectory}/mock.db</c>: table <c>entities</c> holds the last stored version
/// of each changed entity (<c>route</c>, <c>id</c>, <c>seq</c> = the commit order, <c>json</c> = the entity as
/// text, NULL for a deletion); entities never changed are not in it (they come from the seed). WAL journal with
/// <c>synchronous=FULL</c>: a commit has reached the disk when it returns, so a 200 sent after it survives a crash
/// or a SIGKILL. Plain ADO.NET, no mapper, so it trims and compiles ahead of time.
/// </summary>
/// <remarks>
/// When the storage fails (a full disk, an I/O error, a file made read-only or locked by another program), the
/// <see cref="CommitQueue"/> refuses updates with a 503 and calls <see cref="Retry"/> until a commit works again. A
/// write-ahead log deleted under the running mock is noticed after each commit and each try: SQLite would go on
/// writing into the deleted file, which no restart reads, so everything is copied into the data file first and the
/// file reopened with a new log.
/// </remarks>
internal sealed class EntityDatabase : IDisposable
{
    public const string FileName = "mock.db";
    public const string Table = "entities";
    private const int Format = 1;

    /// <summary>How long a commit waits for a lock another program holds on the file before it counts as failed.</summary>
    private const int BusySeconds = 5;

    private readonly SqliteConnection _connection;
    private readonly CommitQueue _queue;
    private readonly FileStream _folderLock;
    private readonly string _walPath;
    private readonly TextWriter _log;
    private SqliteCommand _upsert;
    private SqliteCommand _clear;
    private long _seq;
    private List<(string Route, int Id, byte[]? Json)> _rows = [];

    private EntityDatabase(SqliteConnection connection, string path, FileStream folderLock, TimeProvider time, TextWriter log)
    {
        _folderLock = folderLock;
        _connection = connection;
        _log = log;
        FilePath = path;
        _walPath = path + "-wal";
        (_upsert, _clear) = Commands();
        _seq = Scalar($"SELECT coalesce(max(seq), 0) FROM {Table}");
        _queue = new CommitQueue(Commit, Retry, path, time, log);
    }

    public string FilePath { get; }

    /// <summary>Why updates are refused now (the storage failed and does not work yet), or null while they are stored.</summary>
    public StorageFault? Fault => _queue.Fault;

    /// <summary>
    /// Opens (creating when missing) the database in <paramref name="directory"/>, checks that it can be written, and
    /// reads and checks every stored row (for <see cref="Load"/>).
    /// </summary>
    /// <exception cref="DataFolderException">The folder or the file cannot be used; the message says why.</exception>
    public static EntityDatabase Open(string directory, TextWriter log, TimeProvider time)
    {
        var folder = Path.GetFullPath(directory);
        if (File.Exists(folder))
        {
            throw new DataFolderException($"--data {folder} is a file: give a folder (it is created when missing).");
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFolderException($"The data folder {folder} cannot be created: {e.Message}", e);
        }

        var folderLock = FolderLock.Acquire(folder);
        var path = Path.Combine(folder, FileName);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = BusySeconds,
        }.ToString());
        EntityDatabase? database = null;
        try
        {
            connection.Open();
            Prepare(connection, path);
            database = new EntityDatabase(connection, path, folderLock, time, log);
            database._rows = database.ReadRows();
            return database;
        }
        catch (SqliteException e)
        {
            Close();
            throw new DataFolderException($"The data file {path} cannot be used: {e.Message}", e);
        }
        catch
        {
            Close();
            throw;
        }

        void Close()
        {
            if (database is null)
            {
                connection.Dispose();
                folderLock.Dispose();
            }
            else
            {
                database.Dispose();
            }
        }
    }

    /// <summary>
    /// Hands every stored version (read and checked when the file was opened) to <paramref name="apply"/>. A row
    /// <paramref name="apply"/> cannot take (it throws <see cref="InvalidDataException"/>) stops the start with the
    /// row named.
    /// </summary>
    public void Load(Action<string, int, byte[]?> apply)
    {
        foreach (var (route, id, json) in _rows)
        {
            try
            {
                apply(route, id, json);
            }
            catch (InvalidDataException e)
            {
                throw Unreadable(route, id.ToString(System.Globalization.CultureInfo.InvariantCulture), e);
            }
        }

        _rows = [];
    }

    /// <summary>
    /// Reads every row and checks its JSON completely (one object, nested no deeper than updates may be), so that a
    /// damaged row stops the start rather than a later request. In table order: one row per entity, so the order does
    /// not matter, and sorting by <c>seq</c> would sort every row.
    /// </summary>
    private List<(string Route, int Id, byte[]? Json)> ReadRows()
    {
        var rows = new List<(string, int, byte[]?)>();
        using var command = Command($"SELECT route, id, json FROM {Table}");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var route = reader.IsDBNull(0) ? "(no route)" : reader.GetString(0);
            var id = reader.IsDBNull(1) ? "(no id)" : reader.GetValue(1).ToString()!;
            try
            {
                var number = reader.GetInt64(1);
                var json = reader.IsDBNull(2) ? null : reader.GetFieldValue<byte[]>(2);
                if (json is not null)
                {
                    StoredEntityJson.Check(json);
                }

                rows.Add((route, number is > 0 and <= int.MaxValue ? (int)number : throw new InvalidDataException("the id is not a positive 32-bit number."), json));
            }
            catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException or FormatException or InvalidCastException)
            {
                throw Unreadable(route, id, e);
            }
        }

        return rows;
    }

    private DataFolderException Unreadable(string route, string id, Exception e) => new(
        $"{FilePath}, table {Table}, route {route} id {id} cannot be read: {e.Message} The mock does not start rather than lose it: correct or delete that row (e.g. with sqlite3), or start with another --data folder.",
        e);

    /// <summary>
    /// Stores a version (null: the entity is deleted); <paramref name="onCommitted"/> runs once it is durable, before the
    /// task completes. When it cannot be stored, <paramref name="onRefused"/> runs and the task fails with a 503.
    /// </summary>
    public Task Write(string route, int id, byte[]? json, Action onCommitted, Action onRefused) =>
        _queue.Enqueue(new PendingWrite(route, id, json, onCommitted, onRefused));

    /// <summary>Removes every stored version (a reset to the seed), after the changes queued before it.</summary>
    public Task Clear() => _queue.Enqueue(PendingWrite.Clear(null));

    /// <summary>Writes versions in one transaction, outside the queue (the import of an old log).</summary>
    internal void WriteNow(IEnumerable<(string Route, int Id, byte[]? Json)> versions, Action<SqliteCommand> alsoInTransaction)
    {
        using var transaction = _connection.BeginTransaction();
        foreach (var (route, id, json) in versions)
        {
            Upsert(transaction, route, id, json);
        }

        using var extra = Command(string.Empty);
        extra.Transaction = transaction;
        alsoInTransaction(extra);
        transaction.Commit();
    }

    internal SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    public void Dispose()
    {
        _queue.Dispose();
        _upsert.Dispose();
        _clear.Dispose();
        _connection.Dispose();
        _folderLock.Dispose(); // last: the folder is free once the file is closed
    }

    private void Commit(List<PendingWrite> batch)
    {
        KeepLog();
        using (var transaction = _connection.BeginTransaction())
        {
            Write(transaction, batch);
        }

        KeepLog();
    }

    private void Write(SqliteTransaction transaction, List<PendingWrite> batch)
    {
        foreach (var write in batch)
        {
            if (write.Route is null)
            {
                _clear.Transaction = transaction;
                _clear.ExecuteNonQuery();
            }
            else
            {
                Upsert(transaction, write.Route, write.Id, write.Json);
            }
        }

        transaction.Commit();
    }

    /// <summary>
    /// Tries the failing storage (for the <see cref="CommitQueue"/>): lets the log shrink back if it can (a full disk
    /// is often the log's growth), then commits a row of <paramref name="bytes"/> bytes, as much as the failed batch
    /// held, and removes it again. Throws while that fails.
    /// </summary>
    private void Retry(int bytes)
    {
        KeepLog();
        try
        {
            Checkpoint();
        }
        catch (Exception e) when (e is SqliteException or IOException)
        {
            // The commits below decide: the log may still take them.
        }

        Probe($"INSERT OR REPLACE INTO meta (key, value) VALUES ('probe', zeroblob({Math.Max(bytes, 1)}))");
        Probe("DELETE FROM meta WHERE key = 'probe'");
        KeepLog();
    }

    private void Probe(string sql)
    {
        using var transaction = _connection.BeginTransaction();
        using var probe = Command(sql);
        probe.Transaction = transaction;
        probe.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>
    /// Makes sure the write-ahead log SQLite writes to is the file a restart reads. When it was deleted (SQLite keeps
    /// writing into the open, deleted file), copies every committed version into the data file (a synced checkpoint)
    /// and reopens it, which starts a new log. Throws when the data file is gone too (reopening would start empty).
    /// </summary>
    private void KeepLog()
    {
        if (File.Exists(_walPath))
        {
            return;
        }

        if (!File.Exists(FilePath))
        {
            throw new IOException($"{FilePath} was deleted while the mock ran; restart the mock on its --data folder.");
        }

        Checkpoint();
        _upsert.Dispose();
        _clear.Dispose();
        _connection.Close();
        _connection.Open();
        Configure(_connection, FilePath);
        (_upsert, _clear) = Commands();
        _log.WriteLine($"{_walPath} was deleted while the mock ran: every stored update was copied into {FilePath}, which was reopened with a new log.");
    }

    /// <summary>Copies the log into the data file and empties it; throws when that could not be done whole.</summary>
    private void Checkpoint()
    {
        using var command = Command("PRAGMA wal_checkpoint(TRUNCATE)");
        using var reader = command.ExecuteReader();
        if (reader.Read() && reader.GetInt64(0) != 0)
        {
            throw new IOException($"{_walPath} could not be copied into {FilePath}: the database is busy.");
        }
    }

    private (SqliteCommand Upsert, SqliteCommand Clear) Commands()
    {
        var upsert = Command($"""
            INSERT INTO {Table} (route, id, seq, json) VALUES ($route, $id, $seq, CAST($json AS TEXT))
            ON CONFLICT (route, id) DO UPDATE SET seq = excluded.seq, json = excluded.json
            """);
        upsert.Parameters.Add("$route", SqliteType.Text);
        upsert.Parameters.Add("$id", SqliteType.Integer);
        upsert.Parameters.Add("$seq", SqliteType.Integer);
        upsert.Parameters.Add("$json", SqliteType.Blob);
        return (upsert, Command($"DELETE FROM {Table}"));
    }

    private void Upsert(SqliteTransaction transaction, string route, int id, byte[]? json)
    {
        _upsert.Transaction = transaction;
        _upsert.Parameters[0].Value = route;
        _upsert.Parameters[1].Value = id;
        _upsert.Parameters[2].Value = ++_seq;
        _upsert.Parameters[3].Value = (object?)json ?? DBNull.Value;
        _upsert.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var command = Command(sql);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>WAL journal and full sync, for every connection to the file.</summary>
    private static void Configure(SqliteConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL";
        if (command.ExecuteScalar() is not string mode || !mode.Equals("wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new DataFolderException($"The data file {path} cannot use a write-ahead journal (journal_mode is {command.ExecuteScalar()}).");
        }

        command.CommandText = "PRAGMA synchronous=FULL";
        command.ExecuteNonQuery();
    }

    /// <summary>WAL journal, full sync, the tables; refuses a file written by a newer format or one it cannot write.</summary>
    private static void Prepare(SqliteConnection connection, string path)
    {
        Configure(connection, path);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            BEGIN IMMEDIATE;
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS {Table} (
                route TEXT NOT NULL, id INTEGER NOT NULL, seq INTEGER NOT NULL, json TEXT, PRIMARY KEY (route, id));
            INSERT OR IGNORE INTO meta (key, value) VALUES ('format', '{Format}');
            COMMIT;
            """;
        command.ExecuteNonQuery();
        command.CommandText = "SELECT value FROM meta WHERE key = 'format'";
        var format = command.ExecuteScalar() as string;
        if (format != Format.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new DataFolderException($"The data file {path} has format {format} (table meta); this mock reads format {Format}: use the mock that wrote it, or another --data folder.");
        }
    }
}
