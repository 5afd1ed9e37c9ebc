using System.Diagnostics;
using ContractHarness.Contracts.Generator.Tests.Support;
using ContractHarness.TestSupport;

namespace ContractHarness.Contracts.Generator.Tests.Compat;

/// <summary>
/// <c>make compat BASE=REF</c>'s own part: it takes contracts/openapi.json at the ref out of git and hands it, with the
/// working tree's, to the compat command (here a stand-in for dotnet that keeps what it was given).
/// </summary>
public sealed class MakeCompatTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task TheDocumentAtTheRef_AndTheWorkingTreesOne_ReachTheCommand_WithJUnit()
    {
        var (exitCode, output, error) = await MakeAsync("BASE=HEAD", $"JUNIT={_temp.Combine("c.xml")}");

        exitCode.Should().Be(0, error);
        var arguments = await File.ReadAllLinesAsync(_temp.Combine("arguments"));
        arguments.Should().ContainInOrder("compat", "--base").And.ContainInOrder("--base-name", "contracts/openapi.json at HEAD")
            .And.ContainInOrder("--head", "contracts/openapi.json").And.ContainInOrder("--junit", _temp.Combine("c.xml"));
        (await File.ReadAllTextAsync(_temp.Combine("base.json"))).Should().Be((await GitAsync("show", "HEAD:contracts/openapi.json")).Output);
        output.Should().BeEmpty();
    }

    [Fact]
    public async Task WithoutBase_ExitsTwo_SayingWhatToSet()
    {
        var (exitCode, _, error) = await MakeAsync();

        exitCode.Should().Be(2);
        error.Should().Contain("BASE is not set: name the git ref to compare with, e.g. make compat BASE=origin/main");
        File.Exists(_temp.Combine("arguments")).Should().BeFalse("the command never ran");
    }

    [Fact]
    public async Task ARefGitDoesNotKnow_ExitsTwo_NamingIt()
    {
        var (exitCode, _, error) = await MakeAsync("BASE=no-such-ref-anywhere");

        exitCode.Should().Be(2);
        error.Should().Contain("compat: no contracts/openapi.json at git ref 'no-such-ref-anywhere'");
        File.Exists(_temp.Combine("arguments")).Should().BeFalse();
    }

    /// <summary>Runs make compat with a stand-in DOTNET that writes its arguments and a copy of the --base file into the temp folder.</summary>
    private async Task<(int ExitCode, string Output, string Error)> MakeAsync(params string[] variables)
    {
        var stub = _temp.Combine("dotnet");
        await File.WriteAllTextAsync(stub, $$"""
            #!/usr/bin/env bash
            printf '%s\n' "$@" > '{{_temp.Combine("arguments")}}'
            while [ $# -gt 0 ]; do [ "$1" = --base ] && cp "$2" '{{_temp.Combine("base.json")}}'; shift; done
            """);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("make compat runs on Linux.");
        }

        File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return await RunAsync("make", ["--no-print-directory", "-s", "-C", RepoRoot.Path, "compat", $"DOTNET={stub}", .. variables]);
    }

    private static Task<(int ExitCode, string Output, string Error)> GitAsync(params string[] arguments) => RunAsync("git", ["-C", RepoRoot.Path, .. arguments]);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment.Remove("BASE");
        start.Environment.Remove("JUNIT");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
