using System.Net;
using System.Security.Cryptography;
using ContainerNet.Core.Addresses;
using ContainerNet.Core.Addressing;
using ContainerNet.Core.Bridges;
using ContainerNet.Core.Errors;
using ContainerNet.Core.Firewall;
using ContainerNet.Core.Forwarding;
using ContainerNet.Core.Ipam;
using ContainerNet.Core.Links;
using ContainerNet.Core.Namespaces;
using ContainerNet.Core.Routes;
using ContainerNet.Core.State;
using ContainerNet.Netlink.Errors;
using ContainerNet.Netlink.Route.Links;
using Tmds.Linux;

namespace ContainerNet.Core.Networks;

/// <summary>
/// Docker-style networks: create, inspect, remove, connect and disconnect containers (named
/// namespaces). Every operation runs under the state lock from its first read to its last write, so
/// parallel processes never hand out one address twice; each records its undo steps and, on failure,
/// leaves kernel, firewall, hosts files and state as they were. Networks live in the caller's namespace.
/// </summary>
public sealed partial class NetworkOperations
{
    private readonly NamespaceConnections _connections;
    private readonly LinkOperations _links;
    private readonly BridgeOperations _bridges;
    private readonly AddressOperations _addresses;
    private readonly RouteOperations _routes;
    private readonly FirewallOperations _firewall;
    private readonly ForwardingOperations _forwarding;
    private readonly StateStore _store;
    private readonly HostsFiles _hosts;

    public NetworkOperations(NamespaceConnections connections, LinkOperations links, BridgeOperations bridges,
        AddressOperations addresses, RouteOperations routes, FirewallOperations firewall, ForwardingOperations forwarding,
        StateStore? store = null)
    {
        _connections = connections;
        _links = links;
        _bridges = bridges;
        _addresses = addresses;
        _routes = routes;
        _firewall = firewall;
        _forwarding = forwarding;
        _store = store ?? new StateStore();
        _hosts = new HostsFiles(_store.Directory);
    }

    public StateStore Store => _store;

    /// <summary>The hosts file a container's /etc/hosts shows (for tests and inspection).</summary>
    public string HostsFileOf(string container) => _hosts.ContainerFile(container);

    // ---- inspect ----------------------------------------------------------------------------

    /// <summary>Every network, read from the state (a shared read: a writer replaces files atomically).</summary>
    public IReadOnlyList<ContainerNetwork> List() =>
        _store.Names().Select(name => _store.Read<NetworkDocument>(name)).OfType<NetworkDocument>().Select(ToModel).ToList();

    public ContainerNetwork Get(string name)
    {
        ValidateNetworkName(name);
        return ToModel(_store.Read<NetworkDocument>(name) ?? throw NetworkNotFound(name));
    }

    // ---- create -----------------------------------------------------------------------------

    public ContainerNetwork Create(NetworkSpec spec) => Guarded(() => CreateCore(spec));

