using ContainerNet.Core.Errors;
using ContainerNet.Core.Links;
using ContainerNet.Core.Namespaces;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Errors;
using ContainerNet.Netlink.Route.Links;
using ContainerNet.Netlink.Route.Links.Kinds;
using ContainerNet.Netlink.Transport;
using Tmds.Linux;

namespace ContainerNet.Core.Bridges;

/// <summary>Linux bridges and their ports (`ip link add type bridge`, `ip link set master`, `bridge link`).</summary>
public sealed class BridgeOperations
{
    private readonly NamespaceConnections _connections;
    private readonly LinkOperations _links;

    public BridgeOperations(NamespaceConnections connections, LinkOperations links)
    {
        _connections = connections;
        _links = links;
    }

    public NetLink CreateBridge(string? namespaceName, string name, int? mtu = null, string? macAddress = null, bool up = false)
    {
        LinkName.Validate(name, "bridge");
        byte[]? mac = macAddress is null ? null : MacAddress.Parse(macAddress);
        if (mtu is { } value && (value < LinkOperations.MinMtu || value > 65535))
            throw new ContainerNetException("InvalidMtu", ErrorKind.InvalidArgument, mtu,
                $"MTU {value} for bridge '{name}' is out of range. Use {LinkOperations.MinMtu}-65535; 1500 is the Ethernet default.");
        try
        {
            _connections.Route(namespaceName).Execute(new NewLinkRequest { Name = name, Kind = BridgeKind.Instance, Mtu = mtu, MacAddress = mac, Up = up });
        }
        catch (NetlinkException ex) when (ex.Errno == LibC.EEXIST)
        {
            throw new ContainerNetException("LinkExists", ErrorKind.ResourceExists, name,
                $"Cannot create bridge '{name}': a link of that name already exists in {LinkOperations.Describe(namespaceName)}. Choose another name or remove it with Remove-NetLink.",
                ex, ex.Errno, ex.KernelMessage);
        }
        catch (NetlinkException ex)
        {
            throw KernelErrors.Translate(ex, $"create bridge '{name}' in {LinkOperations.Describe(namespaceName)}", name);
        }
        return _links.Get(namespaceName, name);
    }

    /// <summary>
    /// Enslaves an interface and sets its port options, pipelined in one send. The options can only be
    /// set once the link is a port, so they go second; if they fail, the port is released again.
    /// </summary>
    public BridgePort AddPort(string? namespaceName, string bridge, string interfaceName, BridgePortOptions? options = null)
    {
        LinkName.Validate(bridge, "bridge");
        LinkName.Validate(interfaceName);
        NetLink bridgeLink = RequireBridge(namespaceName, bridge);
        if (interfaceName == bridge)
            throw new ContainerNetException("InvalidBridgePort", ErrorKind.InvalidArgument, interfaceName,
                $"Bridge '{bridge}' cannot be a port of itself. Give the interface to attach, e.g. a veth's host end.");
        NetLink port = _links.Get(namespaceName, interfaceName);
        if (port.Kind is "loopback" or "bridge")
            throw new ContainerNetException("InvalidBridgePort", ErrorKind.InvalidArgument, interfaceName,
                $"'{interfaceName}' is a {port.Kind} and cannot be a bridge port. Attach an Ethernet-like interface, such as a veth's host end.");
        if (port.Master == bridge)
            throw new ContainerNetException("BridgePortExists", ErrorKind.ResourceExists, interfaceName,
                $"'{interfaceName}' is already a port of bridge '{bridge}'. Change its options with Remove-BridgePort and Add-BridgePort, or leave it.");
        if (port.Master is not null)
            throw new ContainerNetException("InterfaceEnslaved", ErrorKind.ResourceBusy, interfaceName,
                $"'{interfaceName}' is already a port of '{port.Master}'. Remove it there first with Remove-BridgePort -Bridge {port.Master} -Interface {interfaceName}.");

        var requests = new List<INetlinkRequest> { new SetLinkRequest { Index = port.Index, MasterIndex = bridgeLink.Index } };
        var portOptions = new BridgePortOptionsRequest
        {
            Index = port.Index, Isolated = options?.Isolated, Hairpin = options?.Hairpin, Learning = options?.Learning,
        };
        if (!portOptions.IsEmpty)
            requests.Add(portOptions);

        NetlinkConnection connection = _connections.Route(namespaceName);
        NetlinkException?[] errors = connection.ExecuteAll(requests);
        if (errors[0] is { } enslaveError)
            throw KernelErrors.Translate(enslaveError, $"attach '{interfaceName}' to bridge '{bridge}'", interfaceName);
        if (errors.Length > 1 && errors[1] is { } optionsError)
        {
            TryRelease(connection, port.Index);
            throw KernelErrors.Translate(optionsError, $"set the port options of '{interfaceName}' on bridge '{bridge}'", interfaceName);
        }
        // Read back one link (not a dump: adding the 500th port must not cost 500 decodes).
        LinkMessage added = _links.GetMessage(namespaceName, interfaceName);
        return added.BridgePort is null
            ? throw LinkOperations.LinkNotFound(namespaceName, interfaceName)
            : ToPort(added, namespaceName, bridge);
    }

