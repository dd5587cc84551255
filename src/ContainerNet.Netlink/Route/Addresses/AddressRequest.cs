using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Route.Addresses;

/// <summary>
/// RTM_NEWADDR (NLM_F_CREATE|NLM_F_EXCL) or RTM_DELADDR, as `ip addr add|del A/P dev D [nodad]` sends
/// it: nlmsghdr, ifaddrmsg (family, prefix length, IFA_F_NODAD for IPv6 when asked, scope universe,
/// index), IFA_LOCAL = A, IFA_ADDRESS = A (4 or 16 bytes each, network order).
/// </summary>
public sealed class AddressRequest : INetlinkRequest
{
    public required bool Delete { get; init; }
    public required int InterfaceIndex { get; init; }
    public required byte[] Address { get; init; }
    public required byte PrefixLength { get; init; }
    public bool NoDuplicateAddressDetection { get; init; }

    public void Encode(NetlinkMessageWriter writer, uint sequence)
    {
        ushort type = Delete ? RtnetlinkConstants.RTM_DELADDR : RtnetlinkConstants.RTM_NEWADDR;
        ushort flags = Delete
            ? (ushort)(NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK)
            : (ushort)(NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK | NetlinkConstants.NLM_F_EXCL | NetlinkConstants.NLM_F_CREATE);
        byte family = Address.Length == 16 ? RtnetlinkConstants.AF_INET6 : RtnetlinkConstants.AF_INET;
        using (writer.BeginMessage(type, flags, sequence))
        {
            byte addressFlags = NoDuplicateAddressDetection ? IfAddrConstants.IFA_F_NODAD : (byte)0;
            new IfAddrMessage(family, PrefixLength, addressFlags, RouteConstants.RT_SCOPE_UNIVERSE, InterfaceIndex).Write(writer);
            writer.PutAttribute(IfAddrConstants.IFA_LOCAL, Address);
            writer.PutAttribute(IfAddrConstants.IFA_ADDRESS, Address);
        }
    }
}
