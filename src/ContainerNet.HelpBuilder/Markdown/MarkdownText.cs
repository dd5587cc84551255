using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContainerNet.HelpBuilder.Markdown;

/// <summary>
/// Plain-text rendering of Markdig nodes for MAML paragraphs and about_*.help.txt:
/// Get-Help prints text, so emphasis and code markers are dropped and links keep their text.
/// </summary>
public static class MarkdownText
{
    /// <summary>The pipeline every converter uses: YAML front matter and pipe tables, nothing else.</summary>
    public static MarkdownPipeline Pipeline { get; } =
        new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().Build();

    public static string Inline(ContainerInline? container)
    {
        var sb = new StringBuilder();
        AppendInline(sb, container);
        return sb.ToString().Trim();
    }

    private static void AppendInline(StringBuilder sb, Inline? inline)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                sb.Append(literal.Content.ToString());
                return;
            case CodeInline code:
                sb.Append(code.Content);
                return;
            case LineBreakInline lineBreak:
                // A soft break is just the author's line wrapping; a hard break is meant.
                sb.Append(lineBreak.IsHard ? '\n' : ' ');
                return;
            case AutolinkInline autolink:
                sb.Append(autolink.Url);
                return;
            case HtmlEntityInline entity:
                sb.Append(entity.Transcoded.ToString());
                return;
            case HtmlInline html:
                sb.Append(html.Tag);
                return;
            case ContainerInline container:
                foreach (var child in container)
                {
                    AppendInline(sb, child);
                }
                return;
        }
    }

    /// <summary>Verbatim lines of a fenced or indented code block, without a trailing newline.</summary>
    public static string Code(LeafBlock block) => block.Lines.ToString().TrimEnd('\r', '\n');

    /// <summary>
    /// One or more MAML paragraphs for a block: a paragraph is one, each list item one
    /// ("- item"), a code block one (kept verbatim), a table one line per row.
    /// </summary>
    public static IEnumerable<string> Paragraphs(Block block)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                yield return Inline(paragraph.Inline);
                break;
            case HeadingBlock heading:
                yield return Inline(heading.Inline);
                break;
            case FencedCodeBlock or CodeBlock:
                yield return Code((LeafBlock)block);
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var bullet = list.IsOrdered ? $"{number++}. " : "- ";
                    var text = string.Join(" ", item.SelectMany(Paragraphs));
                    yield return bullet + text;
                }
                break;
            case Table table:
                foreach (var row in table.OfType<TableRow>())
                {
                    yield return string.Join(" | ", row.OfType<TableCell>().Select(c => string.Join(" ", c.SelectMany(Paragraphs))));
                }
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    foreach (var text in Paragraphs(child))
                    {
                        yield return text;
                    }
                }
                break;
            case ThematicBreakBlock or LinkReferenceDefinition:
                break;
            case LeafBlock leaf:
                yield return leaf.Lines.ToString().Trim();
                break;
        }
    }
}