    public IReadOnlyList<BridgePort> ListPorts(string? namespaceName, string? bridge = null)
    {
        if (bridge is not null)
            RequireBridge(namespaceName, bridge);
        List<LinkMessage> messages = _links.Dump(namespaceName);
        var names = messages.ToDictionary(m => m.Index, m => m.Name);
        return messages
            .Where(m => m.BridgePort is not null && m.MasterIndex is { } master && names.ContainsKey(master))
            .Select(m => ToPort(m, namespaceName, names[m.MasterIndex!.Value]))
            .Where(p => bridge is null || p.Bridge == bridge)
            .ToList();
    }

    public void RemovePort(string? namespaceName, string bridge, string interfaceName)
    {
        LinkName.Validate(bridge, "bridge");
        LinkName.Validate(interfaceName);
        RequireBridge(namespaceName, bridge);
        NetLink port = _links.Get(namespaceName, interfaceName);
        if (port.Master != bridge)
            throw new ContainerNetException("BridgePortNotFound", ErrorKind.ObjectNotFound, interfaceName,
                $"'{interfaceName}' is not a port of bridge '{bridge}'{(port.Master is null ? "" : $" (it is a port of '{port.Master}')")}. List the ports with Get-BridgePort -Bridge {bridge}.");
        try
        {
            _connections.Route(namespaceName).Execute(new SetLinkRequest { Index = port.Index, MasterIndex = 0 });
        }
        catch (NetlinkException ex)
        {
            throw KernelErrors.Translate(ex, $"detach '{interfaceName}' from bridge '{bridge}'", interfaceName);
        }
    }

    private NetLink RequireBridge(string? namespaceName, string bridge) => _links.RequireBridge(namespaceName, bridge);

    private static void TryRelease(NetlinkConnection connection, int index)
    {
        try
        {
            connection.Execute(new SetLinkRequest { Index = index, MasterIndex = 0 });
        }
        catch (NetlinkException)
        {
            // Best effort; the caller reports the original failure.
        }
    }

    private static BridgePort ToPort(LinkMessage message, string? namespaceName, string bridge) => new()
    {
        Namespace = namespaceName ?? "",
        Bridge = bridge,
        Interface = message.Name,
        InterfaceIndex = message.Index,
        State = message.BridgePort!.State switch
        {
            BridgeConstants.BR_STATE_DISABLED => "Disabled",
            BridgeConstants.BR_STATE_LISTENING => "Listening",
            BridgeConstants.BR_STATE_LEARNING => "Learning",
            BridgeConstants.BR_STATE_FORWARDING => "Forwarding",
            BridgeConstants.BR_STATE_BLOCKING => "Blocking",
            byte other => other.ToString(),
        },
        Isolated = message.BridgePort.Isolated,
        Hairpin = message.BridgePort.Hairpin,
        Learning = message.BridgePort.Learning,
    };
}
