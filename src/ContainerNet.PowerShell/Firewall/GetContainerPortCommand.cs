using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Firewall;

namespace ContainerNet.Commands;

/// <summary>Lists published ports, read from the kernel's nf_tables maps.</summary>
[Cmdlet(VerbsCommon.Get, "ContainerPort")]
[OutputType(typeof(PortMapping))]
public sealed class GetContainerPortCommand : ContainerNetCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? ContainerAddress { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int? HostPort { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public TransportProtocol? Protocol { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    protected override void ProcessRecord() => TryRun(() =>
        WriteObject(ContainerNetSession.Firewall.ListPorts(Namespace)
            .Where(m => string.IsNullOrEmpty(ContainerAddress) || m.ContainerAddress == ContainerAddress)
            .Where(m => HostPort is null || m.HostPort == HostPort)
            .Where(m => Protocol is null || m.Protocol == Protocol), enumerateCollection: true));
}
