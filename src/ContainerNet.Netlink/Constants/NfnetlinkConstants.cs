namespace ContainerNet.Netlink.Constants;

/// <summary>Numbers from /usr/include/linux/netfilter/nfnetlink.h.</summary>
public static class NfnetlinkConstants
{
    /// <summary>nfgenmsg.version of every message.</summary>
    public const byte NFNETLINK_V0 = 0;

    /// <summary>The nf_tables subsystem: the high byte of nlmsg_type, and the res_id of a batch.</summary>
    public const byte NFNL_SUBSYS_NFTABLES = 10;

    /// <summary>NLMSG_MIN_TYPE: opens a batch; nfgenmsg.res_id names the subsystem (network byte order).</summary>
    public const ushort NFNL_MSG_BATCH_BEGIN = 16;

    /// <summary>NLMSG_MIN_TYPE + 1: closes a batch; the kernel commits what lies between.</summary>
    public const ushort NFNL_MSG_BATCH_END = 17;

    /// <summary>In BATCH_BEGIN: commit only if the ruleset is still at this generation (be32).</summary>
    public const ushort NFNL_BATCH_GENID = 1;
}
