using System.Text;
using ContractHarness.TestSupport.Crash;
using ContractHarness.TestSupport.Fuzz;

namespace ContractHarness.Fuzz;

/// <summary>The one markdown table <c>make fuzz</c> prints, and the reproductions of whatever failed below it.</summary>
internal static class FuzzTable
{
    /// <summary>True when every must-be-zero figure is zero.</summary>
    public static bool Print(
        IReadOnlyList<FuzzTally> tallies, IReadOnlyList<(string Label, CrashTally Tally)> crashes, IReadOnlyList<(string Label, StorageFaultTally? Tally)> storage,
        int seed, TextWriter output)
    {
        var text = new StringBuilder();
        text.AppendLine($"Seed {seed} (replay with FUZZ_SEED={seed})");
        text.AppendLine();
        text.AppendLine("| category | requests | 5xx | refusals that changed state | 4xx without error body | hostile accepted | wrong refusal status | valid updates not applied | acknowledged updates lost |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var t in tallies)
        {
            text.AppendLine($"| {t.Category} | {t.Requests} | {t.Count(FuzzTally.ServerError)} | {t.Count(FuzzTally.ChangedOnRefusal)} | {t.Count(FuzzTally.BadErrorBody)} | " +
                $"{t.Count(FuzzTally.AcceptedHostile)} | {t.Count(FuzzTally.WrongRefusal)} | {t.Count(FuzzTally.UpdateNotApplied) + t.Count(FuzzTally.Unsendable)} | |");
        }

        foreach (var (label, crash) in crashes)
        {
            text.AppendLine($"| {label} ({crash.Rounds} rounds; {crash.Acknowledged} of these acknowledged) | {crash.Sent} | | | | | | | {crash.Lost} |");
        }

        var ran = storage.Where(s => s.Tally is not null).Select(s => s.Tally!).ToList();
        foreach (var (label, fault) in storage)
        {
            text.AppendLine(fault is null
                ? $"| storage fault: {label} | | | | | | | | |"
                : $"| storage fault: {label} ({fault.Refused} refused with 503, {fault.Acknowledged} acknowledged; stored again after {Seconds(fault.Recovery)}) | {fault.Sent} | " +
                  $"{ServerErrors(fault)} | {KeptRefusals(fault)} | | | | | {fault.Lost} |");
        }

        text.AppendLine($"| **total** | {tallies.Sum(t => t.Requests) + crashes.Sum(c => c.Tally.Sent) + ran.Sum(f => f.Sent)} | {tallies.Sum(t => t.Count(FuzzTally.ServerError)) + ran.Sum(ServerErrors)} | " +
            $"{tallies.Sum(t => t.Count(FuzzTally.ChangedOnRefusal)) + ran.Sum(KeptRefusals)} | {tallies.Sum(t => t.Count(FuzzTally.BadErrorBody))} | {tallies.Sum(t => t.Count(FuzzTally.AcceptedHostile))} | " +
            $"{tallies.Sum(t => t.Count(FuzzTally.WrongRefusal))} | {tallies.Sum(t => t.Count(FuzzTally.UpdateNotApplied) + t.Count(FuzzTally.Unsendable))} | {crashes.Sum(c => c.Tally.Lost) + ran.Sum(f => f.Lost)} |");
        foreach (var t in tallies.Where(t => t.Failures > 0))
        {
            text.AppendLine().Append(t.Explain());
        }

        foreach (var (label, crash) in crashes)
        {
            foreach (var problem in crash.Problems.Take(5))
            {
                text.AppendLine($"- {label}: {problem}");
            }
        }

        foreach (var fault in ran)
        {
            foreach (var problem in fault.Problems.Take(5))
            {
                text.AppendLine($"- storage fault, {fault.Name}: {problem}");
            }
        }

        output.Write(text.ToString());
        return tallies.All(t => t.Failures == 0) && crashes.All(c => c.Tally.Problems.Count == 0) && ran.All(f => f.Problems.Count == 0);
    }

    /// <summary>Server errors other than the storage's 503.</summary>
    private static int ServerErrors(StorageFaultTally fault) => fault.Unexpected.Where(u => u.Key >= 500).Sum(u => u.Value);

    /// <summary>Entities found holding the value of a refused update, read live or after the restart.</summary>
    private static int KeptRefusals(StorageFaultTally fault) => fault.Problems.Count(p => p.Contains("refused with", StringComparison.Ordinal));

    private static string Seconds(TimeSpan? time) => time is { } t ? $"{t.TotalSeconds:0.0} s" : "never";
}
