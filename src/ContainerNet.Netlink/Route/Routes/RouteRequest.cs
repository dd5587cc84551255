using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Route.Routes;

/// <summary>
/// RTM_NEWROUTE (NLM_F_CREATE|NLM_F_EXCL) or RTM_DELROUTE in the main table, as
/// `ip route add|del DST/LEN [via GW] [metric M] [dev D]` sends it: nlmsghdr, rtmsg (family, dst_len,
/// table main; for add: protocol boot, scope universe, or for IPv4 link when there is no gateway, type
/// unicast; for delete: protocol unspec, scope nowhere, type unspec, so that any matching route goes),
/// [RTA_DST] [RTA_GATEWAY] [RTA_PRIORITY] [RTA_OIF]. iproute2 leaves RTA_DST out of IPv4 defaults and
/// sends "::" for IPv6 ones (`ip -6 route add default` parses "default" as a 16-byte zero address); so
/// does this, also when Destination is left empty.
/// </summary>
public sealed class RouteRequest : INetlinkRequest
{
    public required bool Delete { get; init; }
    public required byte Family { get; init; }

    /// <summary>Destination network (host bits zero); empty for a default route.</summary>
    public byte[] Destination { get; init; } = Array.Empty<byte>();

    public byte DestinationLength { get; init; }
    public byte[]? Gateway { get; init; }
    public int? OutputInterfaceIndex { get; init; }
    public uint? Metric { get; init; }

    /// <summary>
    /// NLM_F_ECHO (`ip -echo route add`): the kernel sends the route back as it stored it (its
    /// interface, metric and scope filled in) before the ack, so no dump is needed to learn them.
    /// </summary>
    public bool Echo { get; init; }

    private static readonly byte[] Ipv6Unspecified = new byte[16];

    /// <summary>
    /// iproute2's rule (iproute_modify): an IPv4 unicast route without a gateway is scope link (without
    /// a device too the kernel refuses it: "Nexthop device required"); IPv6 routes are always scope universe.
    /// </summary>
    private bool LinkScoped => Family != RtnetlinkConstants.AF_INET6 && Gateway is null;

    public void Encode(NetlinkMessageWriter writer, uint sequence)
    {
        ushort type = Delete ? RtnetlinkConstants.RTM_DELROUTE : RtnetlinkConstants.RTM_NEWROUTE;
        ushort flags = Delete
            ? (ushort)(NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK)
            : (ushort)(NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK | NetlinkConstants.NLM_F_EXCL | NetlinkConstants.NLM_F_CREATE);
        if (Echo)
            flags |= NetlinkConstants.NLM_F_ECHO;
        using (writer.BeginMessage(type, flags, sequence))
        {
            RtMessage header = Delete
                ? new RtMessage(Family, DestinationLength, 0, 0, RouteConstants.RT_TABLE_MAIN, RouteConstants.RTPROT_UNSPEC,
                    RouteConstants.RT_SCOPE_NOWHERE, RouteConstants.RTN_UNSPEC, 0)
                : new RtMessage(Family, DestinationLength, 0, 0, RouteConstants.RT_TABLE_MAIN, RouteConstants.RTPROT_BOOT,
                    LinkScoped ? RouteConstants.RT_SCOPE_LINK : RouteConstants.RT_SCOPE_UNIVERSE,
                    RouteConstants.RTN_UNICAST, 0);
            header.Write(writer);
            if (Family == RtnetlinkConstants.AF_INET6)
                writer.PutAttribute(RouteConstants.RTA_DST, Destination.Length > 0 ? Destination : Ipv6Unspecified);
            else if (Destination.Length > 0 && DestinationLength > 0)
                writer.PutAttribute(RouteConstants.RTA_DST, Destination);
            if (Gateway is { } gateway)
                writer.PutAttribute(RouteConstants.RTA_GATEWAY, gateway);
            if (Metric is { } metric)
                writer.PutU32(RouteConstants.RTA_PRIORITY, metric);
            if (OutputInterfaceIndex is { } index)
                writer.PutU32(RouteConstants.RTA_OIF, (uint)index);
        }
    }
}
