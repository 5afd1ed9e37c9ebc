using System.Diagnostics;
using ContractHarness.Contracts.Generator.Tests.Support;
using ContractHarness.TestSupport;

namespace ContractHarness.Contracts.Generator.Tests.Compat;

/// <summary>
/// The generator's <c>compat</c> command as <c>make compat</c> runs it, on the committed fixture pairs: exit codes,
/// the places it names and the JUnit file (one case per operation).
/// </summary>
public sealed class CompatCommandTests : IDisposable
{
    private static readonly string Fixtures = RepoRoot.Combine("tests", "Contracts.Generator.Tests", "Compat", "fixtures");

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ARemovedProperty_ExitsOne_NamesThePath_AndFailsTheOperationThatAnswersIt()
    {
        var junit = _temp.Combine("compat.xml");

        var (exitCode, output, _) = await CompatAsync("removed-property.json", "--junit", junit);

        exitCode.Should().Be(1, output);
        output.Should().Contain("breaking   property-removed           Report.Title: the property is gone")
            .And.Contain("in GET /reports/{id}")
            .And.Contain("1 breaking change (0 compatible)");
        var xml = JUnitXml.Read(junit);
        xml.Should().BeEquivalentTo(new { Tests = 3, Failures = 1, Errors = 0 });
        xml.Cases.Select(c => c.Name).Should().Equal("GET /reports/{id}", "PATCH /items/{id}", "PUT /links/{id}");
        var failed = xml.Cases.Single(c => c.Outcome == "failure");
        failed.Should().BeEquivalentTo(new { Name = "GET /reports/{id}", Type = "breaking-change", Message = "property-removed: Report.Title: the property is gone" });
    }

    [Fact]
    public async Task AnAdditiveChange_ExitsZero_AndItsCasesPassWithTheChangesAsOutput()
    {
        var junit = _temp.Combine("compat.xml");

        var (exitCode, output, _) = await CompatAsync("additive.json", "--junit", junit);

        exitCode.Should().Be(0, output);
        output.Should().Contain("compatible operation-added            DELETE /reports/{id}: new operation")
            .And.Contain("compatible property-added             LinkRequest.Comment: new property")
            .And.Contain("No breaking change (4 compatible).");
        var xml = JUnitXml.Read(junit);
        xml.Should().BeEquivalentTo(new { Tests = 4, Failures = 0 });
        xml.Cases.Select(c => c.Name).Should().Equal("GET /reports/{id}", "PATCH /items/{id}", "PUT /links/{id}", "DELETE /reports/{id}");
        xml.Cases.Single(c => c.Name == "PATCH /items/{id}").SystemOut.Should().Be("status-added: PATCH /items/{id} 409: new status 409");
    }

    [Fact]
    public async Task ADocumentThatIsNoOpenApi3_ExitsTwo_WithOneLine()
    {
        var notOpenApi = _temp.Combine("swagger.json");
        await File.WriteAllTextAsync(notOpenApi, """{"swagger": "2.0", "paths": {}}""");

        var (exitCode, _, error) = await RunAsync("compat", "--base", notOpenApi, "--head", Path.Combine(Fixtures, "base.json"));

        exitCode.Should().Be(2);
        error.Should().Be($"error: {notOpenApi}: not an OpenAPI 3 document (no \"openapi\": \"3.x\" and \"paths\").\n");
    }

    [Fact]
    public async Task WithoutABase_ExitsTwo_WithTheUsage()
    {
        var (exitCode, _, error) = await RunAsync("compat");

        exitCode.Should().Be(2);
        error.Should().StartWith("usage: ContractHarness.Contracts.Generator compat --base FILE");
    }

    private static Task<(int ExitCode, string Output, string Error)> CompatAsync(string head, params string[] more) =>
        RunAsync(["compat", "--base", Path.Combine(Fixtures, "base.json"), "--head", Path.Combine(Fixtures, head), .. more]);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ContractHarness.Contracts.Generator.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoRoot.Path,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
