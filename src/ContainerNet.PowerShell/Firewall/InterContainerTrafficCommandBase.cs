using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Firewall;
using ContainerNet.Core.Links;

namespace ContainerNet.Commands.Firewall;

/// <summary>Enable-/Disable-InterContainerTraffic: the same parameters, the opposite value.</summary>
public abstract class InterContainerTrafficCommandBase : ContainerNetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(Completion.BridgeNameCompleter))]
    public string[] Bridge { get; set; } = Array.Empty<string>();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected abstract bool Allowed { get; }

    protected override void ProcessRecord()
    {
        foreach (string bridge in Bridge)
        {
            if (!ShouldProcess($"bridge '{bridge}' in {LinkOperations.Describe(Namespace)}", $"{(Allowed ? "Allow" : "Deny")} traffic between its containers"))
                continue;
            TryRun(() =>
            {
                BridgeIsolation result = ContainerNetSession.Firewall.SetInterContainerTraffic(Namespace, bridge, Allowed);
                if (PassThru)
                    WriteObject(result);
            });
        }
    }
}
