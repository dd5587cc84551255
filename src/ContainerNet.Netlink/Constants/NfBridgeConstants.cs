namespace ContainerNet.Netlink.Constants;

/// <summary>
/// Hook priorities from /usr/include/linux/netfilter_bridge.h (enum nf_br_hook_priorities): nft's names
/// for the bridge family (filter is -200 there, not 0).
/// </summary>
public static class NfBridgeConstants
{
    public const int NF_BR_PRI_NAT_DST_BRIDGED = -300;
    public const int NF_BR_PRI_FILTER_BRIDGED = -200;
    public const int NF_BR_PRI_BRNF = 0;
    public const int NF_BR_PRI_NAT_DST_OTHER = 100;
    public const int NF_BR_PRI_FILTER_OTHER = 200;
    public const int NF_BR_PRI_NAT_SRC = 300;
}
