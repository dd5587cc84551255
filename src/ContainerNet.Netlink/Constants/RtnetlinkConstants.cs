namespace ContainerNet.Netlink.Constants;

/// <summary>Message types from /usr/include/linux/rtnetlink.h.</summary>
public static class RtnetlinkConstants
{
    public const ushort RTM_NEWLINK = 16;
    public const ushort RTM_DELLINK = 17;
    public const ushort RTM_GETLINK = 18;
    public const ushort RTM_SETLINK = 19;
    public const ushort RTM_NEWADDR = 20;
    public const ushort RTM_DELADDR = 21;
    public const ushort RTM_GETADDR = 22;
    public const ushort RTM_NEWROUTE = 24;
    public const ushort RTM_DELROUTE = 25;
    public const ushort RTM_GETROUTE = 26;

    /// <summary>IFLA_EXT_MASK bits: RTEXT_FILTER_VF, RTEXT_FILTER_SKIP_STATS.</summary>
    public const uint RTEXT_FILTER_VF = 1;
    public const uint RTEXT_FILTER_SKIP_STATS = 8;

    public const byte AF_UNSPEC = 0;
    public const byte AF_INET = 2;
    public const byte AF_INET6 = 10;
}
