using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using ContractHarness.TestSupport.Fuzz;

namespace ContractHarness.TestSupport.Crash;

/// <summary>The figures of one storage-fault run and what broke, for the test's message and the <c>make fuzz</c> table.</summary>
internal sealed class StorageFaultTally(string name)
{
    public string Name { get; } = name;

    public int Sent { get; set; }

    public int Acknowledged { get; set; }

    public int Refused { get; set; }

    /// <summary>Answers other than 200 and 503 (a 500 above all), by status.</summary>
    public Dictionary<int, int> Unexpected { get; } = [];

    public int RefusedWithoutRetryAfter { get; set; }

    /// <summary>The health's status read while updates were refused, and once one was stored again.</summary>
    public string? HealthDuringFault { get; set; }

    public string? HealthAfter { get; set; }

    /// <summary>From the end of the fault to the first update stored after it.</summary>
    public TimeSpan? Recovery { get; set; }

    public int Lost { get; set; }

    public List<string> Problems { get; } = [];
}

/// <summary>
/// Concurrent writers (those of the crash test) against the mock as a child process on a data folder; a storage fault
/// is caused for real, held until updates are refused (and the health is read), then ended; the writers go on until an
/// update sent after the end is stored. What must hold: every answer is a 200 or a 503 with <c>Retry-After</c>; the
/// health says <c>Degraded</c> during the fault and <c>Healthy</c> after; an update is stored again within
/// <see cref="RecoveryLimit"/> of the end, without a restart; and, read live and again after a SIGKILL and a restart,
/// every entity holds its last acknowledged value (or a later one's) and never a refused one.
/// </summary>
internal sealed class StorageFaultRun(IReadOnlyList<FuzzTarget> targets, string dataDirectory, int seed)
{
    public static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(20);
    private const int Writers = 6;

    public async Task<StorageFaultTally> RunAsync(StorageFaultScenario fault)
    {
        var tally = new StorageFaultTally(fault.Name);
        var crash = new KillRestartRun(targets, dataDirectory, seed, deepValues: false);
        var entities = crash.Entities();
        fault.Prepare(dataDirectory);
        var mock = await MockProcess.StartAsync(dataDirectory);
        try
        {
            var baseline = await KillRestartRun.ReadAsync(mock, entities);
            var writes = new ConcurrentQueue<CrashWrite>();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, Writers).Select(w => crash.WriteAsync(mock.BaseAddress, entities, 0, w, writes, stop.Token)).ToArray();
            try
            {
                await KillRestartRun.FirstAcknowledgementAsync(writes);
                await fault.CauseAsync(dataDirectory);
                if (fault.Refuses)
                {
                    if (!await UntilAsync(() => writes.Any(w => w.Status == 503), TimeSpan.FromSeconds(30)))
                    {
                        tally.Problems.Add("no update was refused with 503 while the fault lasted");
                    }

                    tally.HealthDuringFault = await HealthAsync(mock);
                }
                else
                {
                    await Task.Delay(300);
                }

                var ended = crash.Tick();
                await fault.HealAsync(dataDirectory);
                var clock = Stopwatch.StartNew();
                if (await UntilAsync(() => writes.Any(w => w.IsAcknowledged && w.Sent > ended), RecoveryLimit))
                {
                    tally.Recovery = clock.Elapsed;
                }
                else
                {
                    tally.Problems.Add($"no update was stored within {RecoveryLimit.TotalSeconds} s of the fault's end");
                }

                tally.HealthAfter = await HealthAsync(mock);
            }
            finally
            {
                await stop.CancelAsync();
                await Task.WhenAll(writers);
            }

            Count(writes, tally);
            var live = new CrashTally();
            KillRestartRun.Judge(0, entities, baseline, await KillRestartRun.ReadAsync(mock, entities), writes, live);
            await mock.KillAsync();
            await mock.DisposeAsync();
            mock = await MockProcess.StartAsync(dataDirectory);
            var restarted = new CrashTally();
            KillRestartRun.Judge(0, entities, baseline, await KillRestartRun.ReadAsync(mock, entities), writes, restarted);
            tally.Lost = live.Lost + restarted.Lost;
            tally.Problems.AddRange(live.Problems.Select(p => $"read live: {p}"));
            tally.Problems.AddRange(restarted.Problems.Select(p => $"after a restart: {p}"));
            Expect(tally, fault);
        }
        finally
        {
            await mock.DisposeAsync();
            fault.Dispose();
        }

        return tally;
    }

    private static void Count(ConcurrentQueue<CrashWrite> writes, StorageFaultTally tally)
    {
        foreach (var write in writes)
        {
            tally.Sent++;
            switch (write.Status)
            {
                case 200:
                    tally.Acknowledged++;
                    break;
                case 503:
                    tally.Refused++;
                    tally.RefusedWithoutRetryAfter += write.RetryAfter is null ? 1 : 0;
                    break;
                default:
                    tally.Unexpected[write.Status] = tally.Unexpected.GetValueOrDefault(write.Status) + 1;
                    break;
            }
        }
    }

    private static void Expect(StorageFaultTally tally, StorageFaultScenario fault)
    {
        foreach (var (status, count) in tally.Unexpected)
        {
            tally.Problems.Add($"{count} update(s) answered {(status == 0 ? "nothing" : status)}: only 200 and 503 are expected");
        }

        if (tally.RefusedWithoutRetryAfter > 0)
        {
            tally.Problems.Add($"{tally.RefusedWithoutRetryAfter} of {tally.Refused} 503s had no Retry-After");
        }

        if (fault.Refuses && tally.HealthDuringFault != "Degraded")
        {
            tally.Problems.Add($"the health said '{tally.HealthDuringFault}' while updates were refused, not 'Degraded'");
        }

        if (tally.HealthAfter != "Healthy")
        {
            tally.Problems.Add($"the health said '{tally.HealthAfter}' once updates were stored again, not 'Healthy'");
        }
    }

    private static async Task<string?> HealthAsync(MockProcess mock)
    {
        using var client = new HttpClient { BaseAddress = mock.BaseAddress };
        using var response = await client.GetAsync("__admin/health");
        var status = RawJson.Parse(await response.Content.ReadAsStringAsync())?["status"]?.GetValue<string>();
        return (int)response.StatusCode == 200 ? status : $"{status} with HTTP {(int)response.StatusCode}";
    }

    private static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }
}
