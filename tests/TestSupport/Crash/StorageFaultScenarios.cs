using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ContractHarness.TestSupport.Crash;

/// <summary>
/// A storage fault caused for real under a running mock's data folder, and its end. <see cref="Unavailable"/> says
/// why it cannot be caused on this machine (then it is skipped, with that reason); <see cref="Refuses"/> says whether
/// updates are refused while it lasts (a deleted log is repaired by the mock, so none need be).
/// </summary>
internal abstract class StorageFaultScenario : IDisposable
{
    /// <summary>Every scenario, by name, for the tests and <c>make fuzz</c>.</summary>
    public static IReadOnlyList<Func<StorageFaultScenario>> All { get; } =
        [() => new DiskFull(), () => new ReadOnlyFiles(), () => new DeletedLog(), () => new LockedFile()];

    public abstract string Name { get; }

    public virtual string? Unavailable => OperatingSystem.IsLinux() ? null : "the storage faults are caused with Linux tools";

    public virtual bool Refuses => true;

    /// <summary>Readies the empty data folder before the mock starts on it.</summary>
    public virtual void Prepare(string folder)
    {
    }

    public abstract Task CauseAsync(string folder);

    public abstract Task HealAsync(string folder);

    /// <summary>Undoes whatever the scenario left (a mount, a flag), also when the run failed half-way.</summary>
    public virtual void Dispose()
    {
    }

    protected static string Database(string folder) => Path.Combine(folder, "mock.db");

    protected static string Log(string folder) => Database(folder) + "-wal";

    protected static string? NeedsRoot(string what) =>
        !OperatingSystem.IsLinux() ? "the storage faults are caused with Linux tools"
        : !Environment.IsPrivilegedProcess ? $"needs root to {what} (run the tests as root, as CI does)"
        : null;

    /// <summary>Runs a tool; throws with what it printed when it fails.</summary>
    protected static void Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Trim()}");
        }
    }

    protected static bool Succeeds(string tool, params string[] arguments)
    {
        try
        {
            Run(tool, arguments);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>The data folder is a 300 KB tmpfs, which the writes fill; the fault ends when it is remounted 64 MB large.</summary>
internal sealed class DiskFull : StorageFaultScenario
{
    private string? _mounted;

    public override string Name => "disk full (300 KB tmpfs, then remounted larger)";

    public override string? Unavailable => NeedsRoot("mount a size-limited tmpfs");

    public override void Prepare(string folder)
    {
        Run("mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", folder);
        _mounted = folder;
    }

    public override Task CauseAsync(string folder) => Task.CompletedTask; // the writers fill it

    public override Task HealAsync(string folder)
    {
        Run("mount", "-o", "remount,size=64m", folder);
        return Task.CompletedTask;
    }

    public override void Dispose()
    {
        if (_mounted is not null)
        {
            Succeeds("umount", "-l", _mounted);
            _mounted = null;
        }
    }
}

/// <summary>
/// The data file and its log are made immutable (<c>chattr +i</c>: root ignores file modes, not that flag), so every
/// write to them fails with an I/O error; the fault ends with <c>chattr -i</c>.
/// </summary>
internal sealed class ReadOnlyFiles : StorageFaultScenario
{
    private string? _folder;

    public override string Name => "data files made read-only (chattr +i)";

    public override string? Unavailable => NeedsRoot("set the immutable flag") ?? (Supported() ? null : "chattr +i does not work in the temp folder here (no chattr, or a file system without the flag)");

    public override Task CauseAsync(string folder)
    {
        _folder = folder;
        Run("chattr", "+i", Database(folder), Log(folder));
        return Task.CompletedTask;
    }

    public override Task HealAsync(string folder)
    {
        Run("chattr", "-i", Database(folder), Log(folder));
        _folder = null;
        return Task.CompletedTask;
    }

    public override void Dispose()
    {
        if (_folder is not null)
        {
            Succeeds("chattr", "-i", Database(_folder), Log(_folder));
        }
    }

    private static bool Supported()
    {
        var probe = Path.Combine(Path.GetTempPath(), $"contractharness-chattr-{Guid.NewGuid():N}");
        File.WriteAllText(probe, "probe");
        try
        {
            return Succeeds("chattr", "+i", probe) && Succeeds("chattr", "-i", probe);
        }
        finally
        {
            File.Delete(probe);
        }
    }
}

/// <summary>The write-ahead log is deleted while the mock writes to it; the mock must notice and keep every update.</summary>
internal sealed class DeletedLog : StorageFaultScenario
{
    public override string Name => "write-ahead log deleted";

    public override bool Refuses => false;

    public override Task CauseAsync(string folder)
    {
        File.Delete(Log(folder));
        return Task.CompletedTask;
    }

    public override Task HealAsync(string folder) => Task.CompletedTask;
}

/// <summary>Another program holds the data file's write lock (an open exclusive transaction) until the fault ends.</summary>
internal sealed class LockedFile : StorageFaultScenario
{
    private SqliteConnection? _holder;
    private SqliteTransaction? _transaction;

    public override string Name => "data file locked by another program";

    public override Task CauseAsync(string folder)
    {
        _holder = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database(folder), Pooling = false }.ToString());
        _holder.Open();
        _transaction = _holder.BeginTransaction();
        using var write = _holder.CreateCommand();
        write.Transaction = _transaction;
        write.CommandText = "INSERT OR REPLACE INTO meta (key, value) VALUES ('held', 'by a test')";
        write.ExecuteNonQuery(); // the write lock is held from here until the rollback
        return Task.CompletedTask;
    }

    public override Task HealAsync(string folder)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public override void Dispose()
    {
        _transaction?.Rollback();
        _transaction?.Dispose();
        _holder?.Dispose();
        (_transaction, _holder) = (null, null);
    }
}
