using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Links;

namespace ContainerNet.Commands;

/// <summary>Detaches interfaces from a bridge (`ip link set DEV nomaster`); traffic through that port stops.</summary>
[Cmdlet(VerbsCommon.Remove, "BridgePort", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
public sealed class RemoveBridgePortCommand : ContainerNetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(Completion.BridgeNameCompleter))]
    public string Bridge { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(Completion.LinkNameCompleter))]
    public string[] Interface { get; set; } = Array.Empty<string>();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    protected override void ProcessRecord()
    {
        foreach (string name in Interface)
        {
            if (!ShouldProcess($"'{name}' in {LinkOperations.Describe(Namespace)}", $"Detach from bridge '{Bridge}'"))
                continue;
            TryRun(() => ContainerNetSession.Bridges.RemovePort(Namespace, Bridge, name));
        }
    }
}
