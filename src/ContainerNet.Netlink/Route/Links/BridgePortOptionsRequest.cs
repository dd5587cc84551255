using System.Text;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Route.Links;

/// <summary>
/// Bridge port flags of an enslaved link, as `ip link set D type bridge_slave isolated on hairpin on
/// learning off` sends them: RTM_NEWLINK (no CREATE), ifinfomsg with the index, IFLA_LINKINFO {
/// IFLA_INFO_KIND "bridge_slave" (no NUL), IFLA_INFO_SLAVE_DATA { IFLA_BRPORT_ISOLATED u8,
/// IFLA_BRPORT_MODE (hairpin) u8, IFLA_BRPORT_LEARNING u8 } }. The kernel applies slave data through
/// the link's current master, so the link must already be a port (send IFLA_MASTER first).
/// </summary>
public sealed class BridgePortOptionsRequest : INetlinkRequest
{
    public required int Index { get; init; }
    public bool? Isolated { get; init; }
    public bool? Hairpin { get; init; }
    public bool? Learning { get; init; }

    public bool IsEmpty => Isolated is null && Hairpin is null && Learning is null;

    public void Encode(NetlinkMessageWriter writer, uint sequence)
    {
        using (writer.BeginMessage(RtnetlinkConstants.RTM_NEWLINK, NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK, sequence))
        {
            new IfInfoMessage(RtnetlinkConstants.AF_UNSPEC, 0, Index, 0, 0).Write(writer);
            using (writer.Nest(IfLinkConstants.IFLA_LINKINFO))
            {
                writer.PutAttribute(IfLinkConstants.IFLA_INFO_KIND, Encoding.ASCII.GetBytes(BridgeConstants.BridgeSlaveKind));
                using (writer.Nest(IfLinkConstants.IFLA_INFO_SLAVE_DATA))
                {
                    if (Isolated is { } isolated)
                        writer.PutU8(BridgeConstants.IFLA_BRPORT_ISOLATED, isolated ? (byte)1 : (byte)0);
                    if (Hairpin is { } hairpin)
                        writer.PutU8(BridgeConstants.IFLA_BRPORT_MODE, hairpin ? (byte)1 : (byte)0);
                    if (Learning is { } learning)
                        writer.PutU8(BridgeConstants.IFLA_BRPORT_LEARNING, learning ? (byte)1 : (byte)0);
                }
            }
        }
    }
}
