using System.Text;
using System.Xml;
using ContainerNet.HelpBuilder.Commands;
using ContainerNet.HelpBuilder.Markdown;

namespace ContainerNet.HelpBuilder.Maml;

/// <summary>
/// Writes `&lt;Assembly&gt;-Help.xml` in the MAML dialect Get-Help reads: the layout of
/// ../shared/maml-skeleton.xml, which is what PlatyPS's New-ExternalHelp produces.
/// Facts come from <see cref="CommandFacts"/>, prose from <see cref="CommandHelpDocument"/>.
/// </summary>
public static class MamlWriter
{
    private const string MshNs = "http://msh";
    private const string MamlNs = "http://schemas.microsoft.com/maml/2004/10";
    private const string CommandNs = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private const string DevNs = "http://schemas.microsoft.com/maml/dev/2004/10";

    private const string WhatIfText = "Shows what would happen if the cmdlet runs. The cmdlet is not run.";
    private const string ConfirmText = "Prompts you for confirmation before running the cmdlet.";

    public static void Write(string path, IEnumerable<(CommandFacts Facts, CommandHelpDocument? Doc)> commands)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var xml = XmlWriter.Create(path, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("helpItems", MshNs);
        xml.WriteAttributeString("schema", "maml");
        foreach (var (facts, doc) in commands)
        {
            WriteCommand(xml, facts, doc);
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteCommand(XmlWriter xml, CommandFacts facts, CommandHelpDocument? doc)
    {
        xml.WriteStartElement("command", "command", CommandNs);
        xml.WriteAttributeString("xmlns", "maml", null, MamlNs);
        xml.WriteAttributeString("xmlns", "command", null, CommandNs);
        xml.WriteAttributeString("xmlns", "dev", null, DevNs);

        xml.WriteStartElement("command", "details", CommandNs);
        xml.WriteElementString("command", "name", CommandNs, facts.Name);
        xml.WriteElementString("command", "verb", CommandNs, facts.Verb);
        xml.WriteElementString("command", "noun", CommandNs, facts.Noun);
        WriteDescription(xml, doc?.Synopsis);
        xml.WriteEndElement();

        WriteDescription(xml, doc?.Description);
        WriteSyntax(xml, facts, doc);
        WriteParameters(xml, facts, doc);
        WriteTypes(xml, "inputTypes", "inputType", doc?.Inputs ?? new List<TypeHelp>());
        WriteTypes(xml, "returnValues", "returnValue", ReturnValues(facts, doc));

        if (doc is { Notes.Count: > 0 })
        {
            xml.WriteStartElement("maml", "alertSet", MamlNs);
            xml.WriteStartElement("maml", "alert", MamlNs);
            WriteParas(xml, doc.Notes);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        WriteExamples(xml, doc?.Examples ?? new List<ExampleHelp>());
        WriteRelatedLinks(xml, doc?.RelatedLinks ?? new List<RelatedLink>());
        xml.WriteEndElement();
    }

    private static void WriteSyntax(XmlWriter xml, CommandFacts facts, CommandHelpDocument? doc)
    {
        xml.WriteStartElement("command", "syntax", CommandNs);
        foreach (var set in facts.ParameterSets)
        {
            xml.WriteStartElement("command", "syntaxItem", CommandNs);
            xml.WriteElementString("maml", "name", MamlNs, facts.Name);
            foreach (var p in set.Parameters)
            {
                WriteParameter(xml, p.Parameter, p.Membership, doc, inSyntax: true);
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void WriteParameters(XmlWriter xml, CommandFacts facts, CommandHelpDocument? doc)
    {
        // The page's order first (authors order them for readers), then anything the page lacks.
        var ordered = new List<ParameterFacts>();
        foreach (var documented in doc?.Parameters ?? new List<ParameterHelp>())
        {
            var p = facts.FindParameter(documented.Name);
            if (p is not null && !ordered.Contains(p))
            {
                ordered.Add(p);
            }
        }
        ordered.AddRange(facts.Parameters
            .Where(p => !ordered.Contains(p))
            .OrderBy(p => p.Name is "Confirm" or "WhatIf" ? 1 : 0)
            .ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase));

        xml.WriteStartElement("command", "parameters", CommandNs);
        foreach (var p in ordered)
        {
            WriteParameter(xml, p, p.Primary, doc, inSyntax: false);
        }
        xml.WriteEndElement();
    }

    private static void WriteParameter(XmlWriter xml, ParameterFacts p, ParameterSetMembership m, CommandHelpDocument? doc, bool inSyntax)
    {
        var help = doc?.FindParameter(p.Name);
        xml.WriteStartElement("command", "parameter", CommandNs);
        xml.WriteAttributeString("required", m.IsMandatory ? "true" : "false");
        xml.WriteAttributeString("variableLength", "true");
        xml.WriteAttributeString("globbing", p.SupportsWildcards ? "true" : "false");
        xml.WriteAttributeString("pipelineInput", m.PipelineInput);
        xml.WriteAttributeString("position", m.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named");
        xml.WriteAttributeString("aliases", p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases));
        xml.WriteElementString("maml", "name", MamlNs, p.Name);
        WriteDescription(xml, help is { Description.Count: > 0 } ? help.Description : DefaultDescription(p));

        if (inSyntax && p.AcceptedValues.Count > 0)
        {
            xml.WriteStartElement("command", "parameterValueGroup", CommandNs);
            foreach (var value in p.AcceptedValues)
            {
                xml.WriteStartElement("command", "parameterValue", CommandNs);
                xml.WriteAttributeString("required", "false");
                xml.WriteAttributeString("command", "variableLength", CommandNs, "false");
                xml.WriteString(value);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        if (!p.IsSwitch)
        {
            xml.WriteStartElement("command", "parameterValue", CommandNs);
            xml.WriteAttributeString("required", "true");
            xml.WriteAttributeString("variableLength", "false");
            xml.WriteString(p.TypeName);
            xml.WriteEndElement();
        }
        xml.WriteStartElement("dev", "type", DevNs);
        xml.WriteElementString("maml", "name", MamlNs, p.FullTypeName);
        xml.WriteElementString("maml", "uri", MamlNs, string.Empty);
        xml.WriteEndElement();
        var defaultValue = help?.GetMetadata("Default value");
        xml.WriteElementString("dev", "defaultValue", DevNs, string.IsNullOrWhiteSpace(defaultValue) ? (p.IsSwitch ? "False" : "None") : defaultValue);
        xml.WriteEndElement();
    }

    private static List<string>? DefaultDescription(ParameterFacts p) => p.Name switch
    {
        "WhatIf" => new List<string> { WhatIfText },
        "Confirm" => new List<string> { ConfirmText },
        _ => null,
    };

    private static List<TypeHelp> ReturnValues(CommandFacts facts, CommandHelpDocument? doc)
    {
        if (doc is { Outputs.Count: > 0 })
        {
            return doc.Outputs;
        }
        // Without a page, [OutputType] is still the truth about what the cmdlet writes.
        return facts.OutputTypes.Select(t => new TypeHelp { TypeName = t }).ToList();
    }

    private static void WriteTypes(XmlWriter xml, string listName, string itemName, List<TypeHelp> types)
    {
        xml.WriteStartElement("command", listName, CommandNs);
        foreach (var type in types)
        {
            xml.WriteStartElement("command", itemName, CommandNs);
            xml.WriteStartElement("dev", "type", DevNs);
            xml.WriteElementString("maml", "name", MamlNs, type.TypeName);
            xml.WriteEndElement();
            WriteDescription(xml, type.Description);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void WriteExamples(XmlWriter xml, List<ExampleHelp> examples)
    {
        xml.WriteStartElement("command", "examples", CommandNs);
        foreach (var example in examples)
        {
            xml.WriteStartElement("command", "example", CommandNs);
            // Get-Help prints the title as is; the dashes are the convention of PowerShell's own help.
            xml.WriteElementString("maml", "title", MamlNs, $"---------- {example.Title} ----------");
            xml.WriteElementString("dev", "code", DevNs, string.Join("\n\n", example.Code));
            xml.WriteStartElement("dev", "remarks", DevNs);
            // The trailing empty paragraph is the blank line Get-Help leaves before the next example.
            WriteParas(xml, example.Remarks.Append(string.Empty).ToList());
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void WriteRelatedLinks(XmlWriter xml, List<RelatedLink> links)
    {
        xml.WriteStartElement("command", "relatedLinks", CommandNs);
        foreach (var link in links)
        {
            xml.WriteStartElement("maml", "navigationLink", MamlNs);
            xml.WriteElementString("maml", "linkText", MamlNs, link.Text);
            xml.WriteElementString("maml", "uri", MamlNs, link.Uri ?? string.Empty);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void WriteDescription(XmlWriter xml, IReadOnlyList<string>? paragraphs)
    {
        xml.WriteStartElement("maml", "description", MamlNs);
        WriteParas(xml, paragraphs ?? Array.Empty<string>());
        xml.WriteEndElement();
    }

    private static void WriteParas(XmlWriter xml, IReadOnlyList<string> paragraphs)
    {
        if (paragraphs.Count == 0)
        {
            xml.WriteElementString("maml", "para", MamlNs, string.Empty);
            return;
        }
        foreach (var para in paragraphs)
        {
            xml.WriteElementString("maml", "para", MamlNs, para);
        }
    }
}
