using ContainerNet.Core.Errors;
using ContainerNet.Core.Namespaces;
using ContainerNet.Core.Native;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Errors;
using ContainerNet.Netlink.Route.Links;
using ContainerNet.Netlink.Route.Links.Kinds;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;
using Tmds.Linux;

namespace ContainerNet.Core.Links;

/// <summary>Create, read, change and delete links in any namespace, over rtnetlink.</summary>
public sealed partial class LinkOperations
{
    public const int MinMtu = 68;
    /// <summary>Loopback's default; each device's own maximum (IFLA_MAX_MTU) is enforced by the kernel.</summary>
    public const int MaxMtu = 65536;

    /// <summary>
    /// Queues per veth end unless asked otherwise: one, as a veth uses by default. Said in the request
    /// because left unsaid the kernel allocates one queue per CPU and then cuts the active count to
    /// one for each end, and each cut waits for an RCU grace period while holding the rtnl lock.
    /// </summary>
    public const int DefaultQueueCount = 1;

    /// <summary>The kernel's limit on queues per device (rtnl_create_link).</summary>
    public const int MaxQueueCount = 4096;

    private readonly NamespaceConnections _connections;

    public LinkOperations(NamespaceConnections connections) => _connections = connections;

    public IReadOnlyList<NetLink> List(string? namespaceName)
    {
        NetlinkConnection connection = _connections.Route(namespaceName);
        List<LinkMessage> messages;
        try
        {
            messages = connection.QueryAll(GetLinkRequest.Dump(), DecodeLink);
        }
        catch (NetlinkException ex)
        {
            throw KernelErrors.Translate(ex, $"list the links of {Describe(namespaceName)}", namespaceName);
        }
        var namesByIndex = messages.ToDictionary(m => m.Index, m => m.Name);
        return messages.Select(m => ToNetLink(m, namespaceName, namesByIndex)).ToList();
    }

    /// <summary>The raw decoded link messages of a namespace (for operations that need kernel detail, e.g. bridge ports).</summary>
    internal List<LinkMessage> Dump(string? namespaceName)
    {
        try
        {
            return _connections.Route(namespaceName).QueryAll(GetLinkRequest.Dump(), DecodeLink);
        }
        catch (NetlinkException ex)
        {
            throw KernelErrors.Translate(ex, $"list the links of {Describe(namespaceName)}", namespaceName);
        }
    }

    /// <summary>The name of the link with this index, or null when there is none.</summary>
    internal string? NameOf(string? namespaceName, int index) => LookupIndex(namespaceName, index)?.Name;

    /// <summary>One link's decoded kernel message by name; throws LinkNotFound.</summary>
    internal LinkMessage GetMessage(string? namespaceName, string name) => Lookup(namespaceName, name);

    /// <summary>One link by name; throws LinkNotFound when the namespace has none of that name.</summary>
    public NetLink Get(string? namespaceName, string name)
    {
        LinkName.Validate(name);
        LinkMessage message = Lookup(namespaceName, name);
        string? master = null;
        if (message.MasterIndex is { } masterIndex and > 0)
            master = LookupIndex(namespaceName, masterIndex)?.Name;
        return ToNetLink(message, namespaceName, master is null ? null : new Dictionary<int, string> { [message.MasterIndex!.Value] = master });
    }

