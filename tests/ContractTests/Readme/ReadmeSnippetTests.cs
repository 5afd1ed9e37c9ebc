using System.Text.RegularExpressions;
using ContractHarness.TestSupport;

namespace ContractHarness.ContractTests.Readme;

/// <summary>
/// Every C# block of the README is a copy of a block of the examples in a <c>tests/*/Readme</c> folder (between <c>// README: name</c> and
/// <c>// README: end</c>), so it compiles, and every example block is in the README. To change an example, edit it
/// here and paste it into the README.
/// </summary>
public sealed partial class ReadmeSnippetTests
{
    [Fact]
    public void EveryCSharpBlockOfTheReadme_IsACompiledExample()
    {
        var examples = Examples();
        var blocks = ReadmeBlocks();

        blocks.Should().NotBeEmpty();
        foreach (var block in blocks)
        {
            examples.Values.Should().Contain(block, "the README's C# blocks are copies of tests/*/Readme examples");
        }
    }

    [Fact]
    public void EveryExample_IsInTheReadme()
    {
        var blocks = ReadmeBlocks();

        foreach (var (name, example) in Examples())
        {
            blocks.Should().Contain(example, $"the example '{name}' belongs in the README");
        }
    }

    private static List<string> ReadmeBlocks() =>
        [.. CSharpBlock().Matches(File.ReadAllText(Path.Combine(RepoRoot.Path, "README.md"))).Select(m => m.Groups[1].Value.ReplaceLineEndings("\n"))];

    private static Dictionary<string, string> Examples()
    {
        var examples = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetDirectories(Path.Combine(RepoRoot.Path, "tests"), "Readme", SearchOption.AllDirectories)
            .SelectMany(folder => Directory.GetFiles(folder, "*Example*.cs")))
        {
            foreach (Match match in ExampleBlock().Matches(File.ReadAllText(file).ReplaceLineEndings("\n")))
            {
                examples[match.Groups[2].Value] = Dedent(match.Groups[3].Value);
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

    [GeneratedRegex(@"\n([ ]*)// README: ([^\n]+)\n(.*?\n)[ ]*// README: end\n", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();
}
