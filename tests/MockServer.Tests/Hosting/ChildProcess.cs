using ContractHarness.TestSupport;
using System.Diagnostics;

namespace ContractHarness.MockServer.Tests.Hosting;

/// <summary>A command (make, a repository script) run to its end in the repository, with an environment the test decides.</summary>
internal static class ChildProcess
{
    /// <summary>
    /// Variables that would leak the surrounding run into the child: a make above this test (MAKEFLAGS carries its
    /// command-line variables), the mock's own settings, the PORT/HOST/ARGS of make mock.
    /// </summary>
    private static readonly string[] Inherited = ["MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "PORT", "HOST", "ARGS", "MOCK_AOT"];

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot.Path };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => Inherited.Contains(k) || k.StartsWith("CONTRACTHARNESS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Writes an executable bash script (a stand-in for dotnet, clang or the mock).</summary>
    public static string Script(string folder, string name, string body)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body + "\n");
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("make mock and its scripts run on Linux.");
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
