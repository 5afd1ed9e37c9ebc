using ContractHarness.Contracts.Generator.Compat;
using ContractHarness.TestSupport;

namespace ContractHarness.Contracts.Generator.Tests.Compat;

/// <summary>docs/ci.md states the rules of make compat: one table row per rule, breaking or not as the code decides.</summary>
public sealed class CompatDocsTests
{
    [Fact]
    public void EveryRule_HasItsRowInDocsCi()
    {
        var rows = File.ReadAllLines(RepoRoot.Combine("docs", "ci.md")).Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();

        foreach (var rule in CompatRules.All)
        {
            rows.Should().ContainSingle(r => r.StartsWith($"| `{rule.Id}` | {(rule.Breaking ? "breaks" : "compatible")} |", StringComparison.Ordinal),
                $"docs/ci.md should list {rule.Id} as {(rule.Breaking ? "breaks" : "compatible")}");
        }
    }
}