    private ContainerNetwork CreateCore(NetworkSpec spec)
    {
        ValidateNetworkName(spec.Name);
        if (spec.BridgeName is not null)
            LinkName.Validate(spec.BridgeName, "bridge");
        if (spec.Mtu is { } mtu && mtu is < LinkOperations.MinMtu or > 65535)
            throw new ContainerNetException("InvalidMtu", ErrorKind.InvalidArgument, mtu,
                $"MTU {mtu} is out of range. A network's MTU goes from {LinkOperations.MinMtu} to 65535 (1500 is the usual).");
        var (requested, gateways, ranges) = ParseAddressing(spec);

        using StateLock held = _store.Lock();
        var all = LoadAll();
        if (all.ContainsKey(spec.Name))
            throw new ContainerNetException("NetworkExists", ErrorKind.ResourceExists, spec.Name,
                $"A network named '{spec.Name}' already exists. Choose another name, or remove it first with Remove-ContainerNetwork {spec.Name}.");

        var subnets = new List<IPPrefix>(requested);
        if (!subnets.Any(s => s.Family == IPFamily.IPv4))
            subnets.Insert(0, DefaultPools.Choose(TakenOnHost().Concat(all.Values.SelectMany(SubnetsOf))));
        foreach (IPPrefix subnet in subnets)
        {
            foreach (NetworkDocument other in all.Values)
                if (SubnetsOf(other).FirstOrDefault(s => DefaultPools.Overlaps(s, subnet)) is { Address: not null } clash)
                    throw new ContainerNetException("SubnetOverlaps", ErrorKind.ResourceExists, subnet.ToString(),
                        $"Subnet {subnet} overlaps {clash} of network '{other.Name}'. Give a subnet that no other network uses, or none to get a free one.");
        }
        var documents = subnets.Select(subnet =>
        {
            gateways.TryGetValue(subnet.Family, out IPAddress? gateway);
            ranges.TryGetValue(subnet.Family, out IPPrefix range);
            var allocator = new AddressAllocator(subnet, gateway, ranges.ContainsKey(subnet.Family) ? range : null);
            return new SubnetDocument { Subnet = subnet.ToString(), Gateway = allocator.Gateway.ToString(), IPRange = ranges.ContainsKey(subnet.Family) ? range.ToString() : null };
        }).ToList();

        string id = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        string bridge = spec.BridgeName ?? "br-" + id[..12];
        if (_links.List(null).Any(l => l.Name == bridge))
            throw new ContainerNetException("BridgeExists", ErrorKind.ResourceExists, bridge,
                $"A link named '{bridge}' already exists. Give the network another -BridgeName, or none to get one of its own.");
        var doc = new NetworkDocument
        {
            Name = spec.Name, Id = id, Created = DateTimeOffset.UtcNow, BridgeName = bridge, Subnets = documents,
            Internal = spec.Internal, InterContainerTraffic = !spec.DisableInterContainerTraffic,
            Masquerade = !spec.DisableMasquerade && !spec.Internal, Mtu = spec.Mtu,
            LinkGroup = NewLinkGroup(all.Values),
        };

        var rollback = new Rollback();
        try
        {
            CreateBridgeWithGateways(doc);
            rollback.Add(() => _links.Remove(null, bridge));
            if (!doc.Internal)
            {
                // Docker turns forwarding on for good; a create that fails leaves it as it found it.
                var before = _forwarding.Get(null);
                foreach (IPFamily family in subnets.Select(s => s.Family).Distinct())
                {
                    bool was = family == IPFamily.IPv4 ? before.IPv4 : before.IPv6;
                    if (was)
                        continue;
                    _forwarding.Set(null, family, enabled: true);
                    rollback.Add(() => _forwarding.Set(null, family, enabled: false));
                }
            }
            _firewall.AddNetwork(null, RulesOf(doc));
            rollback.Add(() => _firewall.RemoveNetwork(null, RulesOf(doc)));
            _hosts.WriteNetwork(doc);
            rollback.Add(() => _hosts.DeleteNetwork(doc.Name));
            _store.Write(doc.Name, doc);
        }
        catch (Exception failure)
        {
            rollback.Run();
            if (failure is ContainerNetException or IOException or UnauthorizedAccessException)
                throw Wrap(failure, $"create network '{spec.Name}'", spec.Name);
            throw;
        }
        return ToModel(doc);
    }

    // ---- remove -----------------------------------------------------------------------------

    /// <summary>Removes a network; with endpoints only when forced (they are disconnected first, all in one kernel request).</summary>
    public void Remove(string name, bool force) => Guarded(() => RemoveCore(name, force));

    private object? RemoveCore(string name, bool force)
    {
        ValidateNetworkName(name);
        using StateLock held = _store.Lock();
        var all = LoadAll();
        NetworkDocument doc = all.GetValueOrDefault(name) ?? throw NetworkNotFound(name);
        if (doc.Endpoints.Count > 0 && !force)
            throw new ContainerNetException("NetworkHasEndpoints", ErrorKind.InvalidOperation, name,
                $"Network '{name}' still has {doc.Endpoints.Count} endpoint(s): {string.Join(", ", doc.Endpoints.Take(5).Select(e => e.Container))}{(doc.Endpoints.Count > 5 ? ", ..." : "")}. Disconnect them with Disconnect-ContainerNetwork, or remove the network with -Force.");
        if (doc.Endpoints.Count > 0)
            DisconnectEndpoints(all, doc, doc.Endpoints.ToList());
        try
        {
            _firewall.RemoveNetwork(null, RulesOf(doc));
            DeleteLinkIfPresent(doc.BridgeName);
            _hosts.DeleteNetwork(name);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw Wrap(failure, $"remove network '{name}'", name);
        }
        _store.Delete(name);
        return null;
    }

