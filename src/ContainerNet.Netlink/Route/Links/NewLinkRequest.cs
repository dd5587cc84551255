using System.Text;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Route.Links.Kinds;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Route.Links;

/// <summary>
/// RTM_NEWLINK with NLM_F_CREATE|NLM_F_EXCL: create a link of a given kind.
/// Layout: nlmsghdr, ifinfomsg (flags/change carry IFF_UP when Up), [IFLA_ADDRESS] [IFLA_MTU]
/// [IFLA_GROUP] [IFLA_MASTER] [IFLA_NUM_TX_QUEUES IFLA_NUM_RX_QUEUES] IFLA_IFNAME, IFLA_LINKINFO { IFLA_INFO_KIND (no NUL), [IFLA_INFO_DATA] }.
/// Same bytes as iproute2's `ip link add NAME address A mtu M group G master B numtxqueues Q numrxqueues Q up type KIND`
/// (it emits options in command-line order; this is that order).
/// </summary>
public sealed class NewLinkRequest : INetlinkRequest
{
    public required string Name { get; init; }
    public required ILinkKind Kind { get; init; }
    public int? Mtu { get; init; }
    public byte[]? MacAddress { get; init; }
    public uint? Group { get; init; }
    public int? MasterIndex { get; init; }

    /// <summary>Transmit and receive queues the device is created with (IFLA_NUM_TX/RX_QUEUES); null = the kind's default.</summary>
    public uint? QueueCount { get; init; }
    public bool Up { get; init; }

    /// <summary>
    /// NLM_F_ECHO (`ip -echo link add`): the kernel (5.19 and later) answers with the new link's
    /// RTM_NEWLINK before the ack, which saves reading it back.
    /// </summary>
    public bool Echo { get; init; }

    public void Encode(NetlinkMessageWriter writer, uint sequence)
    {
        ushort flags = NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK
            | NetlinkConstants.NLM_F_EXCL | NetlinkConstants.NLM_F_CREATE;
        if (Echo)
            flags |= NetlinkConstants.NLM_F_ECHO;
        using (writer.BeginMessage(RtnetlinkConstants.RTM_NEWLINK, flags, sequence))
        {
            uint up = Up ? InterfaceFlags.IFF_UP : 0;
            new IfInfoMessage(RtnetlinkConstants.AF_UNSPEC, 0, 0, up, up).Write(writer);
            if (MacAddress is { } mac)
                writer.PutAttribute(IfLinkConstants.IFLA_ADDRESS, mac);
            if (Mtu is { } mtu)
                writer.PutU32(IfLinkConstants.IFLA_MTU, (uint)mtu);
            if (Group is { } group)
                writer.PutU32(IfLinkConstants.IFLA_GROUP, group);
            if (MasterIndex is { } master)
                writer.PutU32(IfLinkConstants.IFLA_MASTER, (uint)master);
            if (QueueCount is { } queues)
                QueueAttributes.Write(writer, queues);
            writer.PutString(IfLinkConstants.IFLA_IFNAME, Name);
            using (writer.Nest(IfLinkConstants.IFLA_LINKINFO))
            {
                // Without a terminating NUL, as iproute2 sends it (addattr_l(..., strlen(type))).
                // IFLA_INFO_KIND is an NLA_STRING in the kernel's policy, which takes either form.
                Span<byte> kind = stackalloc byte[Encoding.UTF8.GetByteCount(Kind.Kind)];
                Encoding.UTF8.GetBytes(Kind.Kind, kind);
                writer.PutAttribute(IfLinkConstants.IFLA_INFO_KIND, kind);
                Kind.WriteInfoData(writer);
            }
        }
    }
}
