using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;
using ContainerNet.Netlink.Route.Links;

namespace ContainerNet.Netlink.Route.Links.Kinds;

/// <summary>
/// A veth pair. The peer is described inside IFLA_INFO_DATA / VETH_INFO_PEER as an ifinfomsg plus its
/// own IFLA_* attributes; with IFLA_NET_NS_FD the kernel creates it directly in that namespace under
/// its final name, in the same request (no move, no rename).
/// Attribute order follows iproute2 (options, then IFLA_IFNAME) so requests match its bytes.
/// </summary>
public sealed class VethKind : ILinkKind
{
    public required string PeerName { get; init; }

    /// <summary>An open fd of the peer's network namespace (/run/netns/NAME), or null for the same namespace.</summary>
    public int? PeerNamespaceFd { get; init; }

    public int? PeerMtu { get; init; }

    public byte[]? PeerMacAddress { get; init; }

    /// <summary>Transmit and receive queues of the peer; null = the kernel's default (one per CPU).</summary>
    public uint? PeerQueueCount { get; init; }

    public string Kind => "veth";

    public void WriteInfoData(NetlinkMessageWriter writer)
    {
        using (writer.Nest(IfLinkConstants.IFLA_INFO_DATA))
        using (writer.Nest(VethConstants.VETH_INFO_PEER))
        {
            // No IFF_UP here: the kernel opens the peer before the pair is linked and answers ENOTCONN.
            new IfInfoMessage(RtnetlinkConstants.AF_UNSPEC, 0, 0, 0, 0).Write(writer);
            if (PeerMacAddress is { } mac)
                writer.PutAttribute(IfLinkConstants.IFLA_ADDRESS, mac);
            if (PeerMtu is { } mtu)
                writer.PutU32(IfLinkConstants.IFLA_MTU, (uint)mtu);
            if (PeerQueueCount is { } queues)
                QueueAttributes.Write(writer, queues);
            if (PeerNamespaceFd is { } fd)
                writer.PutU32(IfLinkConstants.IFLA_NET_NS_FD, (uint)fd);
            writer.PutString(IfLinkConstants.IFLA_IFNAME, PeerName);
        }
    }
}
