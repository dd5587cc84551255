using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ContainerNet.Core.Addressing;
using ContainerNet.Core.Errors;
using ContainerNet.Core.Firewall;
using ContainerNet.Core.Ipam;
using ContainerNet.Core.Links;
using ContainerNet.Core.Namespaces;
using ContainerNet.Core.Native;
using ContainerNet.Core.Routes;
using ContainerNet.Core.State;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Errors;
using ContainerNet.Netlink.Route.Addresses;
using ContainerNet.Netlink.Route.Links;
using ContainerNet.Netlink.Route.Links.Kinds;
using ContainerNet.Netlink.Route.Routes;
using ContainerNet.Netlink.Transport;
using Tmds.Linux;

namespace ContainerNet.Core.Networks;

/// <summary>Connecting containers to networks and disconnecting them.</summary>
public sealed partial class NetworkOperations
{
    private const int LoopbackIndex = 1; // every network namespace's lo

    /// <summary>
    /// What `docker network connect` does: a veth whose peer is created in the container's namespace
    /// (eth0, eth1, ... in the order of its networks) as a port of the network's bridge, the address,
    /// the default route via the gateway of the container's first network, link exceptions, the
    /// state and the hosts files. Any failure undoes every step already done.
    /// </summary>
    public ContainerEndpoint Connect(EndpointSpec spec) => Guarded(() => ConnectCore(spec));

    private ContainerEndpoint ConnectCore(EndpointSpec spec)
    {
        ValidateNetworkName(spec.Network);
        RequireContainer(spec.Container);
        foreach (string alias in spec.Aliases)
            ValidateHostName(alias, "alias");
        var links = spec.Links.Select(ParseLink).ToList();
        if (spec.InterfaceName is not null)
            LinkName.Validate(spec.InterfaceName, "interface");
        byte[]? wantedMac = spec.MacAddress is null ? null : MacAddress.Parse(spec.MacAddress);
        (IPAddress? wantedV4, IPAddress? wantedV6) = SplitByFamily(spec.IPAddress, spec.IPv6Address);

        using StateLock held = _store.Lock();
        var all = LoadAll();
        NetworkDocument doc = all.GetValueOrDefault(spec.Network) ?? throw NetworkNotFound(spec.Network);
        if (doc.Endpoints.Any(e => e.Container == spec.Container))
            throw new ContainerNetException("AlreadyConnected", ErrorKind.ResourceExists, spec.Container,
                $"Container '{spec.Container}' is already connected to network '{doc.Name}'. Disconnect it first to change its settings.");
        CheckNames(doc, spec.Container, spec.Aliases);
        foreach ((string target, string _) in links)
            if (!doc.Endpoints.Any(e => e.Container == target))
                throw new ContainerNetException("LinkTargetNotFound", ErrorKind.ObjectNotFound, target,
                    $"-Link names '{target}', which is not connected to network '{doc.Name}'. Connect it first, or link to a container of this network.");

        var endpoint = new EndpointDocument
        {
            Container = spec.Container, Aliases = spec.Aliases.Distinct(StringComparer.Ordinal).ToList(),
            Links = links.Select(l => $"{l.Container}:{l.Alias}").ToList(), Connected = DateTimeOffset.UtcNow,
        };
        foreach (SubnetDocument subnet in doc.Subnets)
        {
            var allocator = AllocatorOf(subnet);
            bool v4 = allocator.Subnet.Family == IPFamily.IPv4;
            var inUse = doc.Endpoints.Select(e => v4 ? e.IPv4Address : e.IPv6Address).OfType<string>().Select(IPAddress.Parse).ToList();
            IPAddress? wanted = v4 ? wantedV4 : wantedV6;
            string address = (wanted is null ? allocator.Next(inUse) : allocator.Check(wanted, inUse)).ToString();
            if (v4) endpoint.IPv4Address = address; else endpoint.IPv6Address = address;
        }
        if (wantedV4 is not null && endpoint.IPv4Address is null || wantedV6 is not null && endpoint.IPv6Address is null)
            throw new ContainerNetException("AddressFamilyMismatch", ErrorKind.InvalidArgument, spec.IPAddress ?? spec.IPv6Address,
                $"Network '{doc.Name}' has no subnet of the family of {spec.IPAddress ?? spec.IPv6Address} (it has {string.Join(", ", doc.Subnets.Select(s => s.Subnet))}).");

        var containerLinks = _links.Dump(spec.Container);
        endpoint.InterfaceName = spec.InterfaceName ?? NextInterfaceName(containerLinks.Select(l => l.Name));
        if (containerLinks.Any(l => l.Name == endpoint.InterfaceName))
            throw new ContainerNetException("InterfaceExists", ErrorKind.ResourceExists, endpoint.InterfaceName,
                $"Container '{spec.Container}' already has an interface named '{endpoint.InterfaceName}'. Give another -InterfaceName, or none to get the next free ethN.");
        byte[] mac = wantedMac ?? MacFor(endpoint.IPv4Address);
        endpoint.MacAddress = Links.MacAddress.Format(mac);
        LinkMessage bridge = RequireNetworkBridge(doc);

        var rollback = new Rollback();
        try
        {
            (endpoint.HostInterface, int peerIndex) = CreateEndpointVeth(doc, endpoint, bridge.Index, mac);
            rollback.Add(() => DeleteLinkIfPresent(endpoint.HostInterface));
            ConfigureInside(doc, endpoint, peerIndex, IsFirstRouteNeeded(all, doc, spec.Container));

            var exceptions = LinkExceptions(doc, endpoint);
            if (exceptions.Count > 0)
            {
                _firewall.AddEndpointLinks(null, exceptions);
                rollback.Add(() => _firewall.RemoveEndpoints(null, doc.Name, new[] { spec.Container }));
            }

            doc.Endpoints.Add(endpoint);
            rollback.Add(() => doc.Endpoints.Remove(endpoint));
            _store.Write(doc.Name, doc);
            rollback.Add(() =>
            {
                doc.Endpoints.Remove(endpoint);
                _store.Write(doc.Name, doc);
                RewriteHosts(all, doc, new[] { spec.Container });
            });
            _hosts.AppendToNetwork(doc, endpoint);
            UpdateMemberFiles(all, doc, new[] { spec.Container });
        }
        catch (Exception failure) when (failure is ContainerNetException or NetlinkException or IOException or UnauthorizedAccessException)
        {
            rollback.Run();
            throw failure is NetlinkException netlink
                ? KernelErrors.Translate(netlink, $"connect '{spec.Container}' to network '{doc.Name}'", spec.Container)
                : Wrap(failure, $"connect '{spec.Container}' to network '{doc.Name}'", spec.Container);
        }
        return ToModel(doc, endpoint);
    }

