using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter.Batches;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Tables;

/// <summary>
/// NFT_MSG_DELTABLE, as nft sends `delete table inet containernet`: nlmsghdr (NLM_F_REQUEST), nfgenmsg,
/// NFTA_TABLE_NAME. Removes the table with everything in it (chains, sets, rules) in the same commit.
/// </summary>
public sealed class DeleteTableRequest : INftBatchMessage
{
    public required NftFamily Family { get; init; }
    public required string Name { get; init; }

    public string Describe() => $"table {Family.ToNftName()} {Name}";

    public void Encode(NetlinkMessageWriter writer, uint sequence, ushort extraFlags)
    {
        using (NftMessage.Begin(writer, NfTablesConstants.NFT_MSG_DELTABLE, (ushort)(NetlinkConstants.NLM_F_REQUEST | extraFlags), sequence, Family))
            writer.PutString(NfTablesConstants.NFTA_TABLE_NAME, Name);
    }
}
