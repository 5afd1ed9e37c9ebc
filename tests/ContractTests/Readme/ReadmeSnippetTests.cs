using System.Text.RegularExpressions;
using ContractHarness.TestSupport;

namespace ContractHarness.ContractTests.Readme;

/// <summary>
/// Every C# block of the README and of the pages in <c>docs/</c> is a copy of a block of the examples in a
/// <c>tests/*/Readme</c> folder (between <c>// README: name</c> and <c>// README: end</c>, or <c>// docs: name</c> and
/// <c>// docs: end</c>), so it compiles, and every example block is in one of them. To change an example, edit it here
/// and paste it into the page.
/// </summary>
public sealed partial class ReadmeSnippetTests
{
    [Fact]
    public void EveryCSharpBlockOfTheReadmeAndDocs_IsACompiledExample()
    {
        var examples = Examples();
        var blocks = PageBlocks();

        blocks.Should().NotBeEmpty();
        foreach (var block in blocks)
        {
            examples.Values.Should().Contain(block, "the C# blocks of the README and docs/ are copies of tests/*/Readme examples");
        }
    }

    [Fact]
    public void EveryExample_IsInTheReadmeOrDocs()
    {
        var blocks = PageBlocks();

        foreach (var (name, example) in Examples())
        {
            blocks.Should().Contain(example, $"the example '{name}' belongs in the README or a page in docs/");
        }
    }

    private static List<string> PageBlocks() =>
        [.. Directory.GetFiles(Path.Combine(RepoRoot.Path, "docs"), "*.md").Prepend(Path.Combine(RepoRoot.Path, "README.md"))
            .SelectMany(page => CSharpBlock().Matches(File.ReadAllText(page).ReplaceLineEndings("\n")))
            .Select(m => m.Groups[1].Value)];

    private static Dictionary<string, string> Examples()
    {
        var examples = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetDirectories(Path.Combine(RepoRoot.Path, "tests"), "Readme", SearchOption.AllDirectories)
            .SelectMany(folder => Directory.GetFiles(folder, "*Example*.cs")))
        {
            foreach (Match match in ExampleBlock().Matches(File.ReadAllText(file).ReplaceLineEndings("\n")))
            {
                examples.Add(match.Groups[3].Value, Dedent(match.Groups[4].Value));
            }
        }

        return examples;
    }

    /// <summary>Removes the indentation of the block's marker line from every line.</summary>
    private static string Dedent(string block)
    {
        var lines = block.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [GeneratedRegex("```csharp\n(.*?\n)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"\n([ ]*)// (README|docs): ([^\n]+)\n(.*?\n)[ ]*// \2: end\n", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();
}
