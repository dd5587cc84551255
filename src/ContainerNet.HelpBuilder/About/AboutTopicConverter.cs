using System.Text;
using ContainerNet.HelpBuilder.Markdown;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace ContainerNet.HelpBuilder.About;

/// <summary>
/// Turns a PlatyPS about page (`# about_X`, `## SHORT DESCRIPTION`, `## LONG DESCRIPTION`, ...)
/// into the plain text Get-Help prints for about topics: section titles in capitals at the
/// margin with their text on the next line, text indented four spaces and wrapped at 80
/// columns, code indented eight, one blank line between blocks.
/// </summary>
public static class AboutTopicConverter
{
    private const int Width = 80;
    private const string Indent = "    ";

    public static string Convert(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, MarkdownText.Pipeline);
        var text = new AboutText();
        foreach (var block in document)
        {
            switch (block)
            {
                case YamlFrontMatterBlock:
                    break;
                case HeadingBlock { Level: 1 } h1:
                    text.Section("TOPIC");
                    text.Line(Indent + MarkdownText.Inline(h1.Inline).ToLowerInvariant());
                    break;
                case HeadingBlock { Level: 2 } h2:
                    text.Section(MarkdownText.Inline(h2.Inline).ToUpperInvariant());
                    break;
                case HeadingBlock heading:
                    text.Section(Indent + MarkdownText.Inline(heading.Inline));
                    break;
                case FencedCodeBlock or CodeBlock:
                    text.StartBlock();
                    foreach (var line in MarkdownText.Code((LeafBlock)block).Split('\n'))
                    {
                        text.Line(Indent + Indent + line.TrimEnd('\r'));
                    }
                    break;
                case ListBlock list:
                    text.StartBlock();
                    foreach (var item in MarkdownText.Paragraphs(list))
                    {
                        var bulletWidth = item.IndexOf(' ') + 1;
                        text.Wrapped(item, Indent, Indent + new string(' ', bulletWidth));
                    }
                    break;
                case Table table:
                    text.StartBlock();
                    WriteTable(text, table);
                    break;
                default:
                    foreach (var para in MarkdownText.Paragraphs(block))
                    {
                        text.StartBlock();
                        text.Wrapped(para, Indent, Indent);
                    }
                    break;
            }
        }
        return text.ToString();
    }

    public static void ConvertFile(string markdownPath, string outputPath) =>
        File.WriteAllText(outputPath, Convert(File.ReadAllText(markdownPath)), new UTF8Encoding(false));

    private static void WriteTable(AboutText text, Table table)
    {
        var rows = table.OfType<TableRow>()
            .Select(r => r.OfType<TableCell>().Select(c => string.Join(" ", c.SelectMany(MarkdownText.Paragraphs))).ToList())
            .ToList();
        var columns = rows.Max(r => r.Count);
        var widths = Enumerable.Range(0, columns).Select(i => rows.Max(r => i < r.Count ? r[i].Length : 0)).ToList();
        var hasHeader = table.OfType<TableRow>().First().IsHeader;
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = Enumerable.Range(0, columns).Select(i => (i < rows[r].Count ? rows[r][i] : string.Empty).PadRight(widths[i]));
            text.Line(Indent + string.Join("  ", cells));
            if (r == 0 && hasHeader)
            {
                text.Line(Indent + string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }
    }

    /// <summary>Accumulates lines and knows where blank lines belong.</summary>
    private sealed class AboutText
    {
        private readonly StringBuilder _output = new();
        private bool _empty = true;
        private bool _afterSectionTitle;

        public void Section(string title)
        {
            StartBlock();
            Line(title);
            _afterSectionTitle = true;
        }

        // One blank line between blocks; none at the top and none right under a section title.
        public void StartBlock()
        {
            if (!_empty && !_afterSectionTitle)
            {
                _output.Append('\n');
            }
            _afterSectionTitle = false;
        }

        public void Line(string line)
        {
            _output.Append(line.TrimEnd()).Append('\n');
            _empty = false;
            _afterSectionTitle = false;
        }

        public void Wrapped(string text, string firstIndent, string nextIndent)
        {
            foreach (var hardLine in text.Split('\n'))
            {
                var line = new StringBuilder(firstIndent);
                var lineHasWord = false;
                foreach (var word in hardLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (lineHasWord && line.Length + 1 + word.Length > Width)
                    {
                        Line(line.ToString());
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
                Line(line.ToString());
                firstIndent = nextIndent;
            }
        }

        public override string ToString() => _output.ToString().TrimEnd() + "\n";
    }
}
