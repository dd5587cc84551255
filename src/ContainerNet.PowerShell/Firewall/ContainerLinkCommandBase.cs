using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Firewall;

namespace ContainerNet.Commands.Firewall;

/// <summary>The parameters Add-ContainerLink and Remove-ContainerLink share: one link.</summary>
public abstract class ContainerLinkCommandBase : ContainerNetCmdlet
{
    /// <summary>The container address that may open connections.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string Source { get; set; } = "";

    /// <summary>The container address it may connect to.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string Destination { get; set; } = "";

    /// <summary>Only this destination port; absent: every port and protocol.</summary>
    [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
    public int? Port { get; set; }

    /// <summary>With -Port: Tcp (default) or Udp.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public TransportProtocol? Protocol { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    protected string Shown => $"{Source} -> {Destination}{(Port is { } p ? $":{p}" : "")}";
}
