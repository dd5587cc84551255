using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Route.Links;

/// <summary>
/// RTM_NEWLINK without CREATE on an existing link (as `ip link set` sends it): only the fields that
/// are set change. Layout: nlmsghdr, ifinfomsg (index; IFF_UP in flags/change for up/down),
/// [IFLA_ADDRESS] [IFLA_MTU] [IFLA_NET_NS_FD] [IFLA_MASTER] [IFLA_GROUP] [IFLA_AF_SPEC { AF_INET6 { IFLA_INET6_ADDR_GEN_MODE } }] [IFLA_IFNAME = new name].
/// </summary>
public sealed class SetLinkRequest : INetlinkRequest
{
    public required int Index { get; init; }
    public bool? Up { get; init; }
    public int? Mtu { get; init; }
    public string? NewName { get; init; }
    public byte[]? MacAddress { get; init; }
    public int? NamespaceFd { get; init; }

    /// <summary>Bridge index to enslave to; 0 releases the link from its master.</summary>
    public int? MasterIndex { get; init; }

    /// <summary>Link group (IFLA_GROUP): links of one group can be deleted together in one request.</summary>
    public uint? Group { get; init; }

    /// <summary>
    /// How the link makes its IPv6 addresses (IN6_ADDR_GEN_MODE_*). NONE: no link-local address, so a
    /// bridge port or an IPv4-only interface sends no DAD, router solicitation or MLD of its own, which
    /// the bridge would otherwise flood to every port.
    /// </summary>
    public byte? IPv6AddressGenerationMode { get; init; }

    public void Encode(NetlinkMessageWriter writer, uint sequence)
    {
        using (writer.BeginMessage(RtnetlinkConstants.RTM_NEWLINK, NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK, sequence))
        {
            uint flags = Up == true ? InterfaceFlags.IFF_UP : 0;
            uint change = Up.HasValue ? InterfaceFlags.IFF_UP : 0;
            new IfInfoMessage(RtnetlinkConstants.AF_UNSPEC, 0, Index, flags, change).Write(writer);
            if (MacAddress is { } mac)
                writer.PutAttribute(IfLinkConstants.IFLA_ADDRESS, mac);
            if (Mtu is { } mtu)
                writer.PutU32(IfLinkConstants.IFLA_MTU, (uint)mtu);
            if (NamespaceFd is { } fd)
                writer.PutU32(IfLinkConstants.IFLA_NET_NS_FD, (uint)fd);
            if (MasterIndex is { } master)
                writer.PutU32(IfLinkConstants.IFLA_MASTER, (uint)master);
            if (Group is { } group)
                writer.PutU32(IfLinkConstants.IFLA_GROUP, group);
            if (IPv6AddressGenerationMode is { } mode)
            {
                using (writer.Nest(IfLinkConstants.IFLA_AF_SPEC))
                using (writer.Nest(RtnetlinkConstants.AF_INET6))
                    writer.PutU8(IfLinkConstants.IFLA_INET6_ADDR_GEN_MODE, mode);
            }
            if (NewName is { } name)
                writer.PutString(IfLinkConstants.IFLA_IFNAME, name);
        }
    }
}
