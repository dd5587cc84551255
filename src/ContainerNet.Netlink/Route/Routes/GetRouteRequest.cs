using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Route.Routes;

/// <summary>RTM_GETROUTE dump of one family (AF_UNSPEC: all): nlmsghdr (NLM_F_DUMP), rtmsg with only the family set.</summary>
public sealed class GetRouteRequest : INetlinkRequest
{
    public byte Family { get; init; } = RtnetlinkConstants.AF_UNSPEC;

    public void Encode(NetlinkMessageWriter writer, uint sequence)
    {
        using (writer.BeginMessage(RtnetlinkConstants.RTM_GETROUTE, NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_DUMP, sequence))
            new RtMessage(Family, 0, 0, 0, 0, 0, 0, 0, 0).Write(writer);
    }
}
