namespace ContainerNet.Netlink.Constants;

/// <summary>NAT range flags from /usr/include/linux/netfilter/nf_nat.h (NFTA_NAT_FLAGS, NFTA_MASQ_FLAGS, NFTA_REDIR_FLAGS).</summary>
public static class NfNatConstants
{
    public const uint NF_NAT_RANGE_MAP_IPS = 1 << 0;
    public const uint NF_NAT_RANGE_PROTO_SPECIFIED = 1 << 1;
    public const uint NF_NAT_RANGE_PROTO_RANDOM = 1 << 2;
    public const uint NF_NAT_RANGE_PERSISTENT = 1 << 3;
    public const uint NF_NAT_RANGE_PROTO_RANDOM_FULLY = 1 << 4;
    public const uint NF_NAT_RANGE_PROTO_OFFSET = 1 << 5;
    public const uint NF_NAT_RANGE_NETMAP = 1 << 6;
}
