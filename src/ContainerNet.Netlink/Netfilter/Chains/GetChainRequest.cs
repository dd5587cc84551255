using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Chains;

/// <summary>
/// NFT_MSG_GETCHAIN NLM_F_DUMP, as `nft list ruleset` sends it: nlmsghdr (NLM_F_REQUEST|NLM_F_DUMP),
/// nfgenmsg with the family, no attributes (the kernel's chain dump filters by family only; callers
/// pick their table). Replies: one NFT_MSG_NEWCHAIN per chain (<see cref="NftChain.FromMessage"/>).
/// </summary>
public sealed class GetChainRequest : INetlinkRequest
{
    private GetChainRequest() { }

    public NftFamily Family { get; private init; }

    public static GetChainRequest Dump(NftFamily family = NftFamily.Unspec) => new() { Family = family };

    public void Encode(NetlinkMessageWriter writer, uint sequence)
    {
        using (NftMessage.Begin(writer, NfTablesConstants.NFT_MSG_GETCHAIN, NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_DUMP, sequence, Family))
        {
        }
    }
}
