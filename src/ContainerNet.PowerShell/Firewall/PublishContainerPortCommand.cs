using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Firewall;
using ContainerNet.Core.Links;

namespace ContainerNet.Commands;

/// <summary>
/// Publishes container ports on the host (`docker run -p`): DNAT from a host port (or range) on every
/// local address, or one, to the container, also for connections the host itself opens and hairpin
/// connections from containers on the same bridge. Everything given to one call (ranges, and every
/// record piped in) is published in one nf_tables batch at the end: all of it or, on a conflict, none.
/// With -Network and -Container the container's address on that network is looked up, and the ports
/// go away when it disconnects.
/// </summary>
[Cmdlet(VerbsData.Publish, "ContainerPort", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = AddressSet)]
[OutputType(typeof(PortMapping))]
public sealed class PublishContainerPortCommand : ContainerNetCmdlet
{
    private const string AddressSet = "Address";
    private const string NetworkSet = "Network";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = AddressSet)]
    [AllowEmptyString]
    public string ContainerAddress { get; set; } = "";

    /// <summary>The network whose container (-Container) receives the traffic.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = NetworkSet)]
    [ArgumentCompleter(typeof(Completion.NetworkNameCompleter))]
    [AllowEmptyString]
    public string Network { get; set; } = "";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = NetworkSet)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    [AllowEmptyString]
    public string Container { get; set; } = "";

    /// <summary>A port (80) or a range (8000-8010).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string ContainerPort { get; set; } = "";

    /// <summary>The host port or range, of the same size as the container's; defaults to the container port.</summary>
    [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
    public string? HostPort { get; set; }

    /// <summary>Only this local address answers; absent: every local address.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? HostAddress { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public TransportProtocol Protocol { get; set; } = TransportProtocol.Tcp;

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = AddressSet)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    private readonly Dictionary<string, List<PublishSpec>> _byNamespace = new();
    private readonly Dictionary<(string Network, string Container), List<PublishSpec>> _byEndpoint = new();

    protected override void ProcessRecord()
    {
        string host = $"{(string.IsNullOrEmpty(HostAddress) ? "*" : HostAddress)}:{HostPort ?? ContainerPort}";
        bool byNetwork = ParameterSetName == NetworkSet;
        string where = byNetwork ? "the host" : LinkOperations.Describe(Namespace);
        string to = byNetwork ? $"container {Container} on network {Network}" : ContainerAddress;
        if (!ShouldProcess($"{Protocol.ToString().ToLowerInvariant()} {host} in {where}", $"Publish to {to}:{ContainerPort}"))
            return;
        List<PublishSpec>? specs;
        if (byNetwork)
        {
            if (!_byEndpoint.TryGetValue((Network, Container), out specs))
                _byEndpoint[(Network, Container)] = specs = new List<PublishSpec>();
        }
        else if (!_byNamespace.TryGetValue(Namespace ?? "", out specs))
            _byNamespace[Namespace ?? ""] = specs = new List<PublishSpec>();
        specs.Add(new PublishSpec
        {
            ContainerAddress = ContainerAddress,
            ContainerPort = ContainerPort,
            HostPort = string.IsNullOrEmpty(HostPort) ? null : HostPort,
            HostAddress = string.IsNullOrEmpty(HostAddress) ? null : HostAddress,
            Protocol = Protocol,
        });
    }

    protected override void EndProcessing()
    {
        foreach ((string namespaceName, List<PublishSpec> specs) in _byNamespace)
            TryRun(() => WriteObject(ContainerNetSession.Firewall.Publish(namespaceName, specs), enumerateCollection: true));
        foreach (((string network, string container), List<PublishSpec> specs) in _byEndpoint)
            TryRun(() => WriteObject(ContainerNetSession.Networks.Publish(network, container, specs), enumerateCollection: true));
    }
}
