namespace ContainerNet.Netlink.Constants;

/// <summary>Device flags and operational states from /usr/include/linux/if.h.</summary>
public static class InterfaceFlags
{
    public const uint IFF_UP = 0x1;
    public const uint IFF_BROADCAST = 0x2;
    public const uint IFF_LOOPBACK = 0x8;
    public const uint IFF_RUNNING = 0x40;
    public const uint IFF_MULTICAST = 0x1000;
    public const uint IFF_LOWER_UP = 0x10000;

    public const byte IF_OPER_UNKNOWN = 0;
    public const byte IF_OPER_NOTPRESENT = 1;
    public const byte IF_OPER_DOWN = 2;
    public const byte IF_OPER_LOWERLAYERDOWN = 3;
    public const byte IF_OPER_TESTING = 4;
    public const byte IF_OPER_DORMANT = 5;
    public const byte IF_OPER_UP = 6;

    /// <summary>From linux/if_arp.h.</summary>
    public const ushort ARPHRD_ETHER = 1;
    public const ushort ARPHRD_LOOPBACK = 772;
}
