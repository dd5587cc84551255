using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Firewall;

namespace ContainerNet.Commands;

/// <summary>Lists bridges with icc off or in the isolation group, read from the kernel's nf_tables sets.</summary>
[Cmdlet(VerbsCommon.Get, "NetBridgeIsolation")]
[OutputType(typeof(BridgeIsolation))]
public sealed class GetNetBridgeIsolationCommand : ContainerNetCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(Completion.BridgeNameCompleter))]
    public string? Bridge { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    protected override void ProcessRecord() => TryRun(() =>
        WriteObject(ContainerNetSession.Firewall.ListIsolation(Namespace)
            .Where(i => string.IsNullOrEmpty(Bridge) || i.Bridge == Bridge), enumerateCollection: true));
}
