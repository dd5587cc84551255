using System.Text;
using ContainerNet.HelpBuilder.Commands;

namespace ContainerNet.HelpBuilder.Markdown;

/// <summary>
/// Writes a new PlatyPS page (schema 2.0.0) for a cmdlet that has none yet: SYNTAX and the
/// parameter metadata blocks come from the built cmdlet, prose is left as `{{ ... }}` placeholders
/// for the author, as PlatyPS's New-MarkdownHelp does.
/// </summary>
public static class MarkdownPageWriter
{
    public const string PlaceholderMarker = "{{ ";

    public static string Write(CommandFacts facts, string moduleName, string helpFileName)
    {
        var md = new StringBuilder();
        md.Append("---\n")
          .Append($"external help file: {helpFileName}\n")
          .Append($"Module Name: {moduleName}\n")
          .Append("online version:\n")
          .Append("schema: 2.0.0\n")
          .Append("---\n\n")
          .Append($"# {facts.Name}\n\n")
          .Append("## SYNOPSIS\n{{ Fill in the Synopsis }}\n\n")
          .Append("## SYNTAX\n\n");

        foreach (var set in facts.ParameterSets)
        {
            if (facts.ParameterSets.Count > 1)
            {
                md.Append($"### {set.SetName}{(set.IsDefault ? " (Default)" : string.Empty)}\n");
            }
            md.Append("```\n").Append(set.ToString()).Append("\n```\n\n");
        }

        md.Append("## DESCRIPTION\n{{ Fill in the Description }}\n\n")
          .Append("## EXAMPLES\n\n")
          .Append("### Example 1\n```powershell\nPS /> {{ Add example code here }}\n```\n\n{{ Add example description here }}\n\n")
          .Append("### Example 2\n```powershell\nPS /> {{ Add example code here }}\n```\n\n{{ Add example description here }}\n\n")
          .Append("## PARAMETERS\n\n");

        // PlatyPS order: alphabetical, with Confirm and WhatIf last.
        var ordered = facts.Parameters
            .OrderBy(p => p.Name is "Confirm" or "WhatIf" ? 1 : 0)
            .ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var p in ordered)
        {
            md.Append($"### -{p.Name}\n").Append(DescriptionPlaceholder(p)).Append("\n\n");
            md.Append(Metadata(p));
        }
        if (facts.SupportsCommonParameters)
        {
            md.Append("### CommonParameters\n")
              .Append("This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, ")
              .Append("-InformationVariable, -OutVariable, -OutBuffer, -PipelineVariable, -ProgressAction, -Verbose, ")
              .Append("-WarningAction, and -WarningVariable. For more information, see ")
              .Append("[about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).\n\n");
        }

        md.Append("## INPUTS\n\n### None\n{{ Describe the pipeline input }}\n\n")
          .Append("## OUTPUTS\n\n");
        foreach (var output in facts.OutputTypes.DefaultIfEmpty("None"))
        {
            md.Append($"### {output}\n{{{{ Describe the output }}}}\n\n");
        }
        md.Append("## NOTES\n\n")
          .Append("## RELATED LINKS\n\n[about_ContainerNet](about_ContainerNet.md)\n");
        return md.ToString();
    }

    private static string DescriptionPlaceholder(ParameterFacts p) => p.Name switch
    {
        "WhatIf" => "Shows what would happen if the cmdlet runs. The cmdlet is not run.",
        "Confirm" => "Prompts you for confirmation before running the cmdlet.",
        _ => $"{{{{ Fill {p.Name} Description }}}}",
    };

    /// <summary>
    /// The ```yaml block(s) of a parameter: one per group of parameter sets in which it behaves
    /// the same, as PlatyPS does.
    /// </summary>
    public static string Metadata(ParameterFacts p)
    {
        var md = new StringBuilder();
        var groups = p.Sets.GroupBy(m => (m.IsMandatory, m.Position, m.PipelineInput)).ToList();
        foreach (var group in groups)
        {
            var m = group.First();
            var sets = p.InAllSets && groups.Count == 1 ? "(All)" : string.Join(", ", group.Select(g => g.SetName));
            md.Append("```yaml\n")
              .Append($"Type: {p.TypeName}\n")
              .Append($"Parameter Sets: {sets}\n")
              .Append($"Aliases: {string.Join(", ", p.Aliases)}\n".Replace(": \n", ":\n"));
            if (p.AcceptedValues.Count > 0)
            {
                md.Append($"Accepted values: {string.Join(", ", p.AcceptedValues)}\n");
            }
            md.Append('\n')
              .Append($"Required: {(m.IsMandatory ? "True" : "False")}\n")
              .Append($"Position: {m.PositionText}\n")
              .Append($"Default value: {(p.IsSwitch ? "False" : "None")}\n")
              .Append($"Accept pipeline input: {m.PipelineInput}\n")
              .Append($"Accept wildcard characters: {(p.SupportsWildcards ? "True" : "False")}\n")
              .Append("```\n\n");
        }
        return md.ToString();
    }
}
