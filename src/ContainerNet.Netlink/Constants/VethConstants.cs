namespace ContainerNet.Netlink.Constants;

/// <summary>From /usr/include/linux/veth.h.</summary>
public static class VethConstants
{
    /// <summary>Nested in IFLA_INFO_DATA: an ifinfomsg followed by the peer's IFLA_* attributes.</summary>
    public const ushort VETH_INFO_PEER = 1;
}
