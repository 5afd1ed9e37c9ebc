using System.Text.RegularExpressions;

namespace ContractHarness.ContractTests.Readme;

/// <summary>
/// The compiled examples the docs show: blocks of the <c>tests/*/Readme/*Example*.cs</c> files between
/// <c>// README: name</c> and <c>// README: end</c>, without the marker line's indentation. A C# block of a page must
/// be one of them, and each of them must be in a page.
/// </summary>
public static partial class DocSnippets
{
    /// <summary>The examples under <paramref name="root"/>, by name; a name used twice is an error.</summary>
    public static IReadOnlyDictionary<string, (string File, string Code)> Load(string root)
    {
        var examples = new SortedDictionary<string, (string File, string Code)>(StringComparer.Ordinal);
        var tests = Path.Combine(root, "tests");
        foreach (var file in Directory.GetDirectories(tests, "Readme", SearchOption.AllDirectories)
            .SelectMany(folder => Directory.GetFiles(folder, "*Example*.cs")).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            foreach (Match match in ExampleBlock().Matches(File.ReadAllText(file).ReplaceLineEndings("\n")))
            {
                var name = match.Groups[2].Value.Trim();
                if (!examples.TryAdd(name, (relative, Dedent(match.Groups[3].Value))))
                {
                    throw new InvalidOperationException($"the example name '{name}' is used in {examples[name].File} and {relative}");
                }
            }
        }

        return examples;
    }

    /// <summary>The C# blocks of the pages that are no compiled example, each named with its page and first line.</summary>
    public static IReadOnlyList<string> UncompiledBlocks(DocsSite site, IReadOnlyDictionary<string, (string File, string Code)> examples)
    {
        var compiled = examples.Values.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        return [.. site.CSharpBlocks().Where(b => !compiled.Contains(b.Block))
            .Select(b => $"{b.Page}: the C# block starting '{b.Block.Split('\n')[0]}' is no compiled example (tests/*/Readme/*Example*.cs)")];
    }

    /// <summary>The examples that no page shows, each named with its file.</summary>
    public static IReadOnlyList<string> UnshownExamples(DocsSite site, IReadOnlyDictionary<string, (string File, string Code)> examples)
    {
        var shown = site.CSharpBlocks().Select(b => b.Block).ToHashSet(StringComparer.Ordinal);
        return [.. examples.Where(e => !shown.Contains(e.Value.Code))
            .Select(e => $"the example '{e.Key}' ({e.Value.File}) is in no C# block of README.md or docs/*.md")];
    }

    /// <summary>Removes the indentation of the block's marker line from every line.</summary>
    private static string Dedent(string block)
    {
        var lines = block.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [GeneratedRegex(@"\n([ ]*)// (?:README|docs): ([^\n]+)\n(.*?\n)[ ]*// (?:README|docs): end\n", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();
}
