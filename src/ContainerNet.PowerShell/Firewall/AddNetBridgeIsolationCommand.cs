using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Firewall;
using ContainerNet.Core.Links;

namespace ContainerNet.Commands;

/// <summary>Puts bridges in the isolation group: containers on one cannot reach containers on another (Docker's DOCKER-ISOLATION).</summary>
[Cmdlet(VerbsCommon.Add, "NetBridgeIsolation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(BridgeIsolation))]
public sealed class AddNetBridgeIsolationCommand : ContainerNetCmdlet
{
    private readonly List<string> _bridges = new();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(Completion.BridgeNameCompleter))]
    public string[] Bridge { get; set; } = Array.Empty<string>();

    [Parameter]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    protected override void ProcessRecord()
    {
        foreach (string bridge in Bridge)
        {
            if (ShouldProcess($"bridge '{bridge}' in {LinkOperations.Describe(Namespace)}", "Isolate from the other isolated bridges"))
                _bridges.Add(bridge);
        }
    }

    /// <summary>Every bridge of the call joins the group in one batch.</summary>
    protected override void EndProcessing()
    {
        if (_bridges.Count > 0)
            TryRun(() => WriteObject(ContainerNetSession.Firewall.AddIsolation(Namespace, _bridges), enumerateCollection: true));
    }
}
