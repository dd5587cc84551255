using System.Text;

namespace ContainerNet.HelpBuilder.Commands;

/// <summary>One parameter set as Get-Help's SYNTAX shows it.</summary>
public sealed class SyntaxFacts
{
    public required string CommandName { get; init; }
    public required string SetName { get; init; }
    public required bool IsDefault { get; init; }

    /// <summary>Parameters in display order: positional by position, then named, WhatIf/Confirm last.</summary>
    public required IReadOnlyList<SyntaxParameter> Parameters { get; init; }

    public required bool SupportsCommonParameters { get; init; }

    /// <summary>The PlatyPS SYNTAX line: `Get-NetNamespace [[-Name] &lt;String[]&gt;] [&lt;CommonParameters&gt;]`.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(CommandName);
        foreach (var p in Parameters)
        {
            sb.Append(' ').Append(p.ToString());
        }
        if (SupportsCommonParameters)
        {
            sb.Append(" [<CommonParameters>]");
        }
        return sb.ToString();
    }
}

public sealed record SyntaxParameter(ParameterFacts Parameter, ParameterSetMembership Membership)
{
    public override string ToString()
    {
        var name = Membership.Position is null ? $"-{Parameter.Name}" : $"[-{Parameter.Name}]";
        var text = Parameter.IsSwitch ? name : $"{name} <{Parameter.TypeName}>";
        return Membership.IsMandatory ? text : $"[{text}]";
    }
}
