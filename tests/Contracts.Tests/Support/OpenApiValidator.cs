using System.Diagnostics;

namespace ContractHarness.Contracts.Tests.Support;

/// <summary>Runs tools/validate-openapi.mjs (swagger-parser, installed by the build's npm step) on a document.</summary>
internal static class OpenApiValidator
{
    public static (int ExitCode, string Output) Validate(string documentPath)
    {
        var script = Path.Combine(RepoPaths.Root, "tools", "validate-openapi.mjs");
        var parser = Path.Combine(RepoPaths.Root, "node_modules", "@apidevtools", "swagger-parser");
        if (!Directory.Exists(parser))
        {
            throw new InvalidOperationException($"swagger-parser is not installed at {parser}: run 'make test' (it runs npm ci) or 'npm ci'.");
        }

        var start = new ProcessStartInfo("node", [script, documentPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("OpenAPI validation did not finish in 2 minutes.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
