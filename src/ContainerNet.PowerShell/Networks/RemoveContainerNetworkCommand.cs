using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Networks;

namespace ContainerNet.Commands;

/// <summary>
/// Removes networks (`docker network rm`): bridge, firewall rules, hosts and state. A network with
/// endpoints is refused unless -Force, which disconnects them first (all veths in one kernel request).
/// </summary>
[Cmdlet(VerbsCommon.Remove, "ContainerNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ContainerNetwork))]
public sealed class RemoveContainerNetworkCommand : ContainerNetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NetworkNameCompleter))]
    [AllowEmptyString]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <summary>Disconnect the network's endpoints first.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes the network as it was before removal.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (string name in Name)
        {
            if (!ShouldProcess($"network {name}", Force ? "Remove (disconnecting its endpoints)" : "Remove"))
                continue;
            TryRun(() =>
            {
                ContainerNetwork? before = PassThru ? ContainerNetSession.Networks.Get(name) : null;
                ContainerNetSession.Networks.Remove(name, Force);
                if (before is not null)
                    WriteObject(before);
            });
        }
    }
}
