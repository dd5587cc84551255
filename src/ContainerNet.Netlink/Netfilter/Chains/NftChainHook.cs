namespace ContainerNet.Netlink.Netfilter.Chains;

/// <summary>
/// What makes a chain a base chain: NFTA_CHAIN_HOOK { NFTA_HOOK_HOOKNUM be32 (NF_INET_*), NFTA_HOOK_PRIORITY
/// be32 (signed; NF_IP_PRI_NAT_DST is nft's "dstnat"), [NFTA_HOOK_DEV string, netdev family] }.
/// </summary>
public readonly record struct NftChainHook(uint HookNumber, int Priority, string? Device = null);