    /// <summary>
    /// Disconnects containers from one network: their ports and links go in one firewall batch, their
    /// veths in one kernel request (a link group), so disconnecting many costs one RCU grace period,
    /// not one per container. Checks every container first: on a bad name nothing changes.
    /// </summary>
    public void Disconnect(string network, IReadOnlyList<string> containers) => Guarded(() => DisconnectCore(network, containers));

    private object? DisconnectCore(string network, IReadOnlyList<string> containers)
    {
        ValidateNetworkName(network);
        using StateLock held = _store.Lock();
        var all = LoadAll();
        NetworkDocument doc = all.GetValueOrDefault(network) ?? throw NetworkNotFound(network);
        var endpoints = new List<EndpointDocument>();
        foreach (string container in containers.Distinct(StringComparer.Ordinal))
        {
            endpoints.Add(doc.Endpoints.FirstOrDefault(e => e.Container == container)
                ?? throw new ContainerNetException("NotConnected", ErrorKind.ObjectNotFound, container,
                    $"Container '{container}' is not connected to network '{network}'. See its endpoints with Get-ContainerNetwork {network}."));
        }
        if (endpoints.Count > 0)
            DisconnectEndpoints(all, doc, endpoints);
        return null;
    }

    /// <summary>Firewall, kernel, default routes, state, hosts: the disconnect steps, for Disconnect and Remove -Force. Callers hold the lock.</summary>
    private void DisconnectEndpoints(Dictionary<string, NetworkDocument> all, NetworkDocument doc, List<EndpointDocument> endpoints)
    {
        var names = endpoints.Select(e => e.Container).ToList();
        try
        {
            _firewall.RemoveEndpoints(null, doc.Name, names);
            DeleteVeths(doc, endpoints);
            foreach (EndpointDocument endpoint in endpoints)
                doc.Endpoints.Remove(endpoint);
            _store.Write(doc.Name, doc);
            RewriteHosts(all, doc, names);
            foreach (string container in names)
                RestoreDefaultRoute(all, container);
        }
        catch (Exception failure) when (failure is NetlinkException or IOException or UnauthorizedAccessException)
        {
            throw failure is NetlinkException netlink
                ? KernelErrors.Translate(netlink, $"disconnect from network '{doc.Name}'", doc.Name)
                : Wrap(failure, $"disconnect from network '{doc.Name}'", doc.Name);
        }
    }

