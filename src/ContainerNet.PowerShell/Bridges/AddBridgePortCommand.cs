using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Bridges;
using ContainerNet.Core.Links;

namespace ContainerNet.Commands;

/// <summary>Attaches interfaces to a bridge (`ip link set DEV master BRIDGE`), with port options.</summary>
[Cmdlet(VerbsCommon.Add, "BridgePort", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(BridgePort))]
public sealed class AddBridgePortCommand : ContainerNetCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(Completion.BridgeNameCompleter))]
    public string Bridge { get; set; } = "";

    /// <summary>The interfaces to attach; takes Name from piped VethPair or NetLink objects.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(Completion.LinkNameCompleter))]
    public string[] Interface { get; set; } = Array.Empty<string>();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    /// <summary>Isolated ports cannot reach each other, only non-isolated ports and the bridge itself.</summary>
    [Parameter]
    public SwitchParameter Isolated { get; set; }

    /// <summary>Lets frames leave by the port they came in on (hairpin NAT to a container's own published port).</summary>
    [Parameter]
    public SwitchParameter Hairpin { get; set; }

    /// <summary>Stops the bridge from learning MAC addresses on this port.</summary>
    [Parameter]
    public SwitchParameter DisableLearning { get; set; }

    protected override void ProcessRecord()
    {
        var options = new BridgePortOptions
        {
            Isolated = Isolated.IsPresent ? true : null,
            Hairpin = Hairpin.IsPresent ? true : null,
            Learning = DisableLearning.IsPresent ? false : null,
        };
        foreach (string name in Interface)
        {
            if (!ShouldProcess($"'{name}' in {LinkOperations.Describe(Namespace)}", $"Attach to bridge '{Bridge}'"))
                continue;
            TryRun(() => WriteObject(ContainerNetSession.Bridges.AddPort(Namespace, Bridge, name, options)));
        }
    }
}
