using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter.Batches;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Rules;

/// <summary>
/// NFT_MSG_DELRULE, as nft sends `delete rule inet containernet forward handle 14`: nlmsghdr
/// (NLM_F_REQUEST), nfgenmsg, NFTA_RULE_TABLE, NFTA_RULE_CHAIN, NFTA_RULE_HANDLE be64.
/// </summary>
public sealed class DeleteRuleRequest : INftBatchMessage
{
    public required NftFamily Family { get; init; }
    public required string Table { get; init; }
    public required string Chain { get; init; }
    public required ulong Handle { get; init; }

    public string Describe() => $"rule handle {Handle} in chain '{Chain}' of table {Family.ToNftName()} {Table}";

    public void Encode(NetlinkMessageWriter writer, uint sequence, ushort extraFlags)
    {
        using (NftMessage.Begin(writer, NfTablesConstants.NFT_MSG_DELRULE, (ushort)(NetlinkConstants.NLM_F_REQUEST | extraFlags), sequence, Family))
        {
            writer.PutString(NfTablesConstants.NFTA_RULE_TABLE, Table);
            writer.PutString(NfTablesConstants.NFTA_RULE_CHAIN, Chain);
            writer.PutBE64(NfTablesConstants.NFTA_RULE_HANDLE, Handle);
        }
    }
}
