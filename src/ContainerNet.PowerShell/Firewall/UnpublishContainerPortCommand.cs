using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Addressing;
using ContainerNet.Core.Firewall;
using ContainerNet.Core.Links;

namespace ContainerNet.Commands;

/// <summary>
/// Stops publishing host ports. Takes PortMapping objects from the pipeline (Get-ContainerPort |
/// Unpublish-ContainerPort) and removes everything piped in one batch at the end. A port published to
/// a network's container is also forgotten by the network's state (repair will not bring it back).
/// </summary>
[Cmdlet(VerbsData.Unpublish, "ContainerPort", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
public sealed class UnpublishContainerPortCommand : ContainerNetCmdlet
{
    private readonly Dictionary<string, List<PortMapping>> _byNamespace = new();

    /// <summary>The host port or range to unpublish.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string HostPort { get; set; } = "";

    /// <summary>The local address it was published on; absent: published on every address.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? HostAddress { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public TransportProtocol Protocol { get; set; } = TransportProtocol.Tcp;

    /// <summary>IPv6 mappings (IPv4 when absent, unless -HostAddress is an IPv6 address).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public IPFamily? Family { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            PortRange ports = PortRange.Parse(HostPort, "host port");
            string? address = string.IsNullOrEmpty(HostAddress) ? null : IPPrefix.ParseAddress(HostAddress, "host address").ToString();
            IPFamily family = Family ?? (address is null ? IPFamily.IPv4 : AddressFamilies.Of(System.Net.IPAddress.Parse(address)));
            string where = $"{Protocol.ToString().ToLowerInvariant()} {address ?? "*"}:{ports}";
            if (!ShouldProcess($"{where} in {LinkOperations.Describe(Namespace)}", "Unpublish"))
                return;
            string key = Namespace ?? "";
            if (!_byNamespace.TryGetValue(key, out List<PortMapping>? list))
                _byNamespace[key] = list = new List<PortMapping>();
            for (int port = ports.First; port <= ports.Last; port++)
                list.Add(new PortMapping { Protocol = Protocol, HostAddress = address, HostPort = port, ContainerAddress = "", Family = family });
        });
    }

    protected override void EndProcessing()
    {
        // In the host, ports may belong to Docker-style networks, whose state must forget them too.
        foreach ((string namespaceName, List<PortMapping> mappings) in _byNamespace)
            TryRun(() =>
            {
                if (namespaceName.Length == 0)
                    ContainerNetSession.Networks.Unpublish(mappings);
                else
                    ContainerNetSession.Firewall.Unpublish(namespaceName, mappings);
            });
    }
}
