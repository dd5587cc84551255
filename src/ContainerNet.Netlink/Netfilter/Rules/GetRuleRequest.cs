using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Rules;

/// <summary>
/// NFT_MSG_GETRULE NLM_F_DUMP: nlmsghdr (NLM_F_REQUEST|NLM_F_DUMP), nfgenmsg with the family,
/// [NFTA_RULE_TABLE], [NFTA_RULE_CHAIN] (the kernel filters the dump by both). `nft list ruleset` sends
/// the family alone. Replies: one NFT_MSG_NEWRULE per rule (<see cref="NftRule.FromMessage"/>).
/// </summary>
public sealed class GetRuleRequest : INetlinkRequest
{
    private GetRuleRequest() { }

    public NftFamily Family { get; private init; }
    public string? Table { get; private init; }
    public string? Chain { get; private init; }

    public static GetRuleRequest Dump(NftFamily family = NftFamily.Unspec, string? table = null, string? chain = null) =>
        new() { Family = family, Table = table, Chain = chain };

    public void Encode(NetlinkMessageWriter writer, uint sequence)
    {
        using (NftMessage.Begin(writer, NfTablesConstants.NFT_MSG_GETRULE, NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_DUMP, sequence, Family))
        {
            if (Table is not null)
                writer.PutString(NfTablesConstants.NFTA_RULE_TABLE, Table);
            if (Chain is not null)
                writer.PutString(NfTablesConstants.NFTA_RULE_CHAIN, Chain);
        }
    }
}
