using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Links;

namespace ContainerNet.Commands;

/// <summary>Takes bridges out of the isolation group: their containers can reach the other bridges' again.</summary>
[Cmdlet(VerbsCommon.Remove, "NetBridgeIsolation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
public sealed class RemoveNetBridgeIsolationCommand : ContainerNetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(Completion.BridgeNameCompleter))]
    public string[] Bridge { get; set; } = Array.Empty<string>();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    protected override void ProcessRecord()
    {
        foreach (string bridge in Bridge)
        {
            if (ShouldProcess($"bridge '{bridge}' in {LinkOperations.Describe(Namespace)}", "End its isolation"))
                TryRun(() => ContainerNetSession.Firewall.RemoveIsolation(Namespace, bridge));
        }
    }
}
