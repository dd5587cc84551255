using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Route.Addresses;

/// <summary>RTM_GETADDR dump of one family (AF_UNSPEC: all): nlmsghdr (NLM_F_DUMP), ifaddrmsg with only the family set.</summary>
public sealed class GetAddressRequest : INetlinkRequest
{
    public byte Family { get; init; } = RtnetlinkConstants.AF_UNSPEC;

    public void Encode(NetlinkMessageWriter writer, uint sequence)
    {
        using (writer.BeginMessage(RtnetlinkConstants.RTM_GETADDR, NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_DUMP, sequence))
            new IfAddrMessage(Family, 0, 0, 0, 0).Write(writer);
    }
}