    public VethPair CreateVethPair(VethPairSpec spec)
    {
        LinkName.Validate(spec.Name);
        LinkName.Validate(spec.PeerName, "peer interface");
        string hostNamespace = spec.Namespace ?? "";
        string peerNamespace = string.IsNullOrEmpty(spec.PeerNamespace) ? hostNamespace : spec.PeerNamespace;
        if (peerNamespace == hostNamespace && spec.Name == spec.PeerName)
            throw new ContainerNetException("DuplicateInterfaceName", ErrorKind.InvalidArgument, spec.Name,
                $"Both ends of the veth pair are named '{spec.Name}' in {Describe(hostNamespace)}. Give the peer another name, or put it in another namespace with -PeerNamespace.");
        ValidateMtu(spec.Mtu, spec.Name);
        uint queues = (uint)ValidateQueueCount(spec.QueueCount ?? DefaultQueueCount, spec.Name);
        byte[] mac = spec.MacAddress is null ? MacAddress.NewRandom() : MacAddress.Parse(spec.MacAddress);
        byte[] peerMac = spec.PeerMacAddress is null ? MacAddress.NewRandom() : MacAddress.Parse(spec.PeerMacAddress, "peer MAC address");

        int? bridgeIndex = spec.Bridge is null ? null : RequireBridge(hostNamespace, spec.Bridge).Index;
        NetlinkConnection connection = _connections.Route(hostNamespace);
        LinkMessage? echoed = null;
        int peerFd = -1;
        if (peerNamespace != hostNamespace)
            peerFd = _connections.Registry.OpenHandle(peerNamespace);
        try
        {
            var request = new NewLinkRequest
            {
                Name = spec.Name,
                MacAddress = mac,
                Mtu = spec.Mtu,
                // A bridge port comes up only after its address generation mode is set (below).
                Up = spec.Up && bridgeIndex is null,
                MasterIndex = bridgeIndex,
                QueueCount = queues,
                Kind = new VethKind
                {
                    PeerName = spec.PeerName,
                    PeerNamespaceFd = peerFd >= 0 ? peerFd : null,
                    PeerMtu = spec.Mtu,
                    PeerMacAddress = peerMac,
                    PeerQueueCount = queues,
                },
                Echo = true,
            };
            try
            {
                connection.Query(request, (in NetlinkMessageHeader header, ReadOnlySpan<byte> payload) =>
                    echoed ??= DecodeLink(header, payload));
            }
            catch (NetlinkException ex) when (ex.Errno == LibC.EEXIST)
            {
                bool firstExists = LookupIndexOrName(hostNamespace, spec.Name) is not null;
                (string who, string where) = firstExists ? (spec.Name, hostNamespace) : (spec.PeerName, peerNamespace);
                throw new ContainerNetException("LinkExists", ErrorKind.ResourceExists, who,
                    $"Cannot create veth pair '{spec.Name}': a link named '{who}' already exists in {Describe(where)}. Choose another name or remove it with Remove-NetLink.",
                    ex, ex.Errno, ex.KernelMessage);
            }
            catch (NetlinkException ex) when (ex.Errno == LibC.EINVAL && spec.Mtu is not null)
            {
                throw new ContainerNetException("InvalidMtu", ErrorKind.InvalidArgument, spec.Mtu,
                    $"The kernel refused MTU {spec.Mtu} for veth pair '{spec.Name}'{(ex.KernelMessage is null ? "" : $": {ex.KernelMessage}")}. A veth takes {MinMtu}-65535.",
                    ex, ex.Errno, ex.KernelMessage);
            }
            catch (NetlinkException ex)
            {
                throw KernelErrors.Translate(ex, $"create veth pair '{spec.Name}'/'{spec.PeerName}'", spec.Name);
            }
        }
        finally
        {
            if (peerFd >= 0)
                Syscall.Close(peerFd);
        }

        // The kernel echoes the new link (NLM_F_ECHO); read it back only where it does not.
        LinkMessage created = echoed ?? Lookup(hostNamespace, spec.Name);
        if (bridgeIndex is not null)
            created = MakePurePort(spec, hostNamespace, created);
        if (spec.Up)
            BringPeerUp(spec, hostNamespace, peerNamespace, created);
        return new VethPair
        {
            Name = created.Name,
            Namespace = hostNamespace,
            Index = created.Index,
            PeerName = spec.PeerName,
            PeerNamespace = peerNamespace,
            PeerIndex = created.LinkIndex ?? 0,
            Mtu = created.Mtu ?? 0,
            MacAddress = MacAddress.Format(created.MacAddress ?? mac),
            PeerMacAddress = MacAddress.Format(peerMac),
            AdminState = created.IsUp ? AdminState.Up : AdminState.Down,
            Bridge = spec.Bridge,
        };
    }

