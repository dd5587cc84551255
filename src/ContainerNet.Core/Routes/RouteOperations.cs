using System.Net;
using ContainerNet.Core.Addressing;
using ContainerNet.Core.Errors;
using ContainerNet.Core.Links;
using ContainerNet.Core.Namespaces;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Errors;
using ContainerNet.Netlink.Route.Routes;
using ContainerNet.Netlink.Wire;
using Tmds.Linux;

namespace ContainerNet.Core.Routes;

/// <summary>Routes of the main table (`ip route add/del/show`), in any namespace.</summary>
public sealed class RouteOperations
{
    private readonly NamespaceConnections _connections;
    private readonly LinkOperations _links;

    public RouteOperations(NamespaceConnections connections, LinkOperations links)
    {
        _connections = connections;
        _links = links;
    }

    public NetRoute Add(string? namespaceName, RouteSpec spec)
    {
        RouteRequest request = BuildRequest(namespaceName, spec, delete: false, out string shown);
        RouteMessage? stored = null;
        try
        {
            _connections.Route(namespaceName).Query(request, (in NetlinkMessageHeader header, ReadOnlySpan<byte> payload) =>
                stored ??= Decode(header, payload));
        }
        catch (NetlinkException ex) when (ex.Errno == LibC.EEXIST)
        {
            throw new ContainerNetException("RouteExists", ErrorKind.ResourceExists, shown,
                $"A route to {shown} already exists in {LinkOperations.Describe(namespaceName)}. See it with Get-NetRoute; remove it first, or add this one with another -Metric.",
                ex, ex.Errno, ex.KernelMessage);
        }
        catch (NetlinkException ex) when (ex.Errno == LibC.ENETUNREACH || (ex.Errno == LibC.EINVAL && ex.KernelMessage?.Contains("gateway", StringComparison.OrdinalIgnoreCase) == true))
        {
            throw new ContainerNetException("GatewayUnreachable", ErrorKind.InvalidArgument, spec.Gateway,
                $"Gateway {spec.Gateway} is not on a subnet connected to {(spec.Interface is null ? "any interface" : $"'{spec.Interface}'")} in {LinkOperations.Describe(namespaceName)}. Add an address in the gateway's subnet first (Add-NetAddress), or pick a gateway inside a connected subnet.",
                ex, ex.Errno, ex.KernelMessage);
        }
        catch (NetlinkException ex)
        {
            throw KernelErrors.Translate(ex, $"add the route to {shown} in {LinkOperations.Describe(namespaceName)}", shown);
        }
        if (stored is not null && stored.OutputInterfaceIndex is { } index)
        {
            string name = spec.Interface ?? _links.NameOf(namespaceName, index) ?? $"if{index}";
            return ToNetRoute(stored, namespaceName, new Dictionary<int, string> { [index] = name });
        }
        // A kernel that does not echo (NLM_F_ECHO): find the route in the table.
        return StoredRoute(namespaceName, request) ?? Describe(namespaceName, request, spec);
    }

    /// <summary>The route as the kernel stored it (its interface, metric and scope are filled in), found by its key.</summary>
    private NetRoute? StoredRoute(string? namespaceName, RouteRequest request)
    {
        IPFamily family = request.Family == RtnetlinkConstants.AF_INET6 ? IPFamily.IPv6 : IPFamily.IPv4;
        string destination = $"{new IPAddress(request.Destination)}/{request.DestinationLength}";
        string? gateway = request.Gateway is null ? null : new IPAddress(request.Gateway).ToString();
        return List(namespaceName, family).FirstOrDefault(r =>
            r.Destination == destination
            && r.Gateway == gateway
            && (request.OutputInterfaceIndex is null || r.InterfaceIndex == request.OutputInterfaceIndex)
            && (request.Metric is null || r.Metric == request.Metric));
    }

    public void Remove(string? namespaceName, RouteSpec spec)
    {
        RouteRequest request = BuildRequest(namespaceName, spec, delete: true, out string shown);
        try
        {
            _connections.Route(namespaceName).Execute(request);
        }
        catch (NetlinkException ex) when (ex.Errno == LibC.ESRCH || ex.Errno == LibC.ENOENT)
        {
            throw new ContainerNetException("RouteNotFound", ErrorKind.ObjectNotFound, shown,
                $"There is no route to {shown}{(spec.Gateway is null ? "" : $" via {spec.Gateway}")} in {LinkOperations.Describe(namespaceName)}. List the routes with Get-NetRoute.",
                ex, ex.Errno, ex.KernelMessage);
        }
        catch (NetlinkException ex)
        {
            throw KernelErrors.Translate(ex, $"remove the route to {shown} in {LinkOperations.Describe(namespaceName)}", shown);
        }
    }

    /// <summary>The main table's unicast routes (what `ip route` and `ip -6 route` show).</summary>
    public IReadOnlyList<NetRoute> List(string? namespaceName, IPFamily? family = null)
    {
        var names = _links.List(namespaceName).ToDictionary(l => l.Index, l => l.Name);
        byte familyCode = AddressFamilies.ToKernel(family);
        List<RouteMessage> messages;
        try
        {
            messages = _connections.Route(namespaceName).QueryAll(new GetRouteRequest { Family = familyCode }, Decode);
        }
        catch (NetlinkException ex)
        {
            throw KernelErrors.Translate(ex, $"list the routes of {LinkOperations.Describe(namespaceName)}", namespaceName);
        }
        return messages
            .Where(m => m.Table == RouteConstants.RT_TABLE_MAIN && m.Type == RouteConstants.RTN_UNICAST)
            .Where(m => m.Family is RtnetlinkConstants.AF_INET or RtnetlinkConstants.AF_INET6)
            .Select(m => ToNetRoute(m, namespaceName, names))
            .ToList();
    }

