using System.Diagnostics;

namespace ContractHarness.TestSupport;

/// <summary>
/// Runs one of the pinned npm tools (installed into node_modules by the build's <c>npm ci</c>) from the repository
/// root: a script under tools/ through <c>node</c>, or a command of node_modules/.bin.
/// </summary>
public static class NodeTool
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string Output => Stdout + Stderr;
    }

    /// <summary>Runs <c>node tools/<paramref name="script"/></c> with <paramref name="arguments"/>, feeding <paramref name="stdin"/>.</summary>
    public static Result Script(string script, IEnumerable<string> arguments, string? stdin = null) =>
        Run("node", [RepoRoot.Combine("tools", script), .. arguments], stdin);

    /// <summary>Runs node_modules/.bin/<paramref name="command"/> with <paramref name="arguments"/>.</summary>
    public static Result Bin(string command, IEnumerable<string> arguments)
    {
        var path = RepoRoot.Combine("node_modules", ".bin", command);
        return File.Exists(path)
            ? Run(path, arguments, stdin: null)
            : throw new InvalidOperationException($"{command} is not installed at {path}: run 'make test' (it runs npm ci) or 'npm ci'.");
    }

    private static Result Run(string program, IEnumerable<string> arguments, string? stdin)
    {
        if (!Directory.Exists(RepoRoot.Combine("node_modules")))
        {
            throw new InvalidOperationException("node_modules is missing: run 'make test' (it runs npm ci) or 'npm ci'.");
        }

        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoRoot.Path,
        };
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} did not finish in 2 minutes.");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
