using System.Globalization;
using ContractHarness.MockServer;
using MockServerHost = ContractHarness.MockServer.SuperOfficeMockServer;

namespace ContractHarness.Bench.InProcess;

/// <summary>
/// The mock in-process, reporting the process's GC figures and lock contentions on request (bench/profile.sh reads
/// them): <see cref="Monitor.LockContentionCount"/> counts every time a thread found a lock taken and had to wait
/// (<see cref="Lock"/> included), so a hot entity's queue shows as contentions per request. Besides <c>--port</c>,
/// <c>--journal-size</c> and <c>--journal-body-bytes</c> set the mock's options of those names.
/// </summary>
internal static class GcServe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new SuperOfficeMockServerOptions { Host = "127.0.0.1" };
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--port":
                    options.Port = value;
                    break;
                case "--journal-size":
                    options.JournalSize = value;
                    break;
                case "--journal-body-bytes":
                    options.JournalBodyBytes = value;
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]} (serve takes --port, --journal-size, --journal-body-bytes)");
            }
        }

        await using var mock = await MockServerHost.StartAsync(options);
        await Console.Error.WriteLineAsync($"ready {mock.Url}");
        while (await Console.In.ReadLineAsync() is { } line && line.Trim() != "quit")
        {
            if (line.Trim() == "stats")
            {
                await Console.Error.WriteLineAsync(Stats());
            }
        }

        return 0;
    }

    private static string Stats()
    {
        var info = GC.GetGCMemoryInfo();
        return string.Create(CultureInfo.InvariantCulture,
            $"GC allocated={GC.GetTotalAllocatedBytes(precise: false)} gen0={GC.CollectionCount(0)} gen1={GC.CollectionCount(1)} gen2={GC.CollectionCount(2)} pause_ms={GC.GetTotalPauseDuration().TotalMilliseconds:F1} heap={info.HeapSizeBytes} server={System.Runtime.GCSettings.IsServerGC} contentions={Monitor.LockContentionCount}");
    }
}
