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
        return _firewall.Publish(null, resolved, network, container);
    }
}
