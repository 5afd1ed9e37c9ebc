using ContractHarness.Contracts.Reporting;

namespace ContractHarness.Contracts.Generator.Compat;

/// <summary>
/// The JUnit report of <c>make compat JUNIT=FILE</c>: one test case per operation (those of the base document, then
/// the new ones), failed when a breaking change reaches it, with the compatible changes as its output. Names stay
/// the same from run to run, so a CI page can follow an operation's history.
/// </summary>
internal static class CompatJUnit
{
    public static JUnitReport From(CompatReport report)
    {
        var cases = report.Operations.Select(operation => Case(operation, report.Findings.Where(f => f.Operations.Contains(operation)).ToList())).ToList();
        return new JUnitReport("make compat", [new JUnitSuite($"{report.After.Name} against {report.Before.Name}", cases)]);
    }

    private static JUnitCase Case(string operation, List<CompatFinding> findings)
    {
        var testCase = new JUnitCase("compat", operation);
        var compatible = string.Join("\n", findings.Where(f => !f.Breaking).Select(Line));
        if (compatible.Length > 0)
        {
            testCase = testCase with { Output = compatible };
        }

        var breaking = findings.Where(f => f.Breaking).ToList();
        if (breaking.Count == 0)
        {
            return testCase;
        }

        var message = $"{breaking[0].Rule.Id}: {breaking[0]}{(breaking.Count == 1 ? string.Empty : $" (and {breaking.Count - 1} more)")}";
        return testCase with { Failure = new JUnitProblem(message, "breaking-change", string.Join("\n", breaking.Select(Line))) };
    }

    private static string Line(CompatFinding finding) => $"{finding.Rule.Id}: {finding}";
}
