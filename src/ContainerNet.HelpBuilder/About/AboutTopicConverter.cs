using System.Text;
using ContainerNet.HelpBuilder.Markdown;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace ContainerNet.HelpBuilder.About;

/// <summary>
/// Turns a PlatyPS about page (`# about_X`, `## SHORT DESCRIPTION`, `## LONG DESCRIPTION`, ...)
/// into the plain text Get-Help prints for about topics: section titles in capitals at the
/// margin, text indented four spaces and wrapped at 80 columns, code indented eight.
/// </summary>
public static class AboutTopicConverter
{
    private const int Width = 80;
    private const string Indent = "    ";

    public static string Convert(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, MarkdownText.Pipeline);
        var output = new StringBuilder();
        foreach (var block in document)
        {
            switch (block)
            {
                case YamlFrontMatterBlock:
                    break;
                case HeadingBlock { Level: 1 } h1:
                    Section(output, "TOPIC");
                    output.Append(Indent).AppendLine(MarkdownText.Inline(h1.Inline).ToLowerInvariant());
                    break;
                case HeadingBlock { Level: 2 } h2:
                    Section(output, MarkdownText.Inline(h2.Inline).ToUpperInvariant());
                    break;
                case HeadingBlock heading:
                    Blank(output);
                    output.Append(Indent).AppendLine(MarkdownText.Inline(heading.Inline));
                    break;
                case FencedCodeBlock or CodeBlock:
                    Blank(output);
                    foreach (var line in MarkdownText.Code((LeafBlock)block).Split('\n'))
                    {
                        output.AppendLine((Indent + Indent + line.TrimEnd('\r')).TrimEnd());
                    }
                    break;
                case ListBlock list:
                    Blank(output);
                    foreach (var item in MarkdownText.Paragraphs(list))
                    {
                        var bulletEnd = item.IndexOf(' ') + 1;
                        Wrap(output, item, Indent, Indent + new string(' ', bulletEnd));
                    }
                    break;
                case Table table:
                    Blank(output);
                    WriteTable(output, table);
                    break;
                default:
                    foreach (var para in MarkdownText.Paragraphs(block))
                    {
                        Blank(output);
                        Wrap(output, para, Indent, Indent);
                    }
                    break;
            }
        }
        return output.ToString().TrimEnd() + Environment.NewLine;
    }

    public static void ConvertFile(string markdownPath, string outputPath) =>
        File.WriteAllText(outputPath, Convert(File.ReadAllText(markdownPath)), new UTF8Encoding(false));

    private static void Section(StringBuilder output, string title)
    {
        Blank(output);
        output.AppendLine(title);
    }

    // One blank line between blocks, none at the top of the file.
    private static void Blank(StringBuilder output)
    {
        var blankLine = Environment.NewLine + Environment.NewLine;
        var endsBlank = output.Length >= blankLine.Length
            && output.ToString(output.Length - blankLine.Length, blankLine.Length) == blankLine;
        if (output.Length > 0 && !endsBlank)
        {
            output.AppendLine();
        }
    }

    private static void Wrap(StringBuilder output, string text, string firstIndent, string nextIndent)
    {
        foreach (var hardLine in text.Split('\n'))
        {
            var line = new StringBuilder(firstIndent);
            var lineHasWord = false;
            foreach (var word in hardLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (lineHasWord && line.Length + 1 + word.Length > Width)
                {
                    output.AppendLine(line.ToString());
                    line.Clear().Append(nextIndent);
                    lineHasWord = false;
                }
                if (lineHasWord)
                {
                    line.Append(' ');
                }
                line.Append(word);
                lineHasWord = true;
            }
            output.AppendLine(line.ToString().TrimEnd());
            firstIndent = nextIndent;
        }
    }

    private static void WriteTable(StringBuilder output, Table table)
    {
        var rows = table.OfType<TableRow>()
            .Select(r => r.OfType<TableCell>().Select(c => string.Join(" ", c.SelectMany(MarkdownText.Paragraphs))).ToList())
            .ToList();
        var columns = rows.Max(r => r.Count);
        var widths = Enumerable.Range(0, columns).Select(i => rows.Max(r => i < r.Count ? r[i].Length : 0)).ToList();
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = Enumerable.Range(0, columns).Select(i => (i < rows[r].Count ? rows[r][i] : string.Empty).PadRight(widths[i]));
            output.AppendLine((Indent + string.Join("  ", cells)).TrimEnd());
            if (r == 0 && table.OfType<TableRow>().First().IsHeader)
            {
                output.AppendLine((Indent + string.Join("  ", widths.Select(w => new string('-', w)))).TrimEnd());
            }
        }
    }
}
