using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Route.Links;

/// <summary>
/// RTM_GETLINK, as `ip link show` sends it: one link by name or index (NLM_F_REQUEST, one reply), or
/// every link (NLM_F_DUMP). Layout: nlmsghdr, ifinfomsg, IFLA_EXT_MASK (RTEXT_FILTER_VF |
/// RTEXT_FILTER_SKIP_STATS: no statistics, keeps replies small), [IFLA_IFNAME].
/// </summary>
public sealed class GetLinkRequest : INetlinkRequest
{
    private GetLinkRequest() { }

    public bool IsDump { get; private init; }
    public string? Name { get; private init; }
    public int Index { get; private init; }

    public static GetLinkRequest Dump() => new() { IsDump = true };
    public static GetLinkRequest ByName(string name) => new() { Name = name };
    public static GetLinkRequest ByIndex(int index) => new() { Index = index };

    public void Encode(NetlinkMessageWriter writer, uint sequence)
    {
        ushort flags = IsDump ? (ushort)(NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_DUMP) : NetlinkConstants.NLM_F_REQUEST;
        using (writer.BeginMessage(RtnetlinkConstants.RTM_GETLINK, flags, sequence))
        {
            new IfInfoMessage(RtnetlinkConstants.AF_UNSPEC, 0, Index, 0, 0).Write(writer);
            writer.PutU32(IfLinkConstants.IFLA_EXT_MASK, RtnetlinkConstants.RTEXT_FILTER_VF | RtnetlinkConstants.RTEXT_FILTER_SKIP_STATS);
            if (Name is not null)
                writer.PutString(IfLinkConstants.IFLA_IFNAME, Name);
        }
    }
}
