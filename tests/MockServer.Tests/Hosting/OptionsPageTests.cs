using ContractHarness.MockServer.Hosting;

namespace ContractHarness.MockServer.Tests.Hosting;

/// <summary>docs/options.md is made from the parser's option table; <c>make docs</c> writes it again.</summary>
public sealed class OptionsPageTests
{
    private static readonly string Page = RepoRoot.Combine("docs", "options.md");

    [Fact]
    public void TheOptionsPage_IsTheParsersTable()
    {
        if (Environment.GetEnvironmentVariable("CONTRACTHARNESS_WRITE_DOCS") == "1")
        {
            File.WriteAllText(Page, MockServerOptionsParser.Markdown());
        }

        File.ReadAllText(Page).ReplaceLineEndings("\n").Should().Be(MockServerOptionsParser.Markdown(),
            "docs/options.md is generated from the option table: run 'make docs' after changing an option");
    }

    [Fact]
    public void EveryOptionHelpPrints_IsOnTheOptionsPage()
    {
        var page = File.ReadAllText(Page);
        var flags = MockServerOptionsParser.Help().Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("--", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[0]).ToList();

        flags.Should().HaveCountGreaterThan(15);
        flags.Should().OnlyContain(flag => page.Contains($"`{flag} ", StringComparison.Ordinal) || page.Contains($"`{flag}`", StringComparison.Ordinal));
    }

    [Fact]
    public void ThePrecedenceRule_IsWrittenOnce_InTheParser()
    {
        var elsewhere = new[] { "README.md", "Makefile" }.Concat(Directory.GetFiles(RepoRoot.Combine("docs"), "*.md").Select(f => Path.GetRelativePath(RepoRoot.Path, f)))
            .Where(f => f != Path.Combine("docs", "options.md"))
            .Where(f => File.ReadAllText(RepoRoot.Combine(f)).Contains("> the defaults", StringComparison.Ordinal));

        elsewhere.Should().BeEmpty("the precedence rule lives in MockServerOptionsParser.Precedence and the page made from it; link to docs/options.md instead");
    }
}
