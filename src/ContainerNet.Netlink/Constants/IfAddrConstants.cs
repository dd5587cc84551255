namespace ContainerNet.Netlink.Constants;

/// <summary>Address attributes and flags from /usr/include/linux/if_addr.h.</summary>
public static class IfAddrConstants
{
    public const ushort IFA_ADDRESS = 1;
    public const ushort IFA_LOCAL = 2;
    public const ushort IFA_LABEL = 3;
    public const ushort IFA_BROADCAST = 4;
    public const ushort IFA_CACHEINFO = 6;
    public const ushort IFA_FLAGS = 8;

    public const byte IFA_F_NODAD = 0x02;
    public const byte IFA_F_TENTATIVE = 0x40;
    public const byte IFA_F_PERMANENT = 0x80;
    public const uint IFA_F_NOPREFIXROUTE = 0x200;
}
