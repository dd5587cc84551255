using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Route.Routes;

/// <summary>
/// RTM_NEWROUTE (NLM_F_CREATE|NLM_F_EXCL) or RTM_DELROUTE in the main table, as
/// `ip route add|del DST/LEN [via GW] [metric M] [dev D]` sends it: nlmsghdr, rtmsg (family, dst_len,
/// table main; for add: protocol boot, scope universe, or link when there is no gateway, type unicast;
/// for delete: protocol unspec, scope nowhere, type unspec, so that any matching route goes),
/// [RTA_DST] [RTA_GATEWAY] [RTA_PRIORITY] [RTA_OIF]. iproute2 leaves RTA_DST out of IPv4 defaults and
/// sends "::" for IPv6 ones; so does this.
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

    public void Encode(NetlinkMessageWriter writer, uint sequence)
    {
        ushort type = Delete ? RtnetlinkConstants.RTM_DELROUTE : RtnetlinkConstants.RTM_NEWROUTE;
        ushort flags = Delete
            ? (ushort)(NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK)
            : (ushort)(NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK | NetlinkConstants.NLM_F_EXCL | NetlinkConstants.NLM_F_CREATE);
        using (writer.BeginMessage(type, flags, sequence))
        {
            RtMessage header = Delete
                ? new RtMessage(Family, DestinationLength, 0, 0, RouteConstants.RT_TABLE_MAIN, RouteConstants.RTPROT_UNSPEC,
                    RouteConstants.RT_SCOPE_NOWHERE, RouteConstants.RTN_UNSPEC, 0)
                : new RtMessage(Family, DestinationLength, 0, 0, RouteConstants.RT_TABLE_MAIN, RouteConstants.RTPROT_BOOT,
                    Gateway is null && OutputInterfaceIndex is not null ? RouteConstants.RT_SCOPE_LINK : RouteConstants.RT_SCOPE_UNIVERSE,
                    RouteConstants.RTN_UNICAST, 0);
            header.Write(writer);
            if (Destination.Length > 0 && (DestinationLength > 0 || Family == RtnetlinkConstants.AF_INET6))
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
