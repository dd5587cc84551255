using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter.Batches;
using ContainerNet.Netlink.Netfilter.UserData;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Tables;

/// <summary>
/// NFT_MSG_NEWTABLE, as nft 1.0.6 sends `add table inet containernet { comment "..."; }`:
/// nlmsghdr (flags NLM_F_REQUEST only: the kernel creates a missing table without NLM_F_CREATE and leaves
/// an existing one as it is), nfgenmsg (family, NFNETLINK_V0, res_id 0), NFTA_TABLE_NAME string,
/// NFTA_TABLE_FLAGS be32 (always, 0 included), [NFTA_TABLE_USERDATA { NFTNL_UDATA_TABLE_COMMENT }].
/// Exclusive adds NLM_F_EXCL (nft's `create table`): EEXIST when the table exists.
/// </summary>
public sealed class NewTableRequest : INftBatchMessage
{
    public required NftTable Table { get; init; }
    public bool Exclusive { get; init; }

    public string Describe() => Table.ToString();

    public void Encode(NetlinkMessageWriter writer, uint sequence, ushort extraFlags)
    {
        ushort flags = (ushort)(NetlinkConstants.NLM_F_REQUEST | extraFlags | (Exclusive ? NetlinkConstants.NLM_F_EXCL : 0));
        using (NftMessage.Begin(writer, NfTablesConstants.NFT_MSG_NEWTABLE, flags, sequence, Table.Family))
        {
            writer.PutString(NfTablesConstants.NFTA_TABLE_NAME, Table.Name);
            writer.PutBE32(NfTablesConstants.NFTA_TABLE_FLAGS, Table.Flags);
            if (Table.Comment is { } comment)
                writer.PutAttribute(NfTablesConstants.NFTA_TABLE_USERDATA, NftUserData.String(NftUserDataTypes.NFTNL_UDATA_TABLE_COMMENT, comment));
        }
    }
}
