namespace ContainerNet.HelpBuilder.Markdown;

/// <summary>
/// The prose of one cmdlet's help page as written in PlatyPS markdown (schema 2.0.0).
/// Facts about parameters (types, positions, sets) are not trusted from here; the MAML
/// writer takes them from the built cmdlet and only reads descriptions from this page.
/// </summary>
public sealed class CommandHelpDocument
{
    public required string SourcePath { get; init; }

    /// <summary>The `# Name` heading.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>YAML front matter as key/value pairs (external help file, Module Name, ...).</summary>
    public Dictionary<string, string> FrontMatter { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Synopsis { get; } = new();
    public List<SyntaxBlock> Syntax { get; } = new();
    public List<string> Description { get; } = new();
    public List<ExampleHelp> Examples { get; } = new();
    public List<ParameterHelp> Parameters { get; } = new();

    /// <summary>True when the page has the PlatyPS `### CommonParameters` entry.</summary>
    public bool HasCommonParametersSection { get; set; }

    public List<TypeHelp> Inputs { get; } = new();
    public List<TypeHelp> Outputs { get; } = new();
    public List<string> Notes { get; } = new();
    public List<RelatedLink> RelatedLinks { get; } = new();

    /// <summary>`## ...` headings that PlatyPS does not define; reported as warnings.</summary>
    public List<string> UnknownSections { get; } = new();

    public ParameterHelp? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public static CommandHelpDocument Load(string path) =>
        CommandHelpParser.Parse(File.ReadAllText(path), path);
}

/// <summary>One fenced block under `## SYNTAX`, optionally headed `### SetName (Default)`.</summary>
public sealed record SyntaxBlock(string? ParameterSetName, bool IsDefault, string Text);

public sealed class ExampleHelp
{
    public string Title { get; set; } = string.Empty;
    public List<string> Code { get; } = new();
    public List<string> Remarks { get; } = new();
}

public sealed class ParameterHelp
{
    public string Name { get; set; } = string.Empty;
    public List<string> Description { get; } = new();

    /// <summary>
    /// Each ```yaml block of the parameter (PlatyPS writes one per group of parameter sets
    /// whose metadata differs), as `Key: Value` pairs.
    /// </summary>
    public List<Dictionary<string, string>> Metadata { get; } = new();

    public string? GetMetadata(string key) =>
        Metadata.Count > 0 && Metadata[0].TryGetValue(key, out var value) ? value : null;
}

/// <summary>An `### TypeName` entry under INPUTS or OUTPUTS.</summary>
public sealed class TypeHelp
{
    public string TypeName { get; set; } = string.Empty;
    public List<string> Description { get; } = new();
}

public sealed record RelatedLink(string Text, string? Uri);
