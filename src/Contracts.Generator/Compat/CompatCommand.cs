using ContractHarness.Contracts.Reporting;

namespace ContractHarness.Contracts.Generator.Compat;

/// <summary>
/// <c>compat --base FILE [--base-name NAME] [--head FILE] [--head-name NAME] [--junit FILE]</c>, the program behind
/// <c>make compat BASE=REF</c> (which takes the base document out of git). Prints the report; returns 1 when a change
/// breaks a consumer of the base document, 0 otherwise, 2 when it cannot compare (the program prints the error).
/// </summary>
internal static class CompatCommand
{
    public const string Usage = "usage: ContractHarness.Contracts.Generator compat --base FILE [--base-name NAME] [--head contracts/openapi.json] [--head-name NAME] [--junit FILE]";

    public static int Run(Func<string, string?> option, TextWriter output, TextWriter error)
    {
        if (option("--base") is not { Length: > 0 } basePath)
        {
            error.WriteLine(Usage);
            return 2;
        }

        var headPath = option("--head") ?? Path.Combine("contracts", "openapi.json");
        var before = ApiDocument.Read(basePath, option("--base-name"));
        var after = ApiDocument.Read(headPath, option("--head-name"));
        var report = CompatReport.Compare(before, after);
        output.Write(report.Text());
        if (option("--junit") is { Length: > 0 } junit)
        {
            JUnitWriter.Write(junit, CompatJUnit.From(report));
            output.WriteLine($"JUnit report: {junit}");
        }

        return report.ExitCode;
    }
}
