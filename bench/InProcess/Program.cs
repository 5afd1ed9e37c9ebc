// In-process start-up of the mock: the time from SuperOfficeMockServer.StartAsync to the first 200 of GET /__admin/health on
// its socket, then disposal; the first start in the process is cold (JIT, first loads), the later ones warm.
//   [--runs N]   starts in all (default 6: 1 cold + 5 warm)
// Prints one line per start and "cold_ms=... warm_median_ms=...". Listens on a free port of 127.0.0.1 only.
//
//   serve --port N
// Profiling aid for bench/profile.sh: runs the mock in-process with make mock's defaults on 127.0.0.1:N; each line
// "stats" read from standard input prints one line of GC figures (allocated bytes, collections, pause time) to
// standard error; "quit" or end of input stops it.
//
//   sessions [--count N] [--changes M]
// For bench/sessions.sh: the managed heap a session holds with M changed Contacts (SessionMemory.cs).
using System.Diagnostics;
using System.Globalization;
using ContractHarness.Bench.InProcess;
using ContractHarness.Bench.Tools;
using ContractHarness.MockServer;

if (args.Length > 0 && args[0] == "serve")
{
    return await GcServe.RunAsync(args);
}

if (args.Length > 0 && args[0] == "sessions")
{
    return await SessionMemory.RunAsync(args);
}

var runs = 6;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    if (args[i] == "--runs")
    {
        runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    }
}

runs = Math.Max(runs, 2);
var times = new List<double>();
for (var run = 0; run < runs; run++)
{
    var clock = Stopwatch.StartNew();
    var mock = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Host = "127.0.0.1", Port = 0, LogWriter = TextWriter.Null });
    var listening = clock.Elapsed.TotalMilliseconds;
    try
    {
        var probe = new HealthProbe(mock.Port, "/__admin/health");
        while (!probe.AnswersOk())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(20))
            {
                Console.Error.WriteLine("inprocess: no 200 from /__admin/health within 20 s");
                return 1;
            }

            Thread.Sleep(1);
        }
    }
    finally
    {
        await mock.DisposeAsync();
    }

    var ms = clock.Elapsed.TotalMilliseconds;
    times.Add(ms);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(run == 0 ? "cold" : "warm")} start {run}: {ms:F1} ms to first answer ({listening:F1} ms in StartAsync)"));
}

var warm = times.Skip(1).Order().ToList();
var median = warm.Count % 2 == 1 ? warm[warm.Count / 2] : (warm[(warm.Count / 2) - 1] + warm[warm.Count / 2]) / 2;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold_ms={times[0]:F1} warm_median_ms={median:F1}"));
return 0;
