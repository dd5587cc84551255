using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Sets;

/// <summary>
/// NFT_MSG_GETSET NLM_F_DUMP: nlmsghdr (NLM_F_REQUEST|NLM_F_DUMP), nfgenmsg with the family, and
/// [NFTA_SET_TABLE] to list one table's sets (the kernel answers ENOENT when that table does not exist).
/// Without a table and with NFPROTO_UNSPEC it is what `nft list ruleset` sends. Replies: one
/// NFT_MSG_NEWSET per set (<see cref="NftSet.FromMessage"/>).
/// </summary>
public sealed class GetSetRequest : INetlinkRequest
{
    private GetSetRequest() { }

    public NftFamily Family { get; private init; }
    public string? Table { get; private init; }

    public static GetSetRequest Dump(NftFamily family = NftFamily.Unspec, string? table = null) => new() { Family = family, Table = table };

    public void Encode(NetlinkMessageWriter writer, uint sequence)
    {
        using (NftMessage.Begin(writer, NfTablesConstants.NFT_MSG_GETSET, NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_DUMP, sequence, Family))
        {
            if (Table is not null)
                writer.PutString(NfTablesConstants.NFTA_SET_TABLE, Table);
        }
    }
}
