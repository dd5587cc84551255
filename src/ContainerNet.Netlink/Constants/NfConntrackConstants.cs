namespace ContainerNet.Netlink.Constants;

/// <summary>
/// Connection tracking states and directions from /usr/include/linux/netfilter/nf_conntrack_common.h
/// (enum ip_conntrack_info, NF_CT_STATE_*) and nf_conntrack_tuple_common.h (enum ip_conntrack_dir):
/// the bits `ct state` compares and the `ct original|reply` direction.
/// </summary>
public static class NfConntrackConstants
{
    public const int IP_CT_ESTABLISHED = 0;
    public const int IP_CT_RELATED = 1;
    public const int IP_CT_NEW = 2;
    public const int IP_CT_IS_REPLY = 3;

    public const uint NF_CT_STATE_INVALID_BIT = 1 << 0;
    public const uint NF_CT_STATE_UNTRACKED_BIT = 1 << 6;

    public const byte IP_CT_DIR_ORIGINAL = 0;
    public const byte IP_CT_DIR_REPLY = 1;

    /// <summary>NF_CT_STATE_BIT(ctinfo): the `ct state` bit of one ip_conntrack_info value.</summary>
    public static uint NF_CT_STATE_BIT(int ctinfo) => 1u << (ctinfo % IP_CT_IS_REPLY + 1);
}