    // ---- helpers shared by the operations ---------------------------------------------------

    /// <summary>
    /// Runs one operation; if it fails, the documents it may have changed in memory are dropped from the
    /// store's cache, so the next operation reads the files (which the failure left as they were).
    /// </summary>
    private T Guarded<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch
        {
            _store.Forget();
            throw;
        }
    }

    /// <summary>The network's bridge, up, holding each subnet's gateway address (create, and repair of a lost bridge).</summary>
    private void CreateBridgeWithGateways(NetworkDocument doc)
    {
        _bridges.CreateBridge(null, doc.BridgeName, doc.Mtu, up: true);
        foreach (SubnetDocument subnet in doc.Subnets)
            _addresses.Add(null, doc.BridgeName, $"{subnet.Gateway}/{IPPrefix.Parse(subnet.Subnet).PrefixLength}");
    }

    /// <summary>Every network document, by name. Callers hold the lock.</summary>
    private Dictionary<string, NetworkDocument> LoadAll() =>
        _store.Names().Select(n => _store.Read<NetworkDocument>(n)).OfType<NetworkDocument>().ToDictionary(d => d.Name, StringComparer.Ordinal);

    private static List<NetworkDocument> MembershipsOf(Dictionary<string, NetworkDocument> all, string container) =>
        all.Values.Where(d => d.Endpoints.Any(e => e.Container == container)).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();

    private static IEnumerable<IPPrefix> SubnetsOf(NetworkDocument doc) => doc.Subnets.Select(s => IPPrefix.Parse(s.Subnet));

    internal static NetworkFirewallRules RulesOf(NetworkDocument doc) => new()
    {
        Network = doc.Name, Bridge = doc.BridgeName, Subnets = SubnetsOf(doc).ToList(),
        Masquerade = doc.Masquerade && !doc.Internal, InterContainerTraffic = doc.InterContainerTraffic, Internal = doc.Internal,
    };

    /// <summary>Routes and addresses already on the host: a default subnet must overlap none of them.</summary>
    private IEnumerable<IPPrefix> TakenOnHost()
    {
        foreach (NetRoute route in _routes.List(null, IPFamily.IPv4).Where(r => !r.IsDefault))
            if (IPPrefix.TryParse(route.Destination, prefixRequired: false, out IPPrefix prefix, out _))
                yield return prefix;
        foreach (NetAddress address in _addresses.List(null, family: IPFamily.IPv4))
            yield return new IPPrefix(IPPrefix.Mask(address.IPAddress, address.PrefixLength), address.PrefixLength);
    }

    private static (List<IPPrefix> Subnets, Dictionary<IPFamily, IPAddress> Gateways, Dictionary<IPFamily, IPPrefix> Ranges) ParseAddressing(NetworkSpec spec)
    {
        var subnets = new List<IPPrefix>();
        foreach (string text in spec.Subnets)
        {
            IPPrefix subnet = IPPrefix.Parse(text, "subnet", prefixRequired: true);
            if (subnet.HasHostBits)
                throw new ContainerNetException("InvalidSubnet", ErrorKind.InvalidArgument, text,
                    $"{subnet} is an address, not a network: its host bits are set. Did you mean {subnet.Network}/{subnet.PrefixLength}?");
            CheckUsable(subnet, text);
            if (subnets.Any(s => s.Family == subnet.Family))
                throw new ContainerNetException("TooManySubnets", ErrorKind.InvalidArgument, text,
                    $"A network takes one {subnet.Family} subnet; {text} is a second one. Give at most one IPv4 and one IPv6 subnet.");
            subnets.Add(subnet);
        }
        var gateways = new Dictionary<IPFamily, IPAddress>();
        foreach (string text in spec.Gateways)
        {
            IPAddress gateway = IPPrefix.ParseAddress(text, "gateway");
            IPFamily family = AddressFamilies.Of(gateway);
            if (!subnets.Any(s => s.Family == family))
                throw new ContainerNetException("GatewayWithoutSubnet", ErrorKind.InvalidArgument, text,
                    $"Gateway {gateway} is {family} but no {family} -Subnet was given. Give the subnet it belongs to, e.g. -Subnet {IPPrefix.Mask(gateway, family == IPFamily.IPv4 ? 24 : 64)}/{(family == IPFamily.IPv4 ? 24 : 64)}.");
            if (!gateways.TryAdd(family, gateway))
                throw new ContainerNetException("TooManyGateways", ErrorKind.InvalidArgument, text, $"Give one gateway per address family; {text} is a second {family} gateway.");
            if (!subnets.First(s => s.Family == family).Contains(gateway))
                throw new ContainerNetException("GatewayOutsideSubnet", ErrorKind.InvalidArgument, text,
                    $"Gateway {gateway} is not inside subnet {subnets.First(s => s.Family == family)}. Give a gateway within the subnet, e.g. {AddressAllocator.FirstHost(subnets.First(s => s.Family == family))}.");
        }
        var ranges = new Dictionary<IPFamily, IPPrefix>();
        foreach (string text in spec.IPRanges)
        {
            IPPrefix range = IPPrefix.Parse(text, "IP range", prefixRequired: true);
            if (!subnets.Any(s => s.Family == range.Family))
                throw new ContainerNetException("RangeWithoutSubnet", ErrorKind.InvalidArgument, text,
                    $"IP range {range} is {range.Family} but no {range.Family} -Subnet was given. Give the subnet the range lies in.");
            if (!ranges.TryAdd(range.Family, new IPPrefix(range.Network, range.PrefixLength)))
                throw new ContainerNetException("TooManyRanges", ErrorKind.InvalidArgument, text, $"Give one IP range per address family; {text} is a second {range.Family} range.");
        }
        foreach (IPPrefix subnet in subnets)
        {
            // A range (or subnet) that holds nothing but the gateway could never give an endpoint an address.
            gateways.TryGetValue(subnet.Family, out IPAddress? gateway);
            bool hasRange = ranges.TryGetValue(subnet.Family, out IPPrefix range);
            var allocator = new AddressAllocator(subnet, gateway, hasRange ? range : null);
            try
            {
                allocator.Next(Array.Empty<IPAddress>());
            }
            catch (ContainerNetException exhausted) when (exhausted.ErrorId == "SubnetExhausted")
            {
                throw new ContainerNetException("RangeTooSmall", ErrorKind.InvalidArgument, (hasRange ? range : subnet).ToString(),
                    $"{(hasRange ? $"IP range {range}" : $"Subnet {subnet}")} leaves no address for an endpoint besides the gateway {allocator.Gateway}. Give a larger range.", exhausted);
            }
        }
        return (subnets, gateways, ranges);
    }

    private static readonly IPPrefix[] Unusable =
    {
        IPPrefix.Parse("0.0.0.0/8"), IPPrefix.Parse("127.0.0.0/8"), IPPrefix.Parse("169.254.0.0/16"), IPPrefix.Parse("224.0.0.0/3"),
        IPPrefix.Parse("::/127"), IPPrefix.Parse("fe80::/10"), IPPrefix.Parse("ff00::/8"),
    };

    /// <summary>A network needs room for a gateway and an endpoint, and addresses that can be routed on a bridge.</summary>
    private static void CheckUsable(IPPrefix subnet, string text)
    {
        int largest = subnet.Family == IPFamily.IPv4 ? 30 : 126;
        if (subnet.PrefixLength > largest)
            throw new ContainerNetException("SubnetTooSmall", ErrorKind.InvalidArgument, text,
                $"Subnet {subnet} is too small for a network: it needs a gateway and at least one endpoint address. Give a /{largest} or larger (e.g. /24 or /16{(subnet.Family == IPFamily.IPv6 ? ", /64 for IPv6" : "")}).");
        if (Unusable.FirstOrDefault(u => DefaultPools.Overlaps(u, subnet)) is { Address: not null } reserved)
            throw new ContainerNetException("InvalidSubnet", ErrorKind.InvalidArgument, text,
                $"Subnet {subnet} overlaps {reserved}, which is reserved (loopback, link-local, multicast or unspecified). Give a private range such as 10.x.0.0/16 or fd00::/64.");
    }

    /// <summary>A link group no other network uses; never 0 (every link's default group).</summary>
    private static uint NewLinkGroup(IEnumerable<NetworkDocument> others)
    {
        var used = others.Select(o => o.LinkGroup).ToHashSet();
        for (int attempt = 0; attempt < 64; attempt++)
        {
            uint candidate = 0x10000u + (uint)RandomNumberGenerator.GetInt32(int.MaxValue - 0x10000);
            if (!used.Contains(candidate))
                return candidate;
        }
        throw new InvalidOperationException("No free link group found.");
    }

    /// <summary>Deletes a host link by name if it is there; returns once it is gone from the namespace (see <see cref="UnlistedDeletion"/>).</summary>
    private void DeleteLinkIfPresent(string name)
    {
        try
        {
            UnlistedDeletion.Delete(DeleteLinkRequest.ByName(name), () => IsListed(name));
        }
        catch (NetlinkException ex)
        {
            throw KernelErrors.Translate(ex, $"delete '{name}'", name);
        }
    }

    private bool IsListed(string name)
    {
        try
        {
            _links.GetMessage(null, name);
            return true;
        }
        catch (ContainerNetException missing) when (missing.ErrorId == "LinkNotFound")
        {
            return false;
        }
    }

    /// <summary>
    /// Network names go into file names, firewall comments ("network/container", 255 bytes at most) and
    /// messages: 64 characters is plenty and leaves the container name room.
    /// </summary>
    public const int MaxNetworkNameLength = 64;

    /// <summary>The longest container name that still fits a "network/container" firewall comment.</summary>
    public const int MaxContainerNameLength = 255 - 1 - MaxNetworkNameLength - 1;

    private static void ValidateNetworkName(string name)
    {
        if (!NamespaceName.IsValid(name) || name.StartsWith('.') || name.Length > MaxNetworkNameLength)
            throw new ContainerNetException("InvalidNetworkName", ErrorKind.InvalidArgument, name,
                $"'{(name.Length > 80 ? name[..80] + "..." : name)}' is not a valid network name. Use 1-{MaxNetworkNameLength} letters, digits, '_', '.' and '-' (not starting with '.').");
    }

    public static ContainerNetException NotFound(string name) => NetworkNotFound(name);

    internal static ContainerNetException NetworkNotFound(string name) =>
        new("NetworkNotFound", ErrorKind.ObjectNotFound, name,
            $"There is no network named '{name}'. List the networks with Get-ContainerNetwork, or create it with New-ContainerNetwork -Name {name}.");

    private static ContainerNetException Wrap(Exception failure, string action, string target) => failure switch
    {
        ContainerNetException known => known,
        _ => new ContainerNetException("StateWriteFailed", ErrorKind.InvalidOperation, target, $"Cannot {action}: {failure.Message}", failure),
    };

    internal static ContainerNetwork ToModel(NetworkDocument doc)
    {
        SubnetDocument? v4 = doc.Subnets.FirstOrDefault(s => IPPrefix.Parse(s.Subnet).Family == IPFamily.IPv4);
        SubnetDocument? v6 = doc.Subnets.FirstOrDefault(s => IPPrefix.Parse(s.Subnet).Family == IPFamily.IPv6);
        SubnetDocument? first = v4 ?? v6;
        return new ContainerNetwork
        {
            Name = doc.Name, Id = doc.Id, Driver = doc.Driver, Created = doc.Created, BridgeName = doc.BridgeName,
            Subnet = first?.Subnet, Gateway = first?.Gateway, IPRange = first?.IPRange,
            IPv6Subnet = v6?.Subnet, IPv6Gateway = v6?.Gateway, IPv6Range = v6?.IPRange,
            Internal = doc.Internal, InterContainerTraffic = doc.InterContainerTraffic, Masquerade = doc.Masquerade, Mtu = doc.Mtu,
            Endpoints = doc.Endpoints.Select(e => ToModel(doc, e)).ToList(),
        };
    }

    internal static ContainerEndpoint ToModel(NetworkDocument doc, EndpointDocument e)
    {
        string? WithPrefix(string? address, IPFamily family) =>
            address is null ? null : $"{address}/{SubnetsOf(doc).FirstOrDefault(s => s.Family == family).PrefixLength}";
        return new ContainerEndpoint
        {
            Network = doc.Name, Container = e.Container, InterfaceName = e.InterfaceName,
            IPAddress = WithPrefix(e.IPv4Address, IPFamily.IPv4), IPv6Address = WithPrefix(e.IPv6Address, IPFamily.IPv6),
            MacAddress = e.MacAddress, HostInterface = e.HostInterface, Aliases = e.Aliases.ToList(), Links = e.Links.ToList(),
            Ports = MappingsOf(doc, e).ToList(),
        };
    }
}
