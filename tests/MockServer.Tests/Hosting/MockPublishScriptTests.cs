using ContractHarness.TestSupport;

namespace ContractHarness.MockServer.Tests.Hosting;

/// <summary>
/// tools/mock-publish.sh with a stand-in dotnet whose publish takes a few seconds: it says what it builds and how long
/// that takes before it starts, then a progress line each second (MOCK_PROGRESS_SECONDS=1), instead of silence.
/// </summary>
public sealed class MockPublishScriptTests : IDisposable
{
    private static readonly string Script = RepoRoot.Combine("tools", "mock-publish.sh");
    private readonly string _folder = Directory.CreateTempSubdirectory("mock-publish-").FullName;
    private readonly Dictionary<string, string> _environment;

    public MockPublishScriptTests()
    {
        // A publish in three steps of 1.2 s each, leaving an executable where -o says; PUBLISH_FAILS makes it fail.
        var dotnet = ChildProcess.Script(_folder, "dotnet", """
            [[ $1 == --version ]] && { echo 10.0.100; exit 0; }
            while [[ $# -gt 0 && $1 != -o ]]; do shift; done; out=$2
            echo "  Determining projects to restore..."; sleep 1.2
            echo "  ContractHarness.Contracts -> /x/ContractHarness.Contracts.dll"; sleep 1.2
            [[ -n ${PUBLISH_FAILS:-} ]] && { echo "Program.cs(1,1): error CS1002: ; expected [x.csproj]"; exit 1; }
            echo "  Generating native code"; sleep 1.2
            mkdir -p "$out" && printf '#!/bin/sh\n' >"$out/ContractHarness.MockServer.Tool" && chmod +x "$out/ContractHarness.MockServer.Tool"
            """);
        var bin = Directory.CreateDirectory(Path.Combine(_folder, "bin")).FullName;
        ChildProcess.Script(bin, "clang", "exit 0"); // the native path needs a clang on PATH; the stand-in dotnet never calls it
        _environment = new()
        {
            ["DOTNET"] = dotnet,
            ["MOCK_ARTIFACTS"] = Path.Combine(_folder, "artifacts"),
            ["MOCK_PROGRESS_SECONDS"] = "1",
            ["MOCK_INSTALL_TOOLCHAIN"] = "0",
            ["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}",
        };
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task FirstJitBuild_SaysWhatItDoesFirst_ThenPrintsProgress_ThenTheLastDurationNextTime()
    {
        _environment["MOCK_AOT"] = "0";

        var (exitCode, output, error) = await ChildProcess.RunAsync(Script, [], _environment);

        exitCode.Should().Be(0, error);
        output.Trim().Should().Be(Path.Combine(_folder, "artifacts", "mock", "ContractHarness.MockServer.Tool"));
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("mock: building the ReadyToRun JIT mock").And.Contain("first time: about 1 minute on 2 cores").And.EndWith("...");
        lines.Where(l => l.Contains("still building: ", StringComparison.Ordinal)).Should().HaveCountGreaterThanOrEqualTo(2)
            .And.Contain(l => l.Contains("s, compiled ContractHarness.Contracts", StringComparison.Ordinal));
        lines[^1].Should().MatchRegex(@"^mock: JIT build ready \(\d+ s\)$");

        var (_, _, again) = await ChildProcess.RunAsync(Script, [], _environment);
        again.Should().MatchRegex(@"the last build here took \d+ s").And.NotContain("first time");
    }

    [Fact]
    public async Task FirstNativeBuild_SaysItIsMinutes_NamesTheNativeStep_AndIsSkippedWhileNothingChanged()
    {
        var (exitCode, output, error) = await ChildProcess.RunAsync(Script, [], _environment);

        exitCode.Should().Be(0, error);
        if (!File.Exists("/usr/include/zlib.h"))
        {
            // Without zlib's headers (and no install allowed) the native build cannot link: the script says so and builds the JIT one.
            error.Should().Contain("falling back: the C toolchain of the Native AOT build is missing");
            return;
        }

        output.Trim().Should().Be(Path.Combine(_folder, "artifacts", "mock-aot", "ContractHarness.MockServer.Tool"));
        error.Should().StartWith("mock: building the native mock").And.Contain("(first time: 3 to 4 minutes on 2 cores; later builds are incremental")
            .And.Contain("s, generating native code (the longest step)").And.MatchRegex(@"native build ready \(\d+ s\)");

        var (_, _, again) = await ChildProcess.RunAsync(Script, [], _environment);
        again.Trim().Should().Be($"mock: the Native AOT build in {Path.Combine(_folder, "artifacts", "mock-aot")} is up to date");
    }

    [Fact]
    public async Task FailedPublish_ShowsTheCompilerError_AndFails()
    {
        _environment["MOCK_AOT"] = "0";
        _environment["PUBLISH_FAILS"] = "1";

        var (exitCode, output, error) = await ChildProcess.RunAsync(Script, [], _environment);

        exitCode.Should().Be(1);
        output.Should().BeEmpty("there is no program to run");
        error.Should().Contain("error CS1002: ; expected").And.Contain("the JIT publish failed after").And.Contain("mock-jit.log");
    }
}
