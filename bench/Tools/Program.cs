// Helpers for bench/run.sh.
//   startup --port N [--runs 5] [--path /__admin/health] -- EXE [ARGS...]
//     Spawns EXE (with ARGS) --runs times; each time measures the wall time from just before the spawn to the
//     first HTTP 200 answer of GET PATH on 127.0.0.1:N, then kills the process tree and waits for the port to
//     close. Prints one line per run and a final "median_ms=..." line. Only 127.0.0.1 is ever contacted.
using System.Diagnostics;
using System.Globalization;
using ContractHarness.Bench.Tools;

if (args.Length == 0 || args[0] != "startup")
{
    Console.Error.WriteLine("usage: startup --port N [--runs 5] [--path /__admin/health] [--timeout-ms 20000] -- EXE [ARGS...]");
    return 2;
}

var port = 0;
var runs = 5;
var path = "/__admin/health";
var timeoutMs = 20_000;
var split = Array.IndexOf(args, "--");
if (split < 0 || split == args.Length - 1)
{
    Console.Error.WriteLine("startup: missing '-- EXE [ARGS...]'");
    return 2;
}

for (var i = 1; i + 1 < split; i += 2)
{
    var value = args[i + 1];
    switch (args[i])
    {
        case "--port": port = int.Parse(value, CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(value, CultureInfo.InvariantCulture); break;
        case "--path": path = value; break;
        case "--timeout-ms": timeoutMs = int.Parse(value, CultureInfo.InvariantCulture); break;
        default:
            Console.Error.WriteLine($"startup: unknown option {args[i]}");
            return 2;
    }
}

if (port is <= 0 or > 65535)
{
    Console.Error.WriteLine("startup: --port N is required");
    return 2;
}

var exe = args[split + 1];
var exeArgs = args[(split + 2)..];
var probe = new HealthProbe(port, path);
if (probe.PortIsOpen())
{
    Console.Error.WriteLine($"startup: port {port} is already in use on 127.0.0.1");
    return 1;
}

var times = new List<double>();
for (var run = 1; run <= runs; run++)
{
    double? ms;
    try
    {
        ms = TimeOneStart(exe, exeArgs, probe, timeoutMs, run);
    }
    catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
    {
        Console.Error.WriteLine($"startup: run {run}: {e.GetType().Name}: {e.Message}");
        return 1;
    }

    if (ms is null)
    {
        return 1;
    }

    times.Add(ms.Value);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: {ms:F1} ms"));
}

times.Sort();
var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median_ms={median:F1} min_ms={times[0]:F1} max_ms={times[^1]:F1}"));
return 0;

static double? TimeOneStart(string exe, string[] exeArgs, HealthProbe probe, int timeoutMs, int run)
{
    var start = new ProcessStartInfo(exe)
    {
        UseShellExecute = false,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    foreach (var a in exeArgs)
    {
        start.ArgumentList.Add(a);
    }

    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {exe}");
    process.OutputDataReceived += static (_, _) => { };
    process.ErrorDataReceived += static (_, _) => { };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    var answered = false;
    while (clock.ElapsedMilliseconds < timeoutMs && !process.HasExited)
    {
        if (probe.AnswersOk())
        {
            answered = true;
            break;
        }

        Thread.Sleep(1);
    }

    var ms = clock.Elapsed.TotalMilliseconds;
    var exited = process.HasExited;
    if (!exited)
    {
        process.Kill(entireProcessTree: true);
    }

    process.WaitForExit();
    probe.WaitUntilClosed(TimeSpan.FromSeconds(10));
    if (!answered)
    {
        Console.Error.WriteLine(exited
            ? $"startup: run {run}: the process exited with code {process.ExitCode} before answering"
            : $"startup: run {run}: no 200 within {timeoutMs} ms");
        return null;
    }

    return ms;
}
