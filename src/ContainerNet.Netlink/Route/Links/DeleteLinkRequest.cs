using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Route.Links;

/// <summary>
/// RTM_DELLINK. By index (as `ip link del` sends it: ifinfomsg only), by name (IFLA_IFNAME, saves the
/// lookup round trip), or a whole link group (index 0 + IFLA_GROUP): the kernel then unregisters all
/// of the group's devices together, one RCU grace period instead of one per device.
/// </summary>
public sealed class DeleteLinkRequest : INetlinkRequest
{
    private DeleteLinkRequest() { }

    public int Index { get; private init; }
    public string? Name { get; private init; }
    public uint? Group { get; private init; }

    public static DeleteLinkRequest ByIndex(int index) => new() { Index = index };
    public static DeleteLinkRequest ByName(string name) => new() { Name = name };
    public static DeleteLinkRequest ByGroup(uint group) => new() { Group = group };

    public void Encode(NetlinkMessageWriter writer, uint sequence)
    {
        using (writer.BeginMessage(RtnetlinkConstants.RTM_DELLINK, NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK, sequence))
        {
            new IfInfoMessage(RtnetlinkConstants.AF_UNSPEC, 0, Index, 0, 0).Write(writer);
            if (Name is not null)
                writer.PutString(IfLinkConstants.IFLA_IFNAME, Name);
            if (Group is { } group)
                writer.PutU32(IfLinkConstants.IFLA_GROUP, group);
        }
    }
}
