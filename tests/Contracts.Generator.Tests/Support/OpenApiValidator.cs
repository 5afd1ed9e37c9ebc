using ContractHarness.TestSupport;

namespace ContractHarness.Contracts.Generator.Tests.Support;

/// <summary>The npm tools that check an OpenAPI document: swagger-parser (tools/validate-openapi.mjs) and Redocly CLI's lint.</summary>
internal static class OpenApiValidator
{
    public static (int ExitCode, string Output) Validate(string documentPath)
    {
        var result = NodeTool.Script("validate-openapi.mjs", [documentPath]);
        return (result.ExitCode, result.Output);
    }

    /// <summary><c>redocly lint</c> with the rules of tools/redocly.yaml, as <c>make lint-openapi</c> runs it.</summary>
    public static (int ExitCode, string Output) Lint(string documentPath)
    {
        var result = NodeTool.Bin("redocly", ["lint", "--config", RepoRoot.Combine("tools", "redocly.yaml"), documentPath]);
        return (result.ExitCode, result.Output);
    }
}
