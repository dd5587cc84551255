namespace ContainerNet.Netlink.Constants;

/// <summary>Link attributes from /usr/include/linux/if_link.h.</summary>
public static class IfLinkConstants
{
    public const ushort IFLA_ADDRESS = 1;
    public const ushort IFLA_BROADCAST = 2;
    public const ushort IFLA_IFNAME = 3;
    public const ushort IFLA_MTU = 4;
    public const ushort IFLA_LINK = 5;
    public const ushort IFLA_MASTER = 10;
    public const ushort IFLA_TXQLEN = 13;
    public const ushort IFLA_OPERSTATE = 16;
    public const ushort IFLA_LINKMODE = 17;
    public const ushort IFLA_LINKINFO = 18;
    public const ushort IFLA_NET_NS_PID = 19;
    public const ushort IFLA_IFALIAS = 20;
    public const ushort IFLA_AF_SPEC = 26;
    public const ushort IFLA_GROUP = 27;
    public const ushort IFLA_NET_NS_FD = 28;
    public const ushort IFLA_EXT_MASK = 29;
    public const ushort IFLA_NUM_TX_QUEUES = 31;
    public const ushort IFLA_NUM_RX_QUEUES = 32;
    public const ushort IFLA_CARRIER = 33;
    public const ushort IFLA_LINK_NETNSID = 37;
    public const ushort IFLA_MIN_MTU = 50;
    public const ushort IFLA_MAX_MTU = 51;
    public const ushort IFLA_ALT_IFNAME = 53;
    public const ushort IFLA_PERM_ADDRESS = 54;

    // Nested in IFLA_AF_SPEC / AF_INET6 (enum in if_link.h).
    public const ushort IFLA_INET6_ADDR_GEN_MODE = 8;
    public const byte IN6_ADDR_GEN_MODE_EUI64 = 0;
    public const byte IN6_ADDR_GEN_MODE_NONE = 1;

    // Nested in IFLA_LINKINFO.
    public const ushort IFLA_INFO_KIND = 1;
    public const ushort IFLA_INFO_DATA = 2;
    public const ushort IFLA_INFO_SLAVE_KIND = 4;
    public const ushort IFLA_INFO_SLAVE_DATA = 5;

    /// <summary>IFNAMSIZ from linux/if.h: names are at most 15 bytes plus the terminating NUL.</summary>
    public const int IFNAMSIZ = 16;
}
