using System.Net;
using ContainerNet.Core.Addresses;
using ContainerNet.Core.Addressing;
using ContainerNet.Core.Errors;
using ContainerNet.Core.Links;
using ContainerNet.Core.Namespaces;
using ContainerNet.Netlink.Netfilter.Batches;
using ContainerNet.Netlink.Netfilter.Data;
using ContainerNet.Netlink.Netfilter.Elements;
using ContainerNet.Netlink.Errors;
using ContainerNet.Netlink.Transport;
using Tmds.Linux;
using static ContainerNet.Netlink.Constants.NfTablesConstants;

namespace ContainerNet.Core.Firewall;

/// <summary>
/// NAT masquerade and port publishing in ContainerNet's own nf_tables table. Every call is one batch:
/// the kernel applies all of it or none. The table is created on first use (with its fixed rules) and
/// deleted in the batch that removes its last masquerade or mapping. Reads always come from the kernel.
/// </summary>
public sealed partial class FirewallOperations
{
    private const int MaxAttempts = 3;

    private readonly NamespaceConnections _connections;
    private readonly LinkOperations _links;
    private readonly AddressOperations _addresses;

    private readonly Action<string?> _bridgeFiltering;

    public FirewallOperations(NamespaceConnections connections, LinkOperations links, AddressOperations addresses)
    {
        _connections = connections;
        _links = links;
        _addresses = addresses;
        _bridgeFiltering = namespaceName => new Forwarding.ForwardingOperations(connections.Registry).EnableBridgeFiltering(namespaceName);
    }

    public IReadOnlyList<NatMasquerade> ListMasquerades(string? namespaceName) => Read(namespaceName).Masquerades;

    public IReadOnlyList<PortMapping> ListPorts(string? namespaceName) => Read(namespaceName).Mappings;