    /// <summary>The named link, which must be a bridge: BridgeNotFound or NotABridge otherwise.</summary>
    public NetLink RequireBridge(string? namespaceName, string bridge)
    {
        LinkName.Validate(bridge, "bridge");
        NetLink link;
        try
        {
            link = Get(namespaceName, bridge);
        }
        catch (ContainerNetException notFound) when (notFound.ErrorId == "LinkNotFound")
        {
            throw new ContainerNetException("BridgeNotFound", ErrorKind.ObjectNotFound, bridge,
                $"There is no bridge named '{bridge}' in {Describe(namespaceName)}. Create it with New-NetBridge -Name {bridge}.", notFound);
        }
        if (link.Kind != "bridge")
            throw new ContainerNetException("NotABridge", ErrorKind.InvalidArgument, bridge,
                $"'{bridge}' in {Describe(namespaceName)} is a {link.Kind}, not a bridge. Give a bridge made with New-NetBridge.");
        return link;
    }

    /// <summary>
    /// A bridge port never uses addresses of its own. Without an IPv6 link-local address it sends no
    /// DAD, MLD or router solicitations, which the bridge would flood to every other port (LXD and
    /// Docker's IPv4-only endpoints do the same). The kernel takes the mode only on an existing link
    /// (EAFNOSUPPORT in the create request), so it goes in one pipelined send with the port's IFF_UP.
    /// </summary>
    private LinkMessage MakePurePort(VethPairSpec spec, string hostNamespace, LinkMessage created)
    {
        var requests = new List<INetlinkRequest>
        {
            new SetLinkRequest { Index = created.Index, IPv6AddressGenerationMode = IfLinkConstants.IN6_ADDR_GEN_MODE_NONE },
        };
        if (spec.Up)
            requests.Add(new SetLinkRequest { Index = created.Index, Up = true });
        NetlinkConnection connection = _connections.Route(hostNamespace);
        NetlinkException? failure = connection.ExecuteAll(requests).FirstOrDefault(e => e is not null);
        if (failure is null)
            return spec.Up ? created with { Flags = created.Flags | InterfaceFlags.IFF_UP } : created;
        DeleteAfterFailure(connection, created.Index);
        throw KernelErrors.Translate(failure, $"set up bridge port '{spec.Name}' in {Describe(hostNamespace)}", spec.Name);
    }

    /// <summary>Undoes a pair whose setup failed half-way; best effort, as the original failure is what the caller needs to see.</summary>
    private static void DeleteAfterFailure(NetlinkConnection connection, int index)
    {
        try
        {
            connection.Execute(DeleteLinkRequest.ByIndex(index));
        }
        catch (NetlinkException)
        {
            // The original failure is reported instead.
        }
    }

    /// <summary>
    /// The kernel refuses IFF_UP on a veth peer inside the create request (the peer opens before the
    /// pair is linked: ENOTCONN), so the peer comes up with a second request in its own namespace.
    /// If that fails, the pair is deleted again: the call leaves nothing behind.
    /// </summary>
    private void BringPeerUp(VethPairSpec spec, string hostNamespace, string peerNamespace, LinkMessage created)
    {
        try
        {
            int peerIndex = created.LinkIndex ?? Lookup(peerNamespace, spec.PeerName).Index;
            _connections.Route(peerNamespace).Execute(new SetLinkRequest { Index = peerIndex, Up = true });
        }
        catch (Exception failure) when (failure is NetlinkException or ContainerNetException)
        {
            DeleteAfterFailure(_connections.Route(hostNamespace), created.Index);
            throw failure is NetlinkException netlink
                ? KernelErrors.Translate(netlink, $"bring up veth peer '{spec.PeerName}' in {Describe(peerNamespace)}", spec.PeerName)
                : failure;
        }
    }

