using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Generation;

/// <summary>
/// NFT_MSG_GETGEN: nlmsghdr (NLM_F_REQUEST|NLM_F_ACK), nfgenmsg (NFPROTO_UNSPEC), no attributes. The
/// kernel answers NFT_MSG_NEWGEN, then the ack. nft sends the same without NLM_F_ACK before each batch.
/// NftBatch also sends it right after a batch, as the barrier that says every reply to the batch is in.
/// </summary>
public sealed class GetGenerationRequest : INetlinkRequest
{
    public static readonly GetGenerationRequest Instance = new();

    public void Encode(NetlinkMessageWriter writer, uint sequence)
    {
        using (NftMessage.Begin(writer, NfTablesConstants.NFT_MSG_GETGEN, NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK, sequence, NftFamily.Unspec))
        {
        }
    }
}
