using ContractHarness.Contracts.Reporting;

namespace ContractHarness.Contracts.Generator;

/// <summary>
/// The JUnit report of <c>make drift JUNIT=FILE</c>: one test case per entity or carrier, failed when it has a type
/// disagreement (the one kind that fails the run), skipped when it could not be compared; the other differences
/// (enumeration members, properties only one side has) are its output.
/// </summary>
internal static class DriftJUnit
{
    public static JUnitReport From(DriftReport report)
    {
        var cases = report.Pairs.Select(Case).ToList();
        return new JUnitReport("make drift", [new JUnitSuite($"contracts against {report.VendorName}", cases)]);
    }

    private static JUnitCase Case(DriftPair pair)
    {
        var testCase = new JUnitCase("drift", pair.Theirs is null ? pair.Ours : $"{pair.Ours} = {pair.Theirs}");
        if (pair.NotCompared is { } why)
        {
            return testCase with { Skipped = why };
        }

        var details = string.Join("\n", pair.Lines.Select(l => l.Trim()));
        if (pair.TypeDisagreements == 0)
        {
            return testCase with { Output = details.Length == 0 ? null : details };
        }

        var types = pair.Lines.Select(l => l.Trim()).Where(l => l.StartsWith("type:", StringComparison.Ordinal)).Select(l => l["type:".Length..].Trim()).ToList();
        var message = $"{pair.TypeDisagreements} type disagreement{(pair.TypeDisagreements == 1 ? string.Empty : "s")}: {string.Join("; ", types)}";
        return testCase with { Failure = new JUnitProblem(message, "type-disagreement", details) };
    }
}
