using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContractHarness.Contracts.Generator.Pages;

/// <summary>Reads the raw text of Markdig inlines, keeping inline HTML tags and entities for <see cref="DescriptionText"/>.</summary>
internal static class MarkdownText
{
    public static string Of(ContainerInline? inline)
    {
        var builder = new StringBuilder();
        Append(builder, inline);
        return builder.ToString();
    }

    public static string Of(Block block) => block switch
    {
        LeafBlock { Inline: { } inline } => Of(inline),
        ContainerBlock container => string.Join(" ", container.Select(Of)),
        _ => string.Empty,
    };

    private static void Append(StringBuilder builder, Inline? inline)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                builder.Append(literal.Content.ToString());
                break;
            case HtmlInline html:
                builder.Append(html.Tag);
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Original.ToString());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(builder, child);
                }

                break;
        }
    }
}
