namespace ContainerNet.Netlink.Constants;

/// <summary>Numbers from /usr/include/linux/netlink.h.</summary>
public static class NetlinkConstants
{
    public const int AF_NETLINK = 16;
    public const int NETLINK_ROUTE = 0;
    public const int NETLINK_NETFILTER = 12;

    public const int SOL_NETLINK = 270;
    public const int NETLINK_CAP_ACK = 10;
    public const int NETLINK_EXT_ACK = 11;
    public const int NETLINK_GET_STRICT_CHK = 12;

    public const ushort NLM_F_REQUEST = 0x01;
    public const ushort NLM_F_MULTI = 0x02;
    public const ushort NLM_F_ACK = 0x04;
    public const ushort NLM_F_ECHO = 0x08;
    public const ushort NLM_F_DUMP_INTR = 0x10;
    public const ushort NLM_F_DUMP_FILTERED = 0x20;

    // Modifiers to GET requests.
    public const ushort NLM_F_ROOT = 0x100;
    public const ushort NLM_F_MATCH = 0x200;
    public const ushort NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;

    // Modifiers to NEW requests.
    public const ushort NLM_F_REPLACE = 0x100;
    public const ushort NLM_F_EXCL = 0x200;
    public const ushort NLM_F_CREATE = 0x400;
    public const ushort NLM_F_APPEND = 0x800;

    // Flags on NLMSG_ERROR acknowledgements.
    public const ushort NLM_F_CAPPED = 0x100;
    public const ushort NLM_F_ACK_TLVS = 0x200;

    public const ushort NLMSG_NOOP = 1;
    public const ushort NLMSG_ERROR = 2;
    public const ushort NLMSG_DONE = 3;
    public const ushort NLMSG_OVERRUN = 4;

    public const ushort NLMSGERR_ATTR_MSG = 1;
    public const ushort NLMSGERR_ATTR_OFFS = 2;

    public const int NLMSG_ALIGNTO = 4;
    public const int NLMSG_HDRLEN = 16;
    public const int NLA_HDRLEN = 4;
    public const ushort NLA_F_NESTED = 0x8000;
    public const ushort NLA_F_NET_BYTEORDER = 0x4000;
    public const ushort NLA_TYPE_MASK = 0x3fff;

    public static int Align(int length) => (length + NLMSG_ALIGNTO - 1) & ~(NLMSG_ALIGNTO - 1);
}
