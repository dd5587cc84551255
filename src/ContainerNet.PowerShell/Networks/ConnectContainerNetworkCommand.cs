using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Networks;

namespace ContainerNet.Commands;

/// <summary>
/// Connects a container (a named namespace) to a network (`docker network connect`): a veth whose
/// peer appears in the container as eth0 (eth1 on a second network ...), an address, the default
/// route via the first network's gateway, hosts entries for every member, and -Link aliases. Each
/// container is one transaction: a failure leaves nothing behind. Pipe namespaces in to connect many.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "ContainerNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(ContainerEndpoint))]
public sealed class ConnectContainerNetworkCommand : ContainerNetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NetworkNameCompleter))]
    [AllowEmptyString]
    public string Network { get; set; } = "";

    /// <summary>The container's namespace; binds the Name of a NetNamespace from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    [AllowEmptyString]
    public string Container { get; set; } = "";

    /// <summary>An address of the network's subnet (IPv4, or IPv6 on a dual-stack network); absent: the lowest free one.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? IPAddress { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? IPv6Address { get; set; }

    /// <summary>More names the container answers to on this network.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Aliases")]
    public string[] Alias { get; set; } = Array.Empty<string>();

    /// <summary>container:alias — the alias resolves in this container only; on an icc-off network the link also opens traffic to it.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string[] Link { get; set; } = Array.Empty<string>();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? InterfaceName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? MacAddress { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldProcess($"container {Container}", $"Connect to network {Network}"))
            return;
        TryRun(() => WriteObject(ContainerNetSession.Networks.Connect(new EndpointSpec
        {
            Network = Network, Container = Container, IPAddress = NullIfEmpty(IPAddress), IPv6Address = NullIfEmpty(IPv6Address),
            Aliases = Alias, Links = Link, InterfaceName = NullIfEmpty(InterfaceName), MacAddress = NullIfEmpty(MacAddress),
        })));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
