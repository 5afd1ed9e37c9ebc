using System.Diagnostics;

namespace ContractHarness.ContractTests.ProviderVerifier;

/// <summary>The program behind `make verify-provider`: exit codes and messages when it cannot run.</summary>
[Collection(Support.PactCollection.Name)]
public sealed class ProgramTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "ContractHarness.ProviderVerifier.dll"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var name in new[] { "PROVIDER_BASE_URL", "PROVIDER_AUTH", "PROVIDER_STATE_URL", "PROVIDER_STATES", "PACT_FILE", "PACT_DIR", "JUNIT" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task WithoutABaseUrl_ExitsTwo_WithOneLine()
    {
        var (exitCode, _, error) = await RunAsync();

        exitCode.Should().Be(2);
        error.Trim().Should().StartWith("error: PROVIDER_BASE_URL must be set").And.NotContain("   at ");
    }

    [Fact]
    public async Task WithARelativeStateUrl_ExitsTwo_WithOneLine()
    {
        var (exitCode, _, error) = await RunAsync(("PROVIDER_BASE_URL", "http://127.0.0.1:9"), ("PROVIDER_STATE_URL", "states"));

        exitCode.Should().Be(2);
        error.Trim().Should().StartWith("error: PROVIDER_STATE_URL must be an absolute URL").And.NotContain("   at ");
    }

    [Fact]
    public async Task WithNothingListening_SaysSoInOneLine_AndDoesNotRunTheEngine()
    {
        var pact = Path.Combine(RepoPaths.Pacts, Consumer.ConsumerInteractions.PactFileName);

        var (exitCode, output, error) = await RunAsync(("PROVIDER_BASE_URL", "http://127.0.0.1:9"), ("PACT_FILE", pact));

        exitCode.Should().Be(3);
        error.Should().Be($"nothing is listening at http://127.0.0.1:9/: start the mock with `make mock` or set PROVIDER_BASE_URL{Environment.NewLine}");
        output.Should().BeEmpty("the engine, whose report (\"setup state change handlers has failed\", once per interaction) goes here, never ran");
    }

    [Fact]
    public async Task WithNothingListening_AndJUNIT_WritesTheReportOfOneErroredCase()
    {
        var report = Path.Combine(Path.GetTempPath(), $"verify-{Guid.NewGuid():N}.xml");
        try
        {
            var (exitCode, _, _) = await RunAsync(("PROVIDER_BASE_URL", "http://127.0.0.1:9"), ("PACT_DIR", RepoPaths.Pacts), ("JUNIT", report));

            exitCode.Should().Be(3);
            var xml = JUnitXml.Read(report);
            xml.Errors.Should().Be(1);
            xml.Cases.Single().Message.Should().StartWith("nothing is listening at http://127.0.0.1:9/");
        }
        finally
        {
            File.Delete(report);
        }
    }
}
