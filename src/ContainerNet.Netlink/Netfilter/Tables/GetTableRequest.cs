using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Tables;

/// <summary>
/// NFT_MSG_GETTABLE NLM_F_DUMP, as `nft list ruleset` sends it: nlmsghdr (NLM_F_REQUEST|NLM_F_DUMP),
/// nfgenmsg with the family to list (NFPROTO_UNSPEC: every family), no attributes. Replies: one
/// NFT_MSG_NEWTABLE per table (<see cref="NftTable.FromMessage"/>), then NLMSG_DONE.
/// </summary>
public sealed class GetTableRequest : INetlinkRequest
{
    private GetTableRequest() { }

    public NftFamily Family { get; private init; }

    public static GetTableRequest Dump(NftFamily family = NftFamily.Unspec) => new() { Family = family };

    public void Encode(NetlinkMessageWriter writer, uint sequence)
    {
        using (NftMessage.Begin(writer, NfTablesConstants.NFT_MSG_GETTABLE, NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_DUMP, sequence, Family))
        {
        }
    }
}
