using System.Management.Automation;

namespace ContainerNet.HelpBuilder.Commands;

/// <summary>
/// Syntax and parameter facts of a built command, read from its <see cref="CommandInfo"/>
/// (which PowerShell builds by reflection over the cmdlet class), never from the markdown.
/// </summary>
public sealed class CommandFacts
{
    /// <summary>Parameters every cmdlet gets; Get-Help adds them as [&lt;CommonParameters&gt;].</summary>
    public static readonly IReadOnlySet<string> CommonParameterNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction",
        "ErrorVariable", "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
    };

    public required string Name { get; init; }
    public required string Verb { get; init; }
    public required string Noun { get; init; }
    public required bool SupportsShouldProcess { get; init; }
    public required bool SupportsCommonParameters { get; init; }

    /// <summary>Every parameter except the common ones; WhatIf and Confirm included when present.</summary>
    public required IReadOnlyList<ParameterFacts> Parameters { get; init; }

    public required IReadOnlyList<SyntaxFacts> ParameterSets { get; init; }

    /// <summary>[OutputType] names, for the OUTPUTS section when the page has none.</summary>
    public required IReadOnlyList<string> OutputTypes { get; init; }

    public ParameterFacts? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public static CommandFacts FromCommandInfo(CommandInfo command)
    {
        var (verb, noun) = SplitName(command);
        var sets = command.ParameterSets;
        var defaultSet = sets.FirstOrDefault(s => s.IsDefault) ?? sets.FirstOrDefault();

        // Gather each parameter's membership per set, keeping the order the cmdlet declares them.
        var memberships = new Dictionary<string, List<ParameterSetMembership>>(StringComparer.OrdinalIgnoreCase);
        var declared = new Dictionary<string, CommandParameterInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var set in sets)
        {
            foreach (var p in set.Parameters)
            {
                if (CommonParameterNames.Contains(p.Name))
                {
                    continue;
                }
                if (!memberships.TryGetValue(p.Name, out var list))
                {
                    memberships[p.Name] = list = new List<ParameterSetMembership>();
                    declared[p.Name] = p;
                }
                list.Add(new ParameterSetMembership(
                    set.Name,
                    p.IsMandatory,
                    p.Position == int.MinValue ? null : p.Position,
                    p.ValueFromPipeline,
                    p.ValueFromPipelineByPropertyName));
            }
        }

        var parameters = declared.Values.Select(p =>
        {
            var list = memberships[p.Name];
            return new ParameterFacts
            {
                Name = p.Name,
                Type = p.ParameterType,
                Aliases = p.Aliases.ToList(),
                SupportsWildcards = p.Attributes.OfType<SupportsWildcardsAttribute>().Any(),
                AcceptedValues = AcceptedValues(p),
                Sets = list,
                InAllSets = list.Count == sets.Count,
                Primary = list.FirstOrDefault(m => m.SetName == defaultSet?.Name) ?? list[0],
            };
        }).ToList();
        var byName = parameters.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

        var syntax = sets.Select(set => new SyntaxFacts
        {
            CommandName = command.Name,
            SetName = set.Name,
            IsDefault = set.IsDefault,
            SupportsCommonParameters = SupportsCommon(command),
            Parameters = set.Parameters
                .Where(p => byName.ContainsKey(p.Name))
                .Select((p, index) => (p, index))
                .OrderBy(x => x.p.Position == int.MinValue ? 1 : 0)
                .ThenBy(x => x.p.Position)
                .ThenBy(x => x.p.Name is "WhatIf" or "Confirm" ? 1 : 0)
                .ThenBy(x => x.index)
                .Select(x => new SyntaxParameter(byName[x.p.Name], memberships[x.p.Name].First(m => m.SetName == set.Name)))
                .ToList(),
        }).ToList();

        return new CommandFacts
        {
            Name = command.Name,
            Verb = verb,
            Noun = noun,
            SupportsShouldProcess = byName.ContainsKey("WhatIf") && byName.ContainsKey("Confirm"),
            SupportsCommonParameters = SupportsCommon(command),
            Parameters = parameters,
            ParameterSets = syntax,
            OutputTypes = command.OutputType.Select(t => t.Type?.FullName ?? t.Name).Distinct().ToList(),
        };
    }

    private static (string Verb, string Noun) SplitName(CommandInfo command)
    {
        if (command is CmdletInfo cmdlet)
        {
            return (cmdlet.Verb, cmdlet.Noun);
        }
        var dash = command.Name.IndexOf('-');
        return dash > 0 ? (command.Name[..dash], command.Name[(dash + 1)..]) : (command.Name, string.Empty);
    }

    private static bool SupportsCommon(CommandInfo command) =>
        command is CmdletInfo || command.Parameters?.ContainsKey("Verbose") == true;

    private static IReadOnlyList<string> AcceptedValues(CommandParameterInfo parameter)
    {
        var validateSet = parameter.Attributes.OfType<ValidateSetAttribute>().FirstOrDefault();
        if (validateSet is not null)
        {
            return validateSet.ValidValues.ToList();
        }
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (type.IsArray)
        {
            type = type.GetElementType()!;
        }
        return type.IsEnum ? Enum.GetNames(type) : Array.Empty<string>();
    }
}
