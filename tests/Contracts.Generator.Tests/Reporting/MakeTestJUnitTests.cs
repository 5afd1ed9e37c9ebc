using System.Diagnostics;
using System.Text.RegularExpressions;
using ContractHarness.Contracts.Generator.Tests.Support;
using ContractHarness.TestSupport;

namespace ContractHarness.Contracts.Generator.Tests.Reporting;

/// <summary>
/// <c>make test</c>'s JUnit files: the logger argument its recipe passes to <c>dotnet test</c>, run on this very test
/// assembly (one fast test), writes a JUnit file per assembly, and the summary line tools/test-summary.sh reads is
/// still printed.
/// </summary>
public sealed partial class MakeTestJUnitTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task TheRecipesLogger_WritesOneFilePerAssembly_AndTheSummaryStillCounts()
    {
        var recipe = (await RunAsync("make", ["-n", "--no-print-directory", "-C", RepoRoot.Path, "test"])).Output;
        var logger = LoggerArgument().Match(recipe);
        logger.Success.Should().BeTrue($"make test passes a JUnit logger to dotnet test:\n{recipe}");
        logger.Groups[1].Value.Should().Be(Path.Combine(RepoRoot.Path, ".artifacts", "test-results") + "/{assembly}.junit.xml");
        recipe.Should().Contain("rm -rf .artifacts/test-results").And.Contain("tools/test-summary.sh");

        var assembly = typeof(MakeTestJUnitTests).Assembly.Location;
        var logPath = Path.Combine(_temp.Path, "{assembly}.junit.xml");
        var run = await RunAsync("dotnet", ["test", assembly, "--filter", $"FullyQualifiedName={typeof(JUnitWriterTests).FullName}.{nameof(JUnitWriterTests.Counts_OnTheRootAndEverySuite_FollowTheCases)}",
            "--logger", $"junit;LogFilePath={logPath}"]);

        run.ExitCode.Should().Be(0, run.Output);
        var xml = JUnitXml.Read(_temp.Combine("ContractHarness.Contracts.Generator.Tests.junit.xml"));
        xml.Tests.Should().Be(1);
        xml.Cases.Single().ClassName.Should().Be(typeof(JUnitWriterTests).FullName);
        var log = _temp.Combine("test-output.log");
        await File.WriteAllTextAsync(log, run.Output);
        (await RunAsync(RepoRoot.Combine("tools", "test-summary.sh"), [log])).Output.Should().Be("1 passed, 0 failed, 0 skipped\n");
    }

    [GeneratedRegex("""--logger "junit;LogFilePath=([^"]+)" 2>&1 \| tee \.stamps/test-output\.log""")]
    private static partial Regex LoggerArgument();

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot.Path };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
