using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;

namespace ContainerNet.Commands;

/// <summary>
/// Disconnects containers from a network (`docker network disconnect`): veth, address, published
/// ports and links, hosts entries and the allocation go. Everything piped into one call is done
/// together at the end, per network: one firewall batch and one kernel request for all the veths.
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "ContainerNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class DisconnectContainerNetworkCommand : ContainerNetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NetworkNameCompleter))]
    [AllowEmptyString]
    public string Network { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    [AllowEmptyString]
    public string[] Container { get; set; } = Array.Empty<string>();

    private readonly Dictionary<string, List<string>> _byNetwork = new(StringComparer.Ordinal);

    protected override void ProcessRecord()
    {
        foreach (string container in Container)
        {
            if (!ShouldProcess($"container {container}", $"Disconnect from network {Network}"))
                continue;
            if (!_byNetwork.TryGetValue(Network, out List<string>? containers))
                _byNetwork[Network] = containers = new List<string>();
            containers.Add(container);
        }
    }

    protected override void EndProcessing()
    {
        foreach ((string network, List<string> containers) in _byNetwork)
            TryRun(() => ContainerNetSession.Networks.Disconnect(network, containers));
    }
}
