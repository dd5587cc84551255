using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Elements;

/// <summary>
/// NFT_MSG_GETSETELEM NLM_F_DUMP, as `nft list set` sends it: nlmsghdr (NLM_F_REQUEST|NLM_F_DUMP), nfgenmsg
/// with the table's family, NFTA_SET_ELEM_LIST_SET, NFTA_SET_ELEM_LIST_TABLE (nft's order). Replies:
/// NFT_MSG_NEWSETELEM messages (<see cref="NftSetElementList.FromMessage"/>), the last one empty.
/// </summary>
public sealed class GetSetElementsRequest : INetlinkRequest
{
    private GetSetElementsRequest() { }

    public NftFamily Family { get; private init; }
    public string Table { get; private init; } = "";
    public string Set { get; private init; } = "";

    public static GetSetElementsRequest Dump(NftFamily family, string table, string set) => new() { Family = family, Table = table, Set = set };

    public void Encode(NetlinkMessageWriter writer, uint sequence)
    {
        using (NftMessage.Begin(writer, NfTablesConstants.NFT_MSG_GETSETELEM, NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_DUMP, sequence, Family))
        {
            writer.PutString(NfTablesConstants.NFTA_SET_ELEM_LIST_SET, Set);
            writer.PutString(NfTablesConstants.NFTA_SET_ELEM_LIST_TABLE, Table);
        }
    }
}
