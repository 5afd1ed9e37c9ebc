using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace ContractHarness.Contracts.Generator.Pages;

/// <summary>
/// Reads one reference page (Markdown with front matter, pipe tables and <c>http</c> samples) with Markdig.
/// Tables are recognised by their header row and the section they stand in, never by file, so every page in the
/// same format reads the same way; a page that breaks the format fails with a <see cref="PageFormatException"/>.
/// </summary>
internal static class PageReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .Build();

    public static ReferencePage ReadFile(string path) => Read(Path.GetFileName(path), File.ReadAllText(path));

    public static ReferencePage Read(string fileName, string markdown)
    {
        var document = Markdown.Parse(markdown.Replace("\r\n", "\n", StringComparison.Ordinal), Pipeline);
        var state = new PageState(fileName);

        foreach (var block in document)
        {
            switch (block)
            {
                case YamlFrontMatterBlock yaml:
                    state.ReadFrontMatter(yaml);
                    break;
                case HeadingBlock heading:
                    state.EnterHeading(heading);
                    break;
                case FencedCodeBlock code:
                    state.ReadCode(code);
                    break;
                case Table table:
                    state.ReadTable(table);
                    break;
                case ParagraphBlock paragraph:
                    state.ReadParagraph(paragraph);
                    break;
            }
        }

        return state.Build();
    }
}
