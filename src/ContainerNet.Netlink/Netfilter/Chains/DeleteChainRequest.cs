using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter.Batches;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Chains;

/// <summary>
/// NFT_MSG_DELCHAIN, as nft sends `delete chain inet containernet scratch`: nlmsghdr (NLM_F_REQUEST),
/// nfgenmsg, NFTA_CHAIN_TABLE, NFTA_CHAIN_NAME. The kernel refuses (EBUSY) a chain that still holds
/// rules or is a jump target.
/// </summary>
public sealed class DeleteChainRequest : INftBatchMessage
{
    public required NftFamily Family { get; init; }
    public required string Table { get; init; }
    public required string Name { get; init; }

    public string Describe() => $"chain '{Name}' of table {Family.ToNftName()} {Table}";

    public void Encode(NetlinkMessageWriter writer, uint sequence, ushort extraFlags)
    {
        using (NftMessage.Begin(writer, NfTablesConstants.NFT_MSG_DELCHAIN, (ushort)(NetlinkConstants.NLM_F_REQUEST | extraFlags), sequence, Family))
        {
            writer.PutString(NfTablesConstants.NFTA_CHAIN_TABLE, Table);
            writer.PutString(NfTablesConstants.NFTA_CHAIN_NAME, Name);
        }
    }
}