    /// <summary>
    /// One request for all: the whole network's link group when every endpoint goes, else the chosen
    /// veths are moved into a fresh group first (cheap) and that group is deleted.
    /// </summary>
    private void DeleteVeths(NetworkDocument doc, List<EndpointDocument> endpoints)
    {
        NetlinkConnection host = _connections.Route(null);
        if (endpoints.Count == 1)
        {
            DeleteLinkIfPresent(endpoints[0].HostInterface);
            return;
        }
        var wanted = endpoints.Select(e => e.HostInterface).ToHashSet(StringComparer.Ordinal);
        var present = _links.Dump(null).Where(l => wanted.Contains(l.Name)).ToList();
        if (present.Count == 0)
            return;
        uint group = doc.LinkGroup;
        if (present.Count != doc.Endpoints.Count || doc.Endpoints.Count != endpoints.Count)
        {
            group = NewLinkGroup(Array.Empty<NetworkDocument>());
            ThrowFirst(host.ExecuteAll(present.Select(l => (INetlinkRequest)new SetLinkRequest { Index = l.Index, Group = group }).ToList()),
                "move veths into a group for deletion");
        }
        UnlistedDeletion.Delete(DeleteLinkRequest.ByGroup(group), () => _links.Dump(null).Any(l => l.Group == group));
    }