    /// <summary>Applies the changes in one request and returns the link as it is afterwards (where it is afterwards).</summary>
    public NetLink Set(string? namespaceName, string name, LinkChanges changes)
    {
        LinkName.Validate(name);
        if (changes.NewName is not null)
            LinkName.Validate(changes.NewName, "new interface");
        ValidateMtu(changes.Mtu, name);
        byte[]? mac = changes.MacAddress is null ? null : MacAddress.Parse(changes.MacAddress);
        LinkMessage current = Lookup(namespaceName, name);

        int destinationFd = OpenDestination(changes);
        try
        {
            _connections.Route(namespaceName).Execute(ToRequest(current.Index, changes, mac, destinationFd));
        }
        catch (NetlinkException ex)
        {
            throw SetFailure(ex, namespaceName, name, changes);
        }
        finally
        {
            if (destinationFd >= 0)
                Syscall.Close(destinationFd);
        }

        string finalNamespace = changes.DestinationNamespace ?? namespaceName ?? "";
        return Get(finalNamespace, changes.NewName ?? name);
    }

    /// <summary>The namespace a change moves links into, opened; -1 when the links stay where they are.</summary>
    private int OpenDestination(LinkChanges changes) => changes.DestinationNamespace switch
    {
        { Length: > 0 } destination => _connections.Registry.OpenHandle(destination),
        "" => OpenCallersNamespace(),
        _ => -1,
    };

    private static SetLinkRequest ToRequest(int index, LinkChanges changes, byte[]? mac, int destinationFd) => new()
    {
        Index = index,
        Up = changes.State is null ? null : changes.State == AdminState.Up,
        Mtu = changes.Mtu,
        NewName = changes.NewName,
        MacAddress = mac,
        NamespaceFd = destinationFd >= 0 ? destinationFd : null,
    };

    /// <summary>What a refused change means for the person who asked for it.</summary>
    private static ContainerNetException SetFailure(NetlinkException ex, string? namespaceName, string name, LinkChanges changes)
    {
        if (ex.Errno == LibC.EEXIST)
        {
            string where = changes.DestinationNamespace ?? namespaceName ?? "";
            string clash = changes.NewName ?? name;
            return new ContainerNetException("LinkExists", ErrorKind.ResourceExists, clash,
                $"Cannot change link '{name}': a link named '{clash}' already exists in {Describe(where)}. Choose another name.",
                ex, ex.Errno, ex.KernelMessage);
        }
        if (ex.Errno == LibC.EINVAL && changes.Mtu is not null)
            return new ContainerNetException("InvalidMtu", ErrorKind.InvalidArgument, changes.Mtu,
                $"The kernel refused MTU {changes.Mtu} for '{name}'{(ex.KernelMessage is null ? "" : $": {ex.KernelMessage}")}. Use a value within the device's limits (see Get-NetLink).",
                ex, ex.Errno, ex.KernelMessage);
        if (ex.Errno == LibC.ENODEV)
            return LinkNotFound(namespaceName, name, ex);
        return KernelErrors.Translate(ex, $"change link '{name}' in {Describe(namespaceName)}", name);
    }

    /// <summary>Deletes a link; returns the names of links that went with it in the same namespace (a veth's other end).</summary>
    public IReadOnlyList<string> Remove(string? namespaceName, string name)
    {
        LinkName.Validate(name);
        LinkMessage link = Lookup(namespaceName, name);
        string? peerHere = null;
        if (link.Kind == "veth" && link.LinkNetnsId is null && link.LinkIndex is { } peerIndex)
            peerHere = LookupIndex(namespaceName, peerIndex)?.Name;
        try
        {
            _connections.Route(namespaceName).Execute(DeleteLinkRequest.ByIndex(link.Index));
            return peerHere is null ? Array.Empty<string>() : new[] { peerHere };
        }
        catch (NetlinkException ex) when (ex.Errno == LibC.ENODEV || ex.Errno == LibC.ENOENT)
        {
            throw LinkNotFound(namespaceName, name, ex);
        }
        catch (NetlinkException ex)
        {
            throw KernelErrors.Translate(ex, $"remove link '{name}' from {Describe(namespaceName)}", name);
        }
    }

    public static string Describe(string? namespaceName) =>
        string.IsNullOrEmpty(namespaceName) ? "the host namespace" : $"namespace '{namespaceName}'";

