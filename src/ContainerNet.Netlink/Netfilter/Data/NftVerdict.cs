using ContainerNet.Netlink.Constants;

namespace ContainerNet.Netlink.Netfilter.Data;

/// <summary>
/// A verdict: a netfilter verdict (NF_ACCEPT, NF_DROP) or an nf_tables one (NFT_JUMP, NFT_GOTO with the
/// target chain, NFT_RETURN, NFT_CONTINUE). On the wire: NFTA_DATA_VERDICT { NFTA_VERDICT_CODE be32,
/// [NFTA_VERDICT_CHAIN string] }.
/// </summary>
public readonly record struct NftVerdict(int Code, string? Chain = null)
{
    public static NftVerdict Accept => new(NfConstants.NF_ACCEPT);
    public static NftVerdict Drop => new(NfConstants.NF_DROP);
    public static NftVerdict Return => new(NfTablesConstants.NFT_RETURN);
    public static NftVerdict Continue => new(NfTablesConstants.NFT_CONTINUE);
    public static NftVerdict Jump(string chain) => new(NfTablesConstants.NFT_JUMP, chain);
    public static NftVerdict Goto(string chain) => new(NfTablesConstants.NFT_GOTO, chain);

    /// <summary>As nft prints it: accept, drop, jump net-default, ...</summary>
    public override string ToString() => Code switch
    {
        NfConstants.NF_ACCEPT => "accept",
        NfConstants.NF_DROP => "drop",
        NfConstants.NF_QUEUE => "queue",
        NfTablesConstants.NFT_CONTINUE => "continue",
        NfTablesConstants.NFT_BREAK => "break",
        NfTablesConstants.NFT_RETURN => "return",
        NfTablesConstants.NFT_JUMP => $"jump {Chain}",
        NfTablesConstants.NFT_GOTO => $"goto {Chain}",
        _ => $"verdict {Code}",
    };
}
