using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter.Batches;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Sets;

/// <summary>
/// NFT_MSG_DELSET, as nft sends `delete set inet containernet hosts`: nlmsghdr (NLM_F_REQUEST), nfgenmsg,
/// NFTA_SET_TABLE, NFTA_SET_NAME. The kernel refuses (EBUSY) a set that a rule still looks up.
/// </summary>
public sealed class DeleteSetRequest : INftBatchMessage
{
    public required NftFamily Family { get; init; }
    public required string Table { get; init; }
    public required string Name { get; init; }

    public string Describe() => $"set '{Name}' of table {Family.ToNftName()} {Table}";

    public void Encode(NetlinkMessageWriter writer, uint sequence, ushort extraFlags)
    {
        using (NftMessage.Begin(writer, NfTablesConstants.NFT_MSG_DELSET, (ushort)(NetlinkConstants.NLM_F_REQUEST | extraFlags), sequence, Family))
        {
            writer.PutString(NfTablesConstants.NFTA_SET_TABLE, Table);
            writer.PutString(NfTablesConstants.NFTA_SET_NAME, Name);
        }
    }
}