    /// <summary>
    /// Creates the endpoint's veth with a fresh host name (retrying the unlikely clash): the peer made in
    /// the container, the host end a port of the bridge in the network's link group. The host end is a
    /// pure layer-2 port: it comes up without IPv6 addresses, so it sends no DAD, router solicitation
    /// or MLD that the bridge would flood to every other port (a cost that grows with the network).
    /// Returns the host name and the peer's index inside the container.
    /// </summary>
    private (string Name, int PeerIndex) CreateEndpointVeth(NetworkDocument doc, EndpointDocument endpoint, int bridgeIndex, byte[] mac)
    {
        NetlinkConnection host = _connections.Route(null);
        int peerFd = _connections.Registry.OpenHandle(endpoint.Container);
        string name;
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                name = "veth" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()[..7];
                try
                {
                    host.Execute(new NewLinkRequest
                    {
                        Name = name, MasterIndex = bridgeIndex, Mtu = doc.Mtu, Group = doc.LinkGroup,
                        MacAddress = Links.MacAddress.NewRandom(), QueueCount = LinkOperations.DefaultQueueCount,
                        Kind = new VethKind
                        {
                            PeerName = endpoint.InterfaceName, PeerNamespaceFd = peerFd, PeerMtu = doc.Mtu, PeerMacAddress = mac,
                            PeerQueueCount = LinkOperations.DefaultQueueCount,
                        },
                    });
                    break;
                }
                catch (NetlinkException ex) when (ex.Errno == LibC.EEXIST && attempt < 5 && _links.Dump(null).Any(l => l.Name == name))
                {
                    // Our random host name is taken: draw another.
                }
            }
        }
        catch (NetlinkException ex)
        {
            throw KernelErrors.Translate(ex, $"create the veth of '{endpoint.Container}' on network '{doc.Name}'", endpoint.Container);
        }
        finally
        {
            Syscall.Close(peerFd);
        }

        // The host end's message names its peer's index in the container (IFLA_LINK): no lookup inside.
        LinkMessage created = _links.GetMessage(null, name);
        try
        {
            ThrowFirst(host.ExecuteAll(new INetlinkRequest[]
            {
                new SetLinkRequest { Index = created.Index, IPv6AddressGenerationMode = IfLinkConstants.IN6_ADDR_GEN_MODE_NONE },
                new SetLinkRequest { Index = created.Index, Up = true },
            }), $"bring up '{name}' on the bridge of network '{doc.Name}'");
        }
        catch (ContainerNetException)
        {
            DeleteLinkIfPresent(name);
            throw;
        }
        return (name, created.LinkIndex ?? _links.GetMessage(endpoint.Container, endpoint.InterfaceName).Index);
    }

    /// <summary>
    /// In the container, in one pipelined send: lo up, the interface up, its addresses, and the default
    /// route(s). On a network without IPv6 the interface has IPv6 disabled before it comes up, as
    /// Docker 26.0.2 and later do (CVE-2024-32473): no addresses, no router advertisements taken, no
    /// multicast groups joined.
    /// </summary>
    private void ConfigureInside(NetworkDocument doc, EndpointDocument endpoint, int index, Func<IPFamily, bool> needsDefaultRoute)
    {
        NetlinkConnection inside = _connections.Route(endpoint.Container);
        if (endpoint.IPv6Address is null)
            DisableIPv6(endpoint);
        var requests = new List<INetlinkRequest>
        {
            new SetLinkRequest { Index = LoopbackIndex, Up = true },
            new SetLinkRequest { Index = index, Up = true },
        };
        var routes = new List<INetlinkRequest>();
        foreach (SubnetDocument subnet in doc.Subnets)
        {
            IPPrefix prefix = IPPrefix.Parse(subnet.Subnet);
            string? address = prefix.Family == IPFamily.IPv4 ? endpoint.IPv4Address : endpoint.IPv6Address;
            if (address is null)
                continue;
            requests.Add(new AddressRequest
            {
                Delete = false, InterfaceIndex = index, Address = IPAddress.Parse(address).GetAddressBytes(),
                PrefixLength = (byte)prefix.PrefixLength, NoDuplicateAddressDetection = prefix.Family == IPFamily.IPv6,
            });
            if (!doc.Internal && needsDefaultRoute(prefix.Family))
                routes.Add(DefaultRoute(prefix.Family, IPAddress.Parse(subnet.Gateway), index));
        }
        requests.AddRange(routes);
        ThrowFirst(inside.ExecuteAll(requests), $"configure '{endpoint.InterfaceName}' in '{endpoint.Container}'");
    }

    /// <summary>net.ipv6.conf.IFACE.disable_ipv6 = 1 in the container; a kernel without IPv6 has no file and needs nothing.</summary>
    private void DisableIPv6(EndpointDocument endpoint)
    {
        try
        {
            _connections.Registry.WriteNamespaceFile(endpoint.Container, $"/proc/sys/net/ipv6/conf/{endpoint.InterfaceName}/disable_ipv6", "1\n");
        }
        catch (ContainerNetException ex) when (ex.Errno == LibC.ENOENT && !File.Exists("/proc/sys/net/ipv6/conf/all/disable_ipv6"))
        {
        }
    }

    private static RouteRequest DefaultRoute(IPFamily family, IPAddress gateway, int index) => new()
    {
        Delete = false, Family = (byte)(family == IPFamily.IPv4 ? LibC.AF_INET : LibC.AF_INET6),
        Gateway = gateway.GetAddressBytes(), OutputInterfaceIndex = index,
    };

    /// <summary>A container gets a default route from its first (non-internal) network that has the family, as Docker does.</summary>
    private Func<IPFamily, bool> IsFirstRouteNeeded(Dictionary<string, NetworkDocument> all, NetworkDocument doc, string container)
    {
        if (doc.Internal)
            return _ => false;
        bool onOthers = all.Values.Any(d => d != doc && d.Endpoints.Any(e => e.Container == container));
        if (!onOthers)
            return family => !_routes.List(container, family).Any(r => r.IsDefault); // its own routes (none, usually)
        var routes = _routes.List(container);
        return family => !routes.Any(r => r.IsDefault && r.Family == family);
    }

    /// <summary>After a disconnect, a container that lost its default route gets one via another of its networks.</summary>
    private void RestoreDefaultRoute(Dictionary<string, NetworkDocument> all, string container)
    {
        var memberships = MembershipsOf(all, container).Where(d => !d.Internal).ToList();
        if (memberships.Count == 0 || !_connections.Registry.Exists(container))
            return;
        var routes = _routes.List(container);
        foreach (IPFamily family in new[] { IPFamily.IPv4, IPFamily.IPv6 })
        {
            if (routes.Any(r => r.IsDefault && r.Family == family))
                continue;
            foreach (NetworkDocument network in memberships)
            {
                if (network.Subnets.FirstOrDefault(s => IPPrefix.Parse(s.Subnet).Family == family) is not { } subnet)
                    continue;
                EndpointDocument endpoint = network.Endpoints.First(e => e.Container == container);
                int index = _links.GetMessage(container, endpoint.InterfaceName).Index;
                ThrowFirst(_connections.Route(container).ExecuteAll(new[] { (INetlinkRequest)DefaultRoute(family, IPAddress.Parse(subnet.Gateway), index) }),
                    $"restore the default route of '{container}'");
                break;
            }
        }
    }

    /// <summary>Hosts after a change of these containers' membership: the network's file, their own files, and members with files of their own.</summary>
    private void RewriteHosts(Dictionary<string, NetworkDocument> all, NetworkDocument doc, IReadOnlyCollection<string> changed)
    {
        _hosts.WriteNetwork(doc);
        UpdateMemberFiles(all, doc, changed);
    }

    private void UpdateMemberFiles(Dictionary<string, NetworkDocument> all, NetworkDocument doc, IReadOnlyCollection<string> changed)
    {
        foreach (string container in changed)
            _hosts.WriteContainer(container, MembershipsOf(all, container));
        // Only members with files of their own (several networks, or links) need rewriting: one pass
        // over all endpoints finds them, instead of a search per member (a connect stays O(members)).
        var networksOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var withLinks = new HashSet<string>(StringComparer.Ordinal);
        foreach (NetworkDocument network in all.Values)
            foreach (EndpointDocument endpoint in network.Endpoints)
            {
                networksOf[endpoint.Container] = networksOf.GetValueOrDefault(endpoint.Container) + 1;
                if (endpoint.Links.Count > 0)
                    withLinks.Add(endpoint.Container);
            }
        var changedSet = changed.ToHashSet(StringComparer.Ordinal);
        foreach (EndpointDocument member in doc.Endpoints.Where(e => !changedSet.Contains(e.Container)))
            if (networksOf.GetValueOrDefault(member.Container) > 1 || withLinks.Contains(member.Container))
                _hosts.WriteContainer(member.Container, MembershipsOf(all, member.Container));
    }

    /// <summary>On a network with icc off, a link lets this container open connections to the linked one.</summary>
    internal static List<ContainerLink> LinkExceptions(NetworkDocument doc, EndpointDocument endpoint)
    {
        var result = new List<ContainerLink>();
        if (doc.InterContainerTraffic)
            return result;
        foreach (string link in endpoint.Links)
        {
            EndpointDocument target = doc.Endpoints.First(e => e.Container == SplitLink(link).Container);
            foreach ((string? from, string? to, IPFamily family) in new[] { (endpoint.IPv4Address, target.IPv4Address, IPFamily.IPv4), (endpoint.IPv6Address, target.IPv6Address, IPFamily.IPv6) })
                if (from is not null && to is not null)
                    result.Add(new ContainerLink { Source = from, Destination = to, Family = family, Network = doc.Name, Container = endpoint.Container });
        }
        return result;
    }

    private LinkMessage RequireNetworkBridge(NetworkDocument doc)
    {
        try
        {
            return _links.GetMessage(null, doc.BridgeName);
        }
        catch (ContainerNetException missing) when (missing.ErrorId == "LinkNotFound")
        {
            throw new ContainerNetException("NetworkBridgeMissing", ErrorKind.InvalidOperation, doc.BridgeName,
                $"The bridge '{doc.BridgeName}' of network '{doc.Name}' is gone from the kernel. Run Repair-ContainerNetwork {doc.Name} to rebuild it.", missing);
        }
    }

    private void RequireContainer(string container)
    {
        if (!NamespaceName.IsValid(container))
            throw new ContainerNetException("InvalidContainerName", ErrorKind.InvalidArgument, container,
                $"'{container}' is not a valid container (namespace) name. Use letters, digits, '_', '.' and '-'.");
        if (container.Length > MaxContainerNameLength)
            throw new ContainerNetException("InvalidContainerName", ErrorKind.InvalidArgument, container,
                $"Container name '{container[..40]}...' is {container.Length} characters; a container on a network may have at most {MaxContainerNameLength} (its name goes into firewall comments). Give the namespace a shorter name.");
        if (!_connections.Registry.Exists(container))
            throw new ContainerNetException("ContainerNotFound", ErrorKind.ObjectNotFound, container,
                $"There is no container namespace named '{container}'. Create it with New-NetNamespace -Name {container}, then connect it.");
    }

    /// <summary>
    /// A member's container name is its own on the network: no other member's name or alias may take it.
    /// Aliases may be shared, as Docker allows (the hosts file lists every holder).
    /// </summary>
    private static void CheckNames(NetworkDocument doc, string container, IReadOnlyList<string> aliases)
    {
        foreach (string name in aliases.Prepend(container))
        {
            if (doc.Endpoints.FirstOrDefault(e => e.Container == name || (name == container && e.Aliases.Contains(name))) is { } owner)
                throw new ContainerNetException("NameInUse", ErrorKind.ResourceExists, name,
                    $"The name '{name}' already resolves to container '{owner.Container}' on network '{doc.Name}'. Give another alias (or container name): a container's name must stay its own on the network.");
        }
    }

    private static readonly Regex HostName = new("^[A-Za-z0-9]([A-Za-z0-9_.-]{0,252})$", RegexOptions.CultureInvariant);

    private static void ValidateHostName(string name, string role)
    {
        if (!HostName.IsMatch(name))
            throw new ContainerNetException("InvalidAlias", ErrorKind.InvalidArgument, name,
                $"'{name}' is not a valid {role}: use a host name (letters, digits, '-', '_' and '.', starting with a letter or digit).");
    }

    private static (string Container, string Alias) ParseLink(string text)
    {
        (string container, string alias) = SplitLink(text);
        if (!NamespaceName.IsValid(container))
            throw new ContainerNetException("InvalidLink", ErrorKind.InvalidArgument, text,
                $"-Link '{text}' does not name a container. Write it as container:alias, e.g. db:database.");
        ValidateHostName(alias, "link alias");
        return (container, alias);
    }

    internal static (string Container, string Alias) SplitLink(string text)
    {
        int colon = text.IndexOf(':');
        return colon < 0 ? (text, text) : (text[..colon], text[(colon + 1)..]);
    }

    private static (IPAddress? V4, IPAddress? V6) SplitByFamily(string? address, string? v6Address)
    {
        IPAddress? first = address is null ? null : IPPrefix.ParseAddress(address, "IP address");
        IPAddress? second = v6Address is null ? null : IPPrefix.ParseAddress(v6Address, "IPv6 address");
        if (second is not null && AddressFamilies.Of(second) != IPFamily.IPv6)
            throw new ContainerNetException("AddressFamilyMismatch", ErrorKind.InvalidArgument, v6Address, $"-IPv6Address {v6Address} is not an IPv6 address.");
        return first is not null && AddressFamilies.Of(first) == IPFamily.IPv6 ? (null, first) : (first, second);
    }

    private static AddressAllocator AllocatorOf(SubnetDocument subnet) =>
        new(IPPrefix.Parse(subnet.Subnet), IPAddress.Parse(subnet.Gateway), subnet.IPRange is null ? null : IPPrefix.Parse(subnet.IPRange));

    /// <summary>eth0, eth1, ...: the lowest number the container does not use yet.</summary>
    private static string NextInterfaceName(IEnumerable<string> existing)
    {
        var names = existing.ToHashSet(StringComparer.Ordinal);
        for (int i = 0; ; i++)
            if (!names.Contains($"eth{i}"))
                return $"eth{i}";
    }

    /// <summary>As Docker: 02:42 and the IPv4 address, locally administered and stable for an address; random without IPv4.</summary>
    private static byte[] MacFor(string? ipv4)
    {
        if (ipv4 is null)
            return Links.MacAddress.NewRandom();
        byte[] address = IPAddress.Parse(ipv4).GetAddressBytes();
        return new byte[] { 0x02, 0x42, address[0], address[1], address[2], address[3] };
    }

    private static void ThrowFirst(NetlinkException?[] errors, string action)
    {
        if (errors.FirstOrDefault(e => e is not null) is { } first)
            throw KernelErrors.Translate(first, action, null);
    }
}
