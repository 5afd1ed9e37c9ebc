using System.Text;

namespace ContractHarness.Contracts.Generator.Compat;

/// <summary>
/// <c>make compat BASE=REF</c>: what changed between two versions of the OpenAPI document and whether it breaks a
/// consumer of the older one (<see cref="CompatRules"/>). Exit code 1 when something breaks, else 0.
/// </summary>
internal sealed class CompatReport
{
    private const int OperationsShown = 4;

    private CompatReport(ApiDocument before, ApiDocument after, IReadOnlyList<CompatFinding> findings, IReadOnlyList<string> operations)
    {
        Before = before;
        After = after;
        Findings = findings;
        Operations = operations;
    }

    public ApiDocument Before { get; }

    public ApiDocument After { get; }

    /// <summary>Breaking findings first, then by place.</summary>
    public IReadOnlyList<CompatFinding> Findings { get; }

    /// <summary>The base document's operations, then those the head adds.</summary>
    public IReadOnlyList<string> Operations { get; }

    public IEnumerable<CompatFinding> Breaking => Findings.Where(f => f.Breaking);

    public int ExitCode => Breaking.Any() ? 1 : 0;

    public static CompatReport Compare(ApiDocument before, ApiDocument after)
    {
        var (found, operations) = new OperationComparer(before, after).Compare();
        // a component's findings are shared by the operations reaching it; one finding per rule, place and message
        var merged = new List<CompatFinding>();
        foreach (var group in found.Distinct().GroupBy(f => (f.Rule.Id, f.Location, f.Message)))
        {
            var first = group.First();
            var finding = new CompatFinding(first.Rule, first.Location, first.Message);
            finding.Operations.UnionWith(group.SelectMany(f => f.Operations));
            merged.Add(finding);
        }

        // where something breaks, the compatible side of the same change (a response enumeration narrowed where the
        // request one is too) only repeats it
        var breakingPlaces = merged.Where(f => f.Breaking).Select(f => f.Location).ToHashSet(StringComparer.Ordinal);
        var findings = merged.Where(f => f.Breaking || !breakingPlaces.Contains(f.Location))
            .OrderBy(f => f.Breaking ? 0 : 1).ThenBy(f => f.Location, StringComparer.Ordinal).ThenBy(f => f.Rule.Id, StringComparer.Ordinal).ToList();
        return new CompatReport(before, after, findings, operations);
    }

    public string Text()
    {
        var text = new StringBuilder();
        text.AppendLine($"Compatibility of {After.Name} (OpenAPI {After.Version}) with {Before.Name} (OpenAPI {Before.Version}):");
        foreach (var finding in Findings)
        {
            text.AppendLine($"{(finding.Breaking ? "breaking  " : "compatible")} {finding.Rule.Id,-26} {finding}");
            // a place inside one operation names it already
            if (finding.Operations.Count != 1 || !finding.Location.StartsWith(finding.Operations.Min!, StringComparison.Ordinal))
            {
                text.AppendLine($"{new string(' ', 11)}{"",-26} in {Reached(finding)}");
            }
        }

        var breaking = Breaking.Count();
        var compatible = Findings.Count - breaking;
        text.AppendLine(Findings.Count == 0 ? "No change to the operations, parameters, statuses or schemas."
            : breaking == 0 ? $"No breaking change ({compatible} compatible)."
            : $"{breaking} breaking change{(breaking == 1 ? string.Empty : "s")} ({compatible} compatible): consumers of {Before.Name} break.");
        return text.ToString();
    }

    /// <summary>The operations a finding reaches: the first few, and how many more.</summary>
    public static string Reached(CompatFinding finding)
    {
        var shown = string.Join(", ", finding.Operations.Take(OperationsShown));
        var more = finding.Operations.Count - OperationsShown;
        return more <= 0 ? shown : $"{shown} and {more} more operation{(more == 1 ? string.Empty : "s")}";
    }
}
