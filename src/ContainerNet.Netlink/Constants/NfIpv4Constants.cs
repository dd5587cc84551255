namespace ContainerNet.Netlink.Constants;

/// <summary>
/// Hook priorities from /usr/include/linux/netfilter_ipv4.h (enum nf_ip_hook_priorities): the numbers
/// behind nft's names for the ip, ip6 and inet families (raw, mangle, dstnat, filter, security, srcnat).
/// </summary>
public static class NfIpv4Constants
{
    public const int NF_IP_PRI_RAW = -300;
    public const int NF_IP_PRI_CONNTRACK = -200;
    public const int NF_IP_PRI_MANGLE = -150;
    public const int NF_IP_PRI_NAT_DST = -100;
    public const int NF_IP_PRI_FILTER = 0;
    public const int NF_IP_PRI_SECURITY = 50;
    public const int NF_IP_PRI_NAT_SRC = 100;
}
