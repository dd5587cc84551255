namespace ContainerNet.HelpBuilder.Commands;

/// <summary>What the built cmdlet says about one parameter, across all its parameter sets.</summary>
public sealed class ParameterFacts
{
    public required string Name { get; init; }
    public required Type Type { get; init; }

    /// <summary>The name PlatyPS shows (`String[]`, `Int32` for `int?`, `SwitchParameter`).</summary>
    public string TypeName => TypeNames.Short(Type);

    /// <summary>The full name for `dev:type` (`System.String[]`).</summary>
    public string FullTypeName => Type.ToString();

    public bool IsSwitch => Type == typeof(System.Management.Automation.SwitchParameter);
    public required IReadOnlyList<string> Aliases { get; init; }
    public required bool SupportsWildcards { get; init; }

    /// <summary>ValidateSet values or enum names; empty when the parameter takes anything of its type.</summary>
    public required IReadOnlyList<string> AcceptedValues { get; init; }

    public required IReadOnlyList<ParameterSetMembership> Sets { get; init; }

    /// <summary>True when the parameter belongs to every parameter set (PlatyPS writes "(All)").</summary>
    public required bool InAllSets { get; init; }

    /// <summary>The membership Get-Help shows in PARAMETERS: the default set's, else the first.</summary>
    public required ParameterSetMembership Primary { get; init; }
}

/// <summary>How one parameter behaves in one parameter set.</summary>
public sealed record ParameterSetMembership(
    string SetName,
    bool IsMandatory,
    int? Position,
    bool ValueFromPipeline,
    bool ValueFromPipelineByPropertyName)
{
    /// <summary>The text PlatyPS and MAML use: "True (ByPropertyName, ByValue)", "False".</summary>
    public string PipelineInput => (ValueFromPipeline, ValueFromPipelineByPropertyName) switch
    {
        (true, true) => "True (ByPropertyName, ByValue)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };

    public string PositionText => Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "Named";
}
