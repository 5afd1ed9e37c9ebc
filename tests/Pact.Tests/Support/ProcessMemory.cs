using System.Runtime.InteropServices;

namespace ContractHarness.Pact.Tests.Support;

/// <summary>
/// Anonymous resident memory of this process (<c>RssAnon</c> in /proc/self/status), measured after a full GC and
/// after asking glibc to hand freed heap back (<c>malloc_trim</c>), so that what remains is memory still in use:
/// a native string that was never freed stays, one that was freed goes.
/// </summary>
public static partial class ProcessMemory
{
    public static long SettledAnonymousBytes()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        _ = MallocTrim(0);
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                var kilobytes = long.Parse(line["RssAnon:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                return kilobytes * 1024;
            }
        }

        throw new InvalidOperationException("RssAnon not found in /proc/self/status.");
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
