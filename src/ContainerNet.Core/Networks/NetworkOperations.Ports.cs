using ContainerNet.Core.Addressing;
using ContainerNet.Core.Errors;
using ContainerNet.Core.Firewall;
using ContainerNet.Core.State;

namespace ContainerNet.Core.Networks;

/// <summary>Publishing ports of a network's container by name (docker run -p on a network).</summary>
public sealed partial class NetworkOperations
{
    /// <summary>
    /// Publishes ports to the container's address on the network (IPv4, or IPv6 when the host address is
    /// IPv6 or the network has no IPv4). The mappings carry "network/container", so disconnecting the
    /// container or removing the network takes them away, and repair finds them.
    /// </summary>
    public IReadOnlyList<PortMapping> Publish(string network, string container, IReadOnlyList<PublishSpec> specs) => Guarded(() => PublishCore(network, container, specs));

    private IReadOnlyList<PortMapping> PublishCore(string network, string container, IReadOnlyList<PublishSpec> specs)
    {
        ValidateNetworkName(network);
        using StateLock held = _store.Lock();
        NetworkDocument doc = _store.Read<NetworkDocument>(network) ?? throw NetworkNotFound(network);
        EndpointDocument endpoint = doc.Endpoints.FirstOrDefault(e => e.Container == container)
            ?? throw new ContainerNetException("NotConnected", ErrorKind.ObjectNotFound, container,
                $"Container '{container}' is not connected to network '{network}'. Connect it first with Connect-ContainerNetwork -Network {network} -Container {container}.");
        var resolved = specs.Select(spec =>
        {
            bool wantsV6 = spec.HostAddress is { } host && AddressFamilies.Of(IPPrefix.ParseAddress(host, "host address")) == IPFamily.IPv6;
            string address = (wantsV6 ? endpoint.IPv6Address : endpoint.IPv4Address ?? endpoint.IPv6Address)
                ?? throw new ContainerNetException("AddressFamilyMismatch", ErrorKind.InvalidArgument, spec.HostAddress,
                    $"Container '{container}' has no {(wantsV6 ? "IPv6" : "IPv4")} address on network '{network}' to publish to.");
            return spec with { ContainerAddress = address };
        }).ToList();
        IReadOnlyList<PortMapping> published = _firewall.Publish(null, resolved, network, container);
        try
        {
            endpoint.Ports.AddRange(published.Select(ToDocument));
            _store.Write(doc.Name, doc);
        }
        catch
        {
            _firewall.Unpublish(null, published); // the state could not remember them: take them back
            throw;
        }
        return published;
    }

    /// <summary>
    /// Unpublish-ContainerPort for the host: removes the mappings from the firewall (all or, when one
    /// is not published, none) and forgets those that belonged to network endpoints, so repair does
    /// not bring them back.
    /// </summary>
    public void Unpublish(IReadOnlyList<PortMapping> mappings) => Guarded<object?>(() =>
    {
        if (_store.Names().Count == 0)
        {
            _firewall.Unpublish(null, mappings); // no networks: nothing to forget, no state to lock
            return null;
        }
        using StateLock held = _store.Lock();
        var all = LoadAll();
        _firewall.Unpublish(null, mappings);
        foreach (NetworkDocument doc in all.Values)
        {
            int removed = 0;
            foreach (EndpointDocument endpoint in doc.Endpoints)
                removed += endpoint.Ports.RemoveAll(port => mappings.Any(m => SameKey(port, m)));
            if (removed > 0)
                _store.Write(doc.Name, doc);
        }
        return null;
    });

    /// <summary>The mappings the state holds for an endpoint, as the firewall would show them.</summary>
    internal static IEnumerable<PortMapping> MappingsOf(NetworkDocument doc, EndpointDocument endpoint) =>
        endpoint.Ports.Select(port => new PortMapping
        {
            Protocol = Enum.Parse<TransportProtocol>(port.Protocol, ignoreCase: true),
            Family = Enum.Parse<IPFamily>(port.Family),
            HostAddress = port.HostAddress,
            HostPort = port.HostPort,
            ContainerAddress = (port.Family == nameof(IPFamily.IPv6) ? endpoint.IPv6Address : endpoint.IPv4Address) ?? "",
            ContainerPort = port.ContainerPort,
            Network = doc.Name,
            Container = endpoint.Container,
        });

    private static PortDocument ToDocument(PortMapping mapping) => new()
    {
        Protocol = mapping.Protocol.ToString().ToLowerInvariant(), Family = mapping.Family.ToString(),
        HostAddress = mapping.HostAddress, HostPort = mapping.HostPort, ContainerPort = mapping.ContainerPort,
    };

    /// <summary>Same host side (family, protocol, address, port): what identifies a published port.</summary>
    internal static bool SameKey(PortDocument port, PortMapping mapping) =>
        port.Family == mapping.Family.ToString() && string.Equals(port.Protocol, mapping.Protocol.ToString(), StringComparison.OrdinalIgnoreCase)
        && port.HostPort == mapping.HostPort && port.HostAddress == mapping.HostAddress;
}
