using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContainerNet.HelpBuilder.Markdown;

/// <summary>
/// Reads a PlatyPS cmdlet page through Markdig's block tree: `## SECTION` headings open
/// sections, `###` headings open items inside SYNTAX, EXAMPLES, PARAMETERS, INPUTS, OUTPUTS.
/// </summary>
public static class CommandHelpParser
{
    public static CommandHelpDocument Parse(string markdown, string sourcePath)
    {
        var document = Markdig.Markdown.Parse(markdown, MarkdownText.Pipeline);
        var help = new CommandHelpDocument { SourcePath = sourcePath };

        string? section = null;
        SyntaxHeading? syntaxHeading = null;
        ExampleHelp? example = null;
        ParameterHelp? parameter = null;
        TypeHelp? typeEntry = null;
        var inCommonParameters = false;

        foreach (var block in document)
        {
            if (block is YamlFrontMatterBlock frontMatter)
            {
                foreach (var (key, value) in ParseYaml(MarkdownText.Code(frontMatter)))
                {
                    help.FrontMatter[key] = value;
                }
                continue;
            }

            if (block is HeadingBlock heading)
            {
                var text = MarkdownText.Inline(heading.Inline);
                if (heading.Level == 1)
                {
                    help.Name = text;
                    section = null;
                    continue;
                }
                if (heading.Level == 2)
                {
                    section = text.ToUpperInvariant();
                    syntaxHeading = null;
                    example = null;
                    parameter = null;
                    typeEntry = null;
                    inCommonParameters = false;
                    if (!KnownSections.Contains(section))
                    {
                        help.UnknownSections.Add(text);
                    }
                    continue;
                }
                if (heading.Level == 3)
                {
                    switch (section)
                    {
                        case "SYNTAX":
                            syntaxHeading = SyntaxHeading.Parse(text);
                            continue;
                        case "EXAMPLES":
                            example = new ExampleHelp { Title = text };
                            help.Examples.Add(example);
                            continue;
                        case "PARAMETERS":
                            inCommonParameters = text.Equals("CommonParameters", StringComparison.OrdinalIgnoreCase);
                            help.HasCommonParametersSection |= inCommonParameters;
                            parameter = null;
                            if (!inCommonParameters)
                            {
                                parameter = new ParameterHelp { Name = text.TrimStart('-').Trim() };
                                help.Parameters.Add(parameter);
                            }
                            continue;
                        case "INPUTS":
                        case "OUTPUTS":
                            typeEntry = new TypeHelp { TypeName = text };
                            (section == "INPUTS" ? help.Inputs : help.Outputs).Add(typeEntry);
                            continue;
                    }
                }
            }

            switch (section)
            {
                case "SYNOPSIS":
                    help.Synopsis.AddRange(MarkdownText.Paragraphs(block));
                    break;
                case "DESCRIPTION":
                    help.Description.AddRange(MarkdownText.Paragraphs(block));
                    break;
                case "NOTES":
                    help.Notes.AddRange(MarkdownText.Paragraphs(block));
                    break;
                case "SYNTAX":
                    if (block is FencedCodeBlock or CodeBlock)
                    {
                        help.Syntax.Add(new SyntaxBlock(syntaxHeading?.Name, syntaxHeading?.IsDefault ?? false, MarkdownText.Code((LeafBlock)block)));
                    }
                    break;
                case "EXAMPLES":
                    AddToExample(example, block);
                    break;
                case "PARAMETERS":
                    if (parameter is null || inCommonParameters)
                    {
                        break;
                    }
                    if (block is FencedCodeBlock { Info: var info } yaml && string.Equals(info, "yaml", StringComparison.OrdinalIgnoreCase))
                    {
                        parameter.Metadata.Add(ParseYaml(MarkdownText.Code(yaml)).ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase));
                    }
                    else
                    {
                        parameter.Description.AddRange(MarkdownText.Paragraphs(block));
                    }
                    break;
                case "INPUTS":
                case "OUTPUTS":
                    if (typeEntry is null)
                    {
                        // Tolerate a bare paragraph such as "None" without an ### heading.
                        foreach (var text in MarkdownText.Paragraphs(block))
                        {
                            (section == "INPUTS" ? help.Inputs : help.Outputs).Add(new TypeHelp { TypeName = text });
                        }
                    }
                    else
                    {
                        typeEntry.Description.AddRange(MarkdownText.Paragraphs(block));
                    }
                    break;
                case "RELATED LINKS":
                    help.RelatedLinks.AddRange(ReadLinks(block));
                    break;
            }
        }

        return help;
    }

    private static readonly HashSet<string> KnownSections = new(StringComparer.Ordinal)
    {
        "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
    };

    // PlatyPS examples are: the code fence(s) first, then the remarks. Anything that is not part of
    // the leading run of code blocks is a remark (including a later "output" fence).
    private static void AddToExample(ExampleHelp? example, Block block)
    {
        if (example is null)
        {
            return;
        }
        if (block is FencedCodeBlock or CodeBlock && example.Remarks.Count == 0)
        {
            example.Code.Add(MarkdownText.Code((LeafBlock)block));
            return;
        }
        example.Remarks.AddRange(MarkdownText.Paragraphs(block));
    }

    private static IEnumerable<RelatedLink> ReadLinks(Block block)
    {
        if (block is ContainerBlock container)
        {
            return container.SelectMany(ReadLinks).ToList();
        }
        if (block is not ParagraphBlock { Inline: { } inline })
        {
            return Array.Empty<RelatedLink>();
        }

        var links = new List<RelatedLink>();
        foreach (var descendant in inline.Descendants())
        {
            switch (descendant)
            {
                case LinkInline { IsImage: false } link:
                    links.Add(new RelatedLink(MarkdownText.Inline(link), UsefulUri(link.Url)));
                    break;
                case AutolinkInline autolink:
                    links.Add(new RelatedLink(autolink.Url, autolink.Url));
                    break;
            }
        }
        if (links.Count == 0)
        {
            // A plain line is a link by name only, as in "about_ContainerNet".
            links.AddRange(MarkdownText.Inline(inline).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(text => new RelatedLink(text, null)));
        }
        return links;
    }

    // Relative links (other pages of these docs) mean nothing to Get-Help; keep only absolute URIs.
    private static string? UsefulUri(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? url : null;

    /// <summary>The flat `Key: Value` subset of YAML that PlatyPS writes.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ParseYaml(string yaml)
    {
        foreach (var raw in yaml.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var colon = line.IndexOf(':');
            if (colon <= 0 || line.StartsWith('#'))
            {
                continue;
            }
            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '\'' && value[^1] == '\'' || value[0] == '"' && value[^1] == '"'))
            {
                value = value[1..^1];
            }
            yield return new KeyValuePair<string, string>(key, value);
        }
    }

    private sealed record SyntaxHeading(string Name, bool IsDefault)
    {
        public static SyntaxHeading Parse(string text)
        {
            const string DefaultMarker = "(Default)";
            var isDefault = text.EndsWith(DefaultMarker, StringComparison.OrdinalIgnoreCase);
            var name = isDefault ? text[..^DefaultMarker.Length].Trim() : text.Trim();
            return new SyntaxHeading(name, isDefault);
        }
    }
}
