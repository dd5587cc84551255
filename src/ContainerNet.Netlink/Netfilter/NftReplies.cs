using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter.Chains;
using ContainerNet.Netlink.Netfilter.Elements;
using ContainerNet.Netlink.Netfilter.Generation;
using ContainerNet.Netlink.Netfilter.Rules;
using ContainerNet.Netlink.Netfilter.Sets;
using ContainerNet.Netlink.Netfilter.Tables;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter;

/// <summary>
/// Decodes any nf_tables message the kernel sends (dump replies, and the NEW*/DEL* events a monitor
/// sees, which share their layouts) by its type; null for types without a decoder here.
/// </summary>
public static class NftReplies
{
    public delegate object Decoder(ReadOnlySpan<byte> payload);

    private static readonly Dictionary<byte, Decoder> Decoders = new()
    {
        [NfTablesConstants.NFT_MSG_NEWTABLE] = p => NftTable.Decode(p),
        [NfTablesConstants.NFT_MSG_DELTABLE] = p => NftTable.Decode(p),
        [NfTablesConstants.NFT_MSG_NEWCHAIN] = p => NftChain.Decode(p),
        [NfTablesConstants.NFT_MSG_DELCHAIN] = p => NftChain.Decode(p),
        [NfTablesConstants.NFT_MSG_NEWSET] = p => NftSet.Decode(p),
        [NfTablesConstants.NFT_MSG_DELSET] = p => NftSet.Decode(p),
        [NfTablesConstants.NFT_MSG_NEWSETELEM] = p => NftSetElementList.Decode(p),
        [NfTablesConstants.NFT_MSG_DELSETELEM] = p => NftSetElementList.Decode(p),
        [NfTablesConstants.NFT_MSG_NEWRULE] = p => NftRule.Decode(p),
        [NfTablesConstants.NFT_MSG_DELRULE] = p => NftRule.Decode(p),
        [NfTablesConstants.NFT_MSG_NEWGEN] = p => NftGeneration.Decode(p),
    };

    /// <summary>The decoders by NFT_MSG_* type, for callers (and tests) that want to run each one.</summary>
    public static IReadOnlyDictionary<byte, Decoder> All => Decoders;

    public static object? Decode(in NetlinkMessageHeader header, ReadOnlySpan<byte> payload) =>
        NftMessage.IsNfTables(header.Type) && Decoders.TryGetValue(NftMessage.Operation(header.Type), out var decode) ? decode(payload) : null;
}
