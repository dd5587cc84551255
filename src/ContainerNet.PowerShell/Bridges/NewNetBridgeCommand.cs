using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Links;

namespace ContainerNet.Commands;

/// <summary>Creates a Linux bridge (`ip link add NAME type bridge`): the switch containers' veths plug into.</summary>
[Cmdlet(VerbsCommon.New, "NetBridge", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(NetLink))]
public sealed class NewNetBridgeCommand : ContainerNetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string Name { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    [Parameter]
    public int? Mtu { get; set; }

    [Parameter]
    public string? MacAddress { get; set; }

    /// <summary>Brings the bridge up in the same request.</summary>
    [Parameter]
    public SwitchParameter Up { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldProcess($"bridge '{Name}' in {LinkOperations.Describe(Namespace)}", "Create"))
            return;
        TryRun(() => WriteObject(ContainerNetSession.Bridges.CreateBridge(Namespace, Name, Mtu, MacAddress, Up)));
    }
}