    public static ContainerNetException LinkNotFound(string? namespaceName, string name, Exception? inner = null) =>
        new("LinkNotFound", ErrorKind.ObjectNotFound, name,
            $"There is no link named '{name}' in {Describe(namespaceName)}. List the links with Get-NetLink{(string.IsNullOrEmpty(namespaceName) ? "" : $" -Namespace {namespaceName}")}.",
            inner);

    /// <summary>The calling thread is never moved out of the caller's namespace, so its own ns file is "the host".</summary>
    private static int OpenCallersNamespace()
    {
        int error = Syscall.Open("/proc/thread-self/ns/net", LibC.O_RDONLY, out int fd);
        if (error != 0)
            throw KernelErrors.FromErrno(error, "open the caller's namespace", null, "NamespaceNotFound");
        return fd;
    }

    private static void ValidateMtu(int? mtu, string name)
    {
        if (mtu is { } value && (value < MinMtu || value > MaxMtu))
            throw new ContainerNetException("InvalidMtu", ErrorKind.InvalidArgument, value,
                $"MTU {value} for '{name}' is out of range. Use a value from {MinMtu} to {MaxMtu} (and within the device's own limit); 1500 is the Ethernet default.");
    }

    private static int ValidateQueueCount(int count, string name)
    {
        if (count < 1 || count > MaxQueueCount)
            throw new ContainerNetException("InvalidQueueCount", ErrorKind.InvalidArgument, count,
                $"Queue count {count} for veth pair '{name}' is out of range. Use a value from 1 to {MaxQueueCount}; 1 (the default) suits a container, more only help multi-queue XDP or RSS tests.");
        return count;
    }

    private LinkMessage Lookup(string? namespaceName, string name) =>
        LookupIndexOrName(namespaceName, name) ?? throw LinkNotFound(namespaceName, name);

    private LinkMessage? LookupIndexOrName(string? namespaceName, string name) =>
        QuerySingle(namespaceName, GetLinkRequest.ByName(name), name);

    private LinkMessage? LookupIndex(string? namespaceName, int index) =>
        QuerySingle(namespaceName, GetLinkRequest.ByIndex(index), index.ToString());

    private LinkMessage? QuerySingle(string? namespaceName, GetLinkRequest request, string what)
    {
        try
        {
            List<LinkMessage> found = _connections.Route(namespaceName).QueryAll(request, DecodeLink);
            return found.Count > 0 ? found[0] : null;
        }
        catch (NetlinkException ex) when (ex.Errno == LibC.ENODEV || ex.Errno == LibC.ENOENT)
        {
            return null;
        }
        catch (NetlinkException ex)
        {
            throw KernelErrors.Translate(ex, $"read link '{what}' in {Describe(namespaceName)}", what);
        }
    }

    private static LinkMessage? DecodeLink(in NetlinkMessageHeader header, ReadOnlySpan<byte> payload) =>
        header.Type == RtnetlinkConstants.RTM_NEWLINK ? LinkMessage.Decode(payload) : null;

    private static NetLink ToNetLink(LinkMessage message, string? namespaceName, IReadOnlyDictionary<int, string>? namesByIndex)
    {
        string? master = null;
        if (message.MasterIndex is { } masterIndex && namesByIndex is not null)
            namesByIndex.TryGetValue(masterIndex, out master);
        string kind = message.Kind
            ?? (message.HardwareType == InterfaceFlags.ARPHRD_LOOPBACK ? "loopback" : "device");
        return new NetLink
        {
            Name = message.Name,
            Namespace = namespaceName ?? "",
            Index = message.Index,
            Kind = kind,
            State = (LinkState)message.OperState,
            AdminState = message.IsUp ? AdminState.Up : AdminState.Down,
            Mtu = message.Mtu ?? 0,
            MacAddress = MacAddress.Format(message.MacAddress),
            Master = master,
            PeerIndex = kind == "veth" ? message.LinkIndex : null,
            Group = message.Group ?? 0,
        };
    }
}