    public NatMasquerade AddMasquerade(string? namespaceName, string subnet, string? exceptInterface = null, string? comment = null)
    {
        IPPrefix network = ParseNetwork(subnet);
        if (exceptInterface is not null)
            LinkName.Validate(exceptInterface, "interface");
        return Change(namespaceName, $"masquerade {network}", (state, batch) =>
        {
            if (state.Masquerades.FirstOrDefault(m => m.Subnet == network.ToString()) is { } existing)
                throw new ContainerNetException("MasqueradeExists", ErrorKind.ResourceExists, subnet,
                    $"Subnet {network} is already masqueraded in {LinkOperations.Describe(namespaceName)}{(existing.ExceptInterface is null ? "" : $" (except on '{existing.ExceptInterface}')")}. Remove it first with Remove-NatMasquerade -Subnet {network} to change it.");
            if (state.Masquerades.Select(m => IPPrefix.Parse(m.Subnet)).FirstOrDefault(m => Overlaps(m, network)) is { Address: not null } other)
                throw new ContainerNetException("SubnetOverlaps", ErrorKind.ResourceExists, subnet,
                    $"Subnet {network} overlaps {other}, which is already masqueraded. Masquerade each network once, with its own prefix.");
            batch.AddElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.MasqueradeSet(network.Family),
                IntervalElements(network, comment ?? $"containernet masquerade {network}"));
            if (exceptInterface is not null)
                batch.AddElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.MasqueradeExceptSet(network.Family),
                    new[] { PairElement(network, exceptInterface) });
            return new NatMasquerade
            {
                Namespace = namespaceName ?? "", Subnet = network.ToString(), ExceptInterface = exceptInterface,
                Family = network.Family, Comment = comment ?? $"containernet masquerade {network}",
            };
        });
    }

    public void RemoveMasquerade(string? namespaceName, string subnet)
    {
        IPPrefix network = ParseNetwork(subnet);
        Change<object?>(namespaceName, $"stop masquerading {network}", (state, batch) =>
        {
            NatMasquerade existing = state.Masquerades.FirstOrDefault(m => m.Subnet == network.ToString())
                ?? throw new ContainerNetException("MasqueradeNotFound", ErrorKind.ObjectNotFound, subnet,
                    $"Subnet {network} is not masqueraded in {LinkOperations.Describe(namespaceName)}. List the masquerades with Get-NatMasquerade.");
            batch.DeleteElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.MasqueradeSet(network.Family),
                IntervalElements(network, comment: null));
            if (existing.ExceptInterface is { } except)
                batch.DeleteElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.MasqueradeExceptSet(network.Family),
                    new[] { PairElement(network, except) });
            return null;
        });
    }

    /// <summary>Publishes one port or a range (host range and container range of the same size), in one batch.</summary>
    public IReadOnlyList<PortMapping> Publish(string? namespaceName, PublishSpec spec, string? network = null, string? container = null) =>
        Publish(namespaceName, new[] { spec }, network, container);

    /// <summary>
    /// Publishes several specs (each a port or a range) as one transaction: all of them or, on any
    /// conflict, none. One read of the kernel's state and one batch, however many ports.
    /// </summary>
    public IReadOnlyList<PortMapping> Publish(string? namespaceName, IReadOnlyList<PublishSpec> specs, string? network = null, string? container = null)
    {
        var mappings = specs.SelectMany(spec => Expand(namespaceName, spec, network, container)).ToList();
        if (mappings.Count == 0)
            return mappings;
        if (FirstClashWithin(mappings) is { } twice)
            throw new ContainerNetException("HostPortInUse", ErrorKind.ResourceExists, twice.HostPort,
                $"Host port {twice.Protocol.ToString().ToLowerInvariant()}/{twice.HostPort} is given more than once in this call. Publish each host port once.");
        var hairpins = mappings.Select(m => FindBridge(namespaceName, IPAddress.Parse(m.ContainerAddress)))
            .OfType<(IPPrefix Subnet, string Bridge)>().Distinct().ToList();
        string what = mappings.Count == 1 ? $"publish {mappings[0]}" : $"publish {mappings.Count} ports";

        return Change(namespaceName, what, (state, batch) =>
        {
            foreach (PortMapping mapping in mappings)
            {
                if (state.Mappings.FirstOrDefault(m => Clashes(m, mapping)) is { } taken)
                    throw new ContainerNetException("HostPortInUse", ErrorKind.ResourceExists, mapping.HostPort,
                        $"Host port {mapping.Protocol.ToString().ToLowerInvariant()}/{mapping.HostPort} on {mapping.HostAddress ?? "every address"} is already published (to {taken.ContainerAddress}:{taken.ContainerPort}). Unpublish it first, or choose another host port.");
            }
            foreach (var byFamily in mappings.GroupBy(m => m.Family))
                batch.AddElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.PublishMap(byFamily.Key),
                    byFamily.Select(MappingElement).ToList(), exclusive: true);
            foreach (var pair in hairpins.Where(p => !state.Hairpins.Contains(p)))
                batch.AddElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.HairpinSet(pair.Subnet.Family),
                    new[] { PairElement(pair.Subnet, pair.Bridge) });
            return (IReadOnlyList<PortMapping>)mappings;
        });
    }

    /// <summary>A mapping that clashes with another of the same call (same protocol and port, overlapping host addresses).</summary>
    private static PortMapping? FirstClashWithin(IReadOnlyList<PortMapping> mappings) =>
        mappings.GroupBy(m => (m.Family, m.Protocol, m.HostPort))
            .Where(group => group.Count() > 1)
            .SelectMany(group => group.Where((m, i) => group.Skip(i + 1).Any(other => Clashes(m, other))))
            .FirstOrDefault();

    /// <summary>Checks one spec and expands it into one mapping per port.</summary>
    private static IEnumerable<PortMapping> Expand(string? namespaceName, PublishSpec spec, string? network, string? container)
    {
        IPAddress containerAddress = IPPrefix.ParseAddress(spec.ContainerAddress, "container address");
        IPAddress? hostAddress = spec.HostAddress is null ? null : IPPrefix.ParseAddress(spec.HostAddress, "host address");
        IPFamily family = AddressFamilies.Of(containerAddress);
        if (hostAddress is not null && AddressFamilies.Of(hostAddress) != family)
            throw new ContainerNetException("AddressFamilyMismatch", ErrorKind.InvalidArgument, spec.HostAddress,
                $"Host address {hostAddress} is {AddressFamilies.Of(hostAddress)} but container address {containerAddress} is {family}. Publish with addresses of one family.");
        if (!Enum.IsDefined(spec.Protocol))
            throw new ContainerNetException("InvalidProtocol", ErrorKind.InvalidArgument, spec.Protocol,
                $"Protocol '{spec.Protocol}' cannot be published. Use Tcp or Udp.");
        PortRange containerPorts = PortRange.Parse(spec.ContainerPort, "container port");
        PortRange hostPorts = spec.HostPort is null ? containerPorts : PortRange.Parse(spec.HostPort, "host port");
        if (hostPorts.Count != containerPorts.Count)
            throw new ContainerNetException("PortRangeMismatch", ErrorKind.InvalidArgument, spec.HostPort,
                $"Host ports {hostPorts} ({hostPorts.Count}) and container ports {containerPorts} ({containerPorts.Count}) differ in size. Give ranges of the same length, or one port each.");
        return Enumerable.Range(0, hostPorts.Count).Select(i => new PortMapping
        {
            Namespace = namespaceName ?? "", Family = family, Protocol = spec.Protocol,
            HostAddress = hostAddress?.ToString(), HostPort = hostPorts.First + i,
            ContainerAddress = containerAddress.ToString(), ContainerPort = containerPorts.First + i,
            Network = network, Container = container,
        }).ToList();
    }

    /// <summary>Removes the given mappings (as Get-ContainerPort returns them), in one batch.</summary>
    public void Unpublish(string? namespaceName, IReadOnlyList<PortMapping> mappings)
    {
        if (mappings.Count == 0)
            return;
        Change<object?>(namespaceName, $"unpublish {mappings.Count} port(s)", (state, batch) =>
        {
            var present = new List<PortMapping>();
            foreach (PortMapping mapping in mappings)
            {
                PortMapping found = state.Mappings.FirstOrDefault(m => SameKey(m, mapping))
                    ?? throw new ContainerNetException("PortMappingNotFound", ErrorKind.ObjectNotFound, mapping.HostPort,
                        $"Host port {mapping.Protocol.ToString().ToLowerInvariant()}/{mapping.HostPort} on {mapping.HostAddress ?? "every address"} is not published in {LinkOperations.Describe(namespaceName)}. List the published ports with Get-ContainerPort.");
                present.Add(found);
            }
            foreach (var byFamily in present.GroupBy(m => m.Family))
                batch.DeleteElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.PublishMap(byFamily.Key),
                    byFamily.Select(MappingElement).ToList());

            var remaining = state.Mappings.Where(m => !present.Any(p => SameKey(p, m))).ToList();
            foreach ((IPPrefix subnet, string bridge) in state.Hairpins)
            {
                // A hairpin pair stays while any mapping still leads into its subnet.
                if (!remaining.Any(m => subnet.Contains(IPAddress.Parse(m.ContainerAddress))))
                    batch.DeleteElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.HairpinSet(subnet.Family),
                        new[] { PairElement(subnet, bridge) });
            }
            return null;
        });
    }

    public IReadOnlyList<BridgeIsolation> ListIsolation(string? namespaceName)
    {
        FirewallState state = Read(namespaceName);
        var bridges = state.Isolated.Concat(state.Blocked.Select(b => b.In)).Distinct().OrderBy(b => b, StringComparer.Ordinal);
        return bridges.Select(bridge => new BridgeIsolation
        {
            Namespace = namespaceName ?? "",
            Bridge = bridge,
            InterContainerTraffic = !state.Blocked.Contains((bridge, bridge)),
            Isolated = state.Isolated.Contains(bridge),
            IsolatedFrom = state.Blocked.Where(b => b.In == bridge && b.Out != bridge).Select(b => b.Out).OrderBy(b => b, StringComparer.Ordinal).ToList(),
        }).ToList();
    }

    /// <summary>
    /// icc on or off for one bridge: with it off, containers on the bridge cannot reach each other
    /// (the gateway, the outside and published ports stay reachable). Bridged frames reach the inet
    /// forward hook only through br_netfilter, so turning icc off also turns on
    /// net.bridge.bridge-nf-call-iptables/-ip6tables in that namespace, as Docker does.
    /// </summary>
    public BridgeIsolation SetInterContainerTraffic(string? namespaceName, string bridge, bool allowed)
    {
        RequireBridge(namespaceName, bridge);
        if (!allowed)
            _bridgeFiltering(namespaceName);
        Change<object?>(namespaceName, $"{(allowed ? "allow" : "deny")} traffic between containers on '{bridge}'", (state, batch) =>
        {
            bool blocked = state.Blocked.Contains((bridge, bridge));
            var element = new[] { BlockedElement(bridge, bridge) };
            if (!allowed && !blocked)
                batch.AddElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.BlockedSet, element);
            if (allowed && blocked)
                batch.DeleteElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.BlockedSet, element);
            return null;
        });
        return ListIsolation(namespaceName).FirstOrDefault(i => i.Bridge == bridge)
            ?? new BridgeIsolation { Namespace = namespaceName ?? "", Bridge = bridge };
    }

    /// <summary>Puts bridges in the isolation group: none of the group's bridges can reach another (Docker's DOCKER-ISOLATION).</summary>
    public IReadOnlyList<BridgeIsolation> AddIsolation(string? namespaceName, IReadOnlyList<string> bridges)
    {
        foreach (string bridge in bridges)
            RequireBridge(namespaceName, bridge);
        Change<object?>(namespaceName, $"isolate {string.Join(", ", bridges)}", (state, batch) =>
        {
            var members = state.Isolated.Concat(bridges).Distinct().ToList();
            var pairs = members.SelectMany(a => members.Where(b => b != a).Select(b => (a, b)))
                .Where(pair => !state.Blocked.Contains(pair)).ToList();
            var newMembers = bridges.Distinct().Where(b => !state.Isolated.Contains(b)).ToList();
            if (newMembers.Count > 0)
                batch.AddElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.IsolatedSet,
                    newMembers.Select(b => IfNameElement(b)).ToList());
            if (pairs.Count > 0)
                batch.AddElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.BlockedSet,
                    pairs.Select(p => BlockedElement(p.a, p.b)).ToList());
            return null;
        });
        return ListIsolation(namespaceName).Where(i => bridges.Contains(i.Bridge)).ToList();
    }

    public void RemoveIsolation(string? namespaceName, string bridge)
    {
        LinkName.Validate(bridge, "bridge");
        Change<object?>(namespaceName, $"end the isolation of '{bridge}'", (state, batch) =>
        {
            if (!state.Isolated.Contains(bridge))
                throw new ContainerNetException("IsolationNotFound", ErrorKind.ObjectNotFound, bridge,
                    $"Bridge '{bridge}' is not isolated in {LinkOperations.Describe(namespaceName)}. See the isolated bridges with Get-NetBridgeIsolation.");
            batch.DeleteElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.IsolatedSet,
                new[] { IfNameElement(bridge) });
            var pairs = state.Blocked.Where(p => p.In != p.Out && (p.In == bridge || p.Out == bridge)).ToList();
            if (pairs.Count > 0)
                batch.DeleteElements(FirewallLayout.Family, FirewallLayout.TableName, FirewallLayout.BlockedSet,
                    pairs.Select(p => BlockedElement(p.In, p.Out)).ToList());
            return null;
        });
    }

    public IReadOnlyList<ContainerLink> ListLinks(string? namespaceName) => Read(namespaceName).Links;

    /// <summary>Lets Source open connections to Destination (one port when given) despite icc off or isolation.</summary>
    public ContainerLink AddLink(string? namespaceName, string source, string destination, TransportProtocol? protocol = null, int? port = null)
    {
        ContainerLink link = CheckLink(namespaceName, source, destination, protocol, port);
        return Change(namespaceName, $"link {link}", (state, batch) =>
        {
            if (state.Links.Any(l => l.SameRule(link)))
                throw new ContainerNetException("ContainerLinkExists", ErrorKind.ResourceExists, link.ToString(),
                    $"The link {link} already exists in {LinkOperations.Describe(namespaceName)}.");
            batch.AddElements(FirewallLayout.Family, FirewallLayout.TableName, LinkSetOf(link), new[] { LinkElement(link) });
            return link;
        });
    }

    public void RemoveLink(string? namespaceName, string source, string destination, TransportProtocol? protocol = null, int? port = null)
    {
        ContainerLink link = CheckLink(namespaceName, source, destination, protocol, port);
        Change<object?>(namespaceName, $"remove link {link}", (state, batch) =>
        {
            if (!state.Links.Any(l => l.SameRule(link)))
                throw new ContainerNetException("ContainerLinkNotFound", ErrorKind.ObjectNotFound, link.ToString(),
                    $"There is no link {link} in {LinkOperations.Describe(namespaceName)}. See the links with Get-ContainerLink.");
            batch.DeleteElements(FirewallLayout.Family, FirewallLayout.TableName, LinkSetOf(link), new[] { LinkElement(link) });
            return null;
        });
    }

    private static ContainerLink CheckLink(string? namespaceName, string source, string destination, TransportProtocol? protocol, int? port)
    {
        IPAddress from = IPPrefix.ParseAddress(source, "source address");
        IPAddress to = IPPrefix.ParseAddress(destination, "destination address");
        if (AddressFamilies.Of(from) != AddressFamilies.Of(to))
            throw new ContainerNetException("AddressFamilyMismatch", ErrorKind.InvalidArgument, destination,
                $"Source {from} is {AddressFamilies.Of(from)} but destination {to} is {AddressFamilies.Of(to)}. Link addresses of one family.");
        if (port is { } p && p is < 1 or > 65535)
            throw new ContainerNetException("InvalidPort", ErrorKind.InvalidArgument, port,
                $"Port {p} is out of range: ports go from 1 to 65535.");
        return new ContainerLink
        {
            Namespace = namespaceName ?? "", Family = AddressFamilies.Of(from), Source = from.ToString(), Destination = to.ToString(),
            Protocol = port is null ? null : protocol ?? TransportProtocol.Tcp, Port = port,
        };
    }

    private static string LinkSetOf(ContainerLink link) =>
        link.Port is null ? FirewallLayout.LinkSet(link.Family) : FirewallLayout.LinkPortSet(link.Family);

    private static NftSetElement LinkElement(ContainerLink link)
    {
        string? comment = link.Network is null ? null : $"{link.Network}/{link.Container}";
        byte[] from = IPAddress.Parse(link.Source).GetAddressBytes(), to = IPAddress.Parse(link.Destination).GetAddressBytes();
        byte[] key = link.Port is { } port
            ? FirewallKeys.Concat(from, to, FirewallKeys.Protocol(link.Protocol!.Value), FirewallKeys.Port(port))
            : FirewallKeys.Concat(from, to);
        return new NftSetElement { Key = key, Label = link.ToString(), Comment = comment };
    }

    /// <summary>An element of an interface-name set (isolated, internal).</summary>
    private static NftSetElement IfNameElement(string name) => new() { Key = FirewallKeys.IfName(name), Label = name };

    private static NftSetElement BlockedElement(string from, string to) =>
        new() { Key = FirewallKeys.Concat(FirewallKeys.IfName(from), FirewallKeys.IfName(to)), Label = $"{from} . {to}" };

    private void RequireBridge(string? namespaceName, string bridge) => _links.RequireBridge(namespaceName, bridge);

    private FirewallState Read(string? namespaceName)
    {
        try
        {
            return FirewallState.Read(_connections.Netfilter(namespaceName), namespaceName ?? "");
        }
        catch (NetlinkException ex)
        {
            throw KernelErrors.Translate(ex, $"read the firewall of {LinkOperations.Describe(namespaceName)}", namespaceName, "FirewallNotFound");
        }
    }

    /// <summary>
    /// Reads the state, lets <paramref name="plan"/> check it and add its changes, then commits one batch
    /// guarded by the generation it read: if someone changed the ruleset meanwhile, read and plan again.
    /// </summary>
    private T Change<T>(string? namespaceName, string action, Func<FirewallState, NftBatch, T> plan)
    {
        NetlinkConnection connection = _connections.Netfilter(namespaceName);
        for (int attempt = 1; ; attempt++)
        {
            FirewallState state = Read(namespaceName);
            var batch = new NftBatch { GenerationId = state.Generation };
            if (!state.TableExists)
                FirewallLayout.AddTo(batch);
            T result = plan(state, batch);
            try
            {
                connection.Commit(batch);
                DropTableIfEmpty(namespaceName, connection);
                return result;
            }
            catch (NftBatchException ex) when (ex.Errno == LibC.ERESTART && attempt < MaxAttempts)
            {
                // The ruleset changed between our read and our commit: plan again on fresh state.
            }
            catch (NftBatchException ex) when (ex.Errno == LibC.EEXIST)
            {
                throw new ContainerNetException("FirewallConflict", ErrorKind.ResourceExists, action,
                    $"Cannot {action}: it clashes with what is already there ({ex.FailedDescription}).", ex, ex.Errno, ex.KernelMessage);
            }
            catch (NftBatchException ex)
            {
                // Name the message the kernel refused: "add set element ... of map 'publish4'".
                throw KernelErrors.Translate(ex, $"{action} (the kernel refused: {ex.FailedDescription})", namespaceName, "FirewallNotFound", "FirewallConflict");
            }
            catch (NetlinkException ex)
            {
                throw KernelErrors.Translate(ex, action, namespaceName, "FirewallNotFound", "FirewallConflict");
            }
        }
    }

    /// <summary>
    /// The table lives only while it holds something: once a removal leaves every set empty, it goes
    /// (guarded by the generation just read, so a concurrent addition keeps it).
    /// </summary>
    private void DropTableIfEmpty(string? namespaceName, NetlinkConnection connection)
    {
        FirewallState after = Read(namespaceName);
        if (!after.TableExists || !after.IsEmpty)
            return;
        var drop = new NftBatch { GenerationId = after.Generation };
        drop.DeleteTable(FirewallLayout.Family, FirewallLayout.TableName);
        try
        {
            connection.Commit(drop);
        }
        catch (NftBatchException ex) when (ex.Errno == LibC.ERESTART)
        {
            // Someone changed the ruleset meanwhile: the table may hold their objects now; leave it.
        }
    }

    private static IPPrefix ParseNetwork(string subnet)
    {
        IPPrefix network = IPPrefix.Parse(subnet, "subnet", prefixRequired: true);
        if (network.HasHostBits)
            throw new ContainerNetException("InvalidSubnet", ErrorKind.InvalidArgument, subnet,
                $"{network} is an address, not a network: its host bits are set. Did you mean {network.Network}/{network.PrefixLength}?");
        return network;
    }

    private static bool Overlaps(IPPrefix a, IPPrefix b) =>
        a.Family == b.Family && (a.Contains(b.Network) || b.Contains(a.Network));

    private static bool SameKey(PortMapping a, PortMapping b) =>
        a.Family == b.Family && a.Protocol == b.Protocol && a.HostPort == b.HostPort && a.HostAddress == b.HostAddress;

    /// <summary>Two mappings clash when protocol and host port match and their host addresses overlap (every address overlaps all).</summary>
    private static bool Clashes(PortMapping existing, PortMapping wanted) =>
        existing.Family == wanted.Family && existing.Protocol == wanted.Protocol && existing.HostPort == wanted.HostPort
        && (existing.HostAddress is null || wanted.HostAddress is null || existing.HostAddress == wanted.HostAddress);

    /// <summary>Start element and end element (the address after the network, flagged as an interval end).</summary>
    private static IReadOnlyList<NftSetElement> IntervalElements(IPPrefix network, string? comment)
    {
        var elements = new List<NftSetElement> { new() { Key = network.Network.GetAddressBytes(), Comment = comment, Label = $"{network} (start)" } };
        if (FirewallKeys.Next(FirewallKeys.LastAddress(network)) is { } end)
            elements.Add(new NftSetElement { Key = end, Flags = NFT_SET_ELEM_INTERVAL_END, Label = $"{network} (end)" });
        return elements;
    }

    private static NftSetElement PairElement(IPPrefix network, string interfaceName) => new()
    {
        Key = FirewallKeys.Concat(network.Network.GetAddressBytes(), FirewallKeys.IfName(interfaceName)),
        KeyEnd = FirewallKeys.Concat(FirewallKeys.LastAddress(network).GetAddressBytes(), FirewallKeys.IfName(interfaceName)),
        Label = $"{network} . {interfaceName}",
    };

    private static NftSetElement MappingElement(PortMapping mapping)
    {
        int length = FirewallLayout.AddressLength(mapping.Family);
        byte[] first = mapping.HostAddress is null ? new byte[length] : IPAddress.Parse(mapping.HostAddress).GetAddressBytes();
        byte[] last = mapping.HostAddress is null ? Enumerable.Repeat((byte)0xff, length).ToArray() : first;
        byte[] protocol = FirewallKeys.Protocol(mapping.Protocol), port = FirewallKeys.Port(mapping.HostPort);
        return new NftSetElement
        {
            Key = FirewallKeys.Concat(first, protocol, port),
            KeyEnd = FirewallKeys.Concat(last, protocol, port),
            Data = NftData.FromValue(FirewallKeys.Concat(IPAddress.Parse(mapping.ContainerAddress).GetAddressBytes(), FirewallKeys.Port(mapping.ContainerPort))),
            Comment = mapping.Network is null && mapping.Container is null ? null : $"{mapping.Network}/{mapping.Container}",
            Label = mapping.ToString(),
        };
    }

    /// <summary>The bridge whose own subnet holds the container address: hairpin traffic leaves by it again.</summary>
    private (IPPrefix Subnet, string Bridge)? FindBridge(string? namespaceName, IPAddress containerAddress)
    {
        var bridges = _links.List(namespaceName).Where(l => l.Kind == "bridge").Select(l => l.Name).ToHashSet();
        foreach (NetAddress address in _addresses.List(namespaceName, family: AddressFamilies.Of(containerAddress)))
        {
            var subnet = new IPPrefix(IPPrefix.Mask(address.IPAddress, address.PrefixLength), address.PrefixLength);
            if (bridges.Contains(address.Interface) && subnet.Contains(containerAddress))
                return (subnet, address.Interface);
        }
        return null;
    }
}