    private RouteRequest BuildRequest(string? namespaceName, RouteSpec spec, bool delete, out string shown)
    {
        IPAddress? gateway = spec.Gateway is null ? null : IPPrefix.ParseAddress(spec.Gateway, "gateway");
        IPPrefix destination;
        if (spec.IsDefault)
        {
            if (spec.Destination is not null)
                throw new ContainerNetException("AmbiguousDestination", ErrorKind.InvalidArgument, spec.Destination,
                    "Give either -Default or -Destination, not both.");
            IPFamily family = spec.Family ?? (gateway is null ? IPFamily.IPv4 : AddressFamilies.Of(gateway));
            destination = new IPPrefix(family == IPFamily.IPv6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        }
        else
        {
            if (spec.Destination is null)
                throw new ContainerNetException("MissingDestination", ErrorKind.InvalidArgument, null,
                    "No destination was given. Pass -Destination 10.1.0.0/16 (a network) or -Default.");
            destination = IPPrefix.Parse(spec.Destination, "route destination", prefixRequired: true);
            if (destination.HasHostBits)
                throw new ContainerNetException("InvalidRouteDestination", ErrorKind.InvalidArgument, spec.Destination,
                    $"Route destination {destination} has host bits set. A route goes to a network: did you mean {destination.Network}/{destination.PrefixLength}?");
        }
        if (gateway is not null && AddressFamilies.Of(gateway) != destination.Family)
            throw new ContainerNetException("AddressFamilyMismatch", ErrorKind.InvalidArgument, spec.Gateway,
                $"Gateway {gateway} is {AddressFamilies.Of(gateway)} but the destination {destination} is {destination.Family}. Use a gateway of the same family.");
        if (spec.Family is { } wanted && wanted != destination.Family)
            throw new ContainerNetException("AddressFamilyMismatch", ErrorKind.InvalidArgument, spec.Destination,
                $"The route to {destination} is {destination.Family}, but -Family {wanted} was given.");
        if (gateway is null && spec.Interface is null && !delete)
            throw new ContainerNetException("MissingNextHop", ErrorKind.InvalidArgument, spec.Destination,
                "A route needs somewhere to go: pass -Gateway, -Interface, or both.");

        int? index = spec.Interface is null ? null : _links.Get(namespaceName, spec.Interface).Index;
        shown = spec.IsDefault ? "default" : destination.ToString();
        return new RouteRequest
        {
            Delete = delete,
            Family = destination.Family == IPFamily.IPv6 ? RtnetlinkConstants.AF_INET6 : RtnetlinkConstants.AF_INET,
            Destination = destination.Network.GetAddressBytes(),
            DestinationLength = (byte)destination.PrefixLength,
            Gateway = gateway?.GetAddressBytes(),
            OutputInterfaceIndex = index,
            Metric = spec.Metric,
            Echo = !delete,
        };
    }

    private NetRoute Describe(string? namespaceName, RouteRequest request, RouteSpec spec)
    {
        var network = new IPAddress(request.Destination);
        return new NetRoute
        {
            Namespace = namespaceName ?? "",
            Destination = $"{network}/{request.DestinationLength}",
            IsDefault = request.DestinationLength == 0,
            Gateway = request.Gateway is null ? null : new IPAddress(request.Gateway).ToString(),
            Interface = spec.Interface,
            InterfaceIndex = request.OutputInterfaceIndex,
            Metric = request.Metric,
            Protocol = "boot",
            Scope = request.Gateway is null ? "link" : "global",
            Family = AddressFamilies.Of(network),
            Table = RouteConstants.RT_TABLE_MAIN,
        };
    }

    private static RouteMessage? Decode(in NetlinkMessageHeader header, ReadOnlySpan<byte> payload) =>
        header.Type == RtnetlinkConstants.RTM_NEWROUTE ? RouteMessage.Decode(payload) : null;

    private static NetRoute ToNetRoute(RouteMessage message, string? namespaceName, IReadOnlyDictionary<int, string> names)
    {
        bool v6 = message.Family == RtnetlinkConstants.AF_INET6;
        IPAddress network = message.Destination.Length is 4 or 16
            ? new IPAddress(message.Destination)
            : v6 ? IPAddress.IPv6Any : IPAddress.Any;
        return new NetRoute
        {
            Namespace = namespaceName ?? "",
            Destination = $"{network}/{message.DestinationLength}",
            IsDefault = message.DestinationLength == 0,
            Gateway = message.Gateway is { Length: 4 or 16 } g ? new IPAddress(g).ToString() : null,
            Interface = message.OutputInterfaceIndex is { } i ? names.GetValueOrDefault(i, $"if{i}") : null,
            InterfaceIndex = message.OutputInterfaceIndex,
            Metric = message.Metric,
            Protocol = ScopeNames.Protocol(message.Protocol),
            Scope = ScopeNames.Scope(message.Scope),
            Family = v6 ? IPFamily.IPv6 : IPFamily.IPv4,
            Table = message.Table,
            PreferredSource = message.PreferredSource is { Length: 4 or 16 } s ? new IPAddress(s).ToString() : null,
        };
    }
}
