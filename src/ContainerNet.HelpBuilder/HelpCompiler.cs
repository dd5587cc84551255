using System.Management.Automation;
using ContainerNet.HelpBuilder.About;
using ContainerNet.HelpBuilder.Commands;
using ContainerNet.HelpBuilder.Maml;
using ContainerNet.HelpBuilder.Markdown;

namespace ContainerNet.HelpBuilder;

/// <summary>
/// What build.ps1 calls: from the commands of the imported built module and the docs folder,
/// write the MAML file and the about topics, and report what the pages get wrong.
/// </summary>
public static class HelpCompiler
{
    /// <summary>
    /// Writes `outputFile` (MAML) for <paramref name="commands"/>, taking prose from
    /// `docsDirectory/&lt;Name&gt;.md`. Returns warnings: missing pages, parameters the page and
    /// the cmdlet disagree on, missing synopsis or examples, pages for no command.
    /// </summary>
    public static IReadOnlyList<string> WriteMaml(IEnumerable<CommandInfo> commands, string docsDirectory, string outputFile)
    {
        var warnings = new List<string>();
        var entries = new List<(CommandFacts, CommandHelpDocument?)>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var command in commands.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase))
        {
            names.Add(command.Name);
            var facts = CommandFacts.FromCommandInfo(command);
            var page = Path.Combine(docsDirectory, command.Name + ".md");
            CommandHelpDocument? doc = null;
            if (File.Exists(page))
            {
                doc = CommandHelpDocument.Load(page);
                warnings.AddRange(Check(facts, doc));
            }
            else
            {
                warnings.Add($"{command.Name}: no page {page}; help will have syntax and parameters only.");
            }
            entries.Add((facts, doc));
        }

        foreach (var page in Directory.Exists(docsDirectory) ? Directory.GetFiles(docsDirectory, "*.md") : Array.Empty<string>())
        {
            var name = Path.GetFileNameWithoutExtension(page);
            if (!name.StartsWith("about_", StringComparison.OrdinalIgnoreCase) && !names.Contains(name))
            {
                warnings.Add($"{Path.GetFileName(page)}: documents no exported command.");
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputFile))!);
        MamlWriter.Write(outputFile, entries);
        return warnings;
    }

    /// <summary>Converts every `about_*.md` in <paramref name="docsDirectory"/> to `about_*.help.txt`.</summary>
    public static IReadOnlyList<string> WriteAboutTopics(string docsDirectory, string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        var written = new List<string>();
        foreach (var page in Directory.Exists(docsDirectory) ? Directory.GetFiles(docsDirectory, "about_*.md") : Array.Empty<string>())
        {
            var target = Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(page) + ".help.txt");
            AboutTopicConverter.ConvertFile(page, target);
            written.Add(target);
        }
        return written;
    }

    /// <summary>A new PlatyPS page for a command, with facts filled in and prose as placeholders.</summary>
    public static string NewMarkdownPage(CommandInfo command, string moduleName, string helpFileName) =>
        MarkdownPageWriter.Write(CommandFacts.FromCommandInfo(command), moduleName, helpFileName);

    /// <summary>The facts build.ps1 and the Pester help tests compare pages against.</summary>
    public static CommandFacts GetFacts(CommandInfo command) => CommandFacts.FromCommandInfo(command);

    private static IEnumerable<string> Check(CommandFacts facts, CommandHelpDocument doc)
    {
        var prefix = $"{Path.GetFileName(doc.SourcePath)}:";
        if (!string.Equals(doc.Name, facts.Name, StringComparison.Ordinal))
        {
            yield return $"{prefix} heading '# {doc.Name}' should be '# {facts.Name}'.";
        }
        if (doc.Synopsis.All(string.IsNullOrWhiteSpace))
        {
            yield return $"{prefix} empty SYNOPSIS.";
        }
        if (doc.Examples.Count(e => e.Code.Count > 0) < 2)
        {
            yield return $"{prefix} fewer than two examples with code.";
        }
        foreach (var documented in doc.Parameters.Where(d => facts.FindParameter(d.Name) is null))
        {
            yield return $"{prefix} documents -{documented.Name}, which {facts.Name} does not have.";
        }
        foreach (var real in facts.Parameters.Where(p => doc.FindParameter(p.Name) is null))
        {
            yield return $"{prefix} -{real.Name} is not documented.";
        }
        foreach (var unknown in doc.UnknownSections)
        {
            yield return $"{prefix} unknown section '## {unknown}' (ignored).";
        }
        foreach (var section in new[] { doc.Synopsis, doc.Description })
        {
            if (section.Any(p => p.Contains(MarkdownPageWriter.PlaceholderMarker, StringComparison.Ordinal)))
            {
                yield return $"{prefix} still has '{{{{ ... }}}}' placeholders.";
                break;
            }
        }
    }
}
