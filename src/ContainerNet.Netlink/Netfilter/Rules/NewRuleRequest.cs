using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter.Batches;
using ContainerNet.Netlink.Netfilter.Expressions;
using ContainerNet.Netlink.Netfilter.UserData;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Rules;

/// <summary>
/// NFT_MSG_NEWRULE, as nft 1.0.6 sends `add rule inet containernet CHAIN ... comment "..."`: nlmsghdr
/// (NLM_F_REQUEST|NLM_F_CREATE|NLM_F_APPEND; `insert rule` leaves out NLM_F_APPEND), nfgenmsg,
/// NFTA_RULE_TABLE, NFTA_RULE_CHAIN, NFTA_RULE_EXPRESSIONS (nested) { NFTA_LIST_ELEM (nested)
/// { NFTA_EXPR_NAME, [NFTA_EXPR_DATA (nested)] } ... }, [NFTA_RULE_POSITION be64],
/// [NFTA_RULE_USERDATA { NFTNL_UDATA_RULE_COMMENT, the comment and its NUL }], [NFTA_RULE_ID be32].
/// </summary>
public sealed class NewRuleRequest : INftBatchMessage
{
    public required NftRule Rule { get; init; }

    /// <summary>Insert at the top of the chain (or before Rule.Position) instead of appending.</summary>
    public bool Insert { get; init; }

    public string Describe() => Rule.ToString();

    public string? DescribeOffset(ReadOnlySpan<byte> message, int offset)
    {
        int index = NftMessageOffsets.ChildIndexAt(message, NfTablesConstants.NFTA_RULE_EXPRESSIONS, offset);
        if (index < 0 || index >= Rule.Expressions.Count)
            return null;
        var expression = Rule.Expressions[index];
        string what = expression is LookupExpression lookup ? $"'lookup' of set '{lookup.Set}'" : $"'{expression.Name}'";
        return $"expression {index + 1} of {Rule.Expressions.Count} ({what}) of {Rule}";
    }

    public void Encode(NetlinkMessageWriter writer, uint sequence, ushort extraFlags)
    {
        ushort flags = (ushort)(NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_CREATE | extraFlags
            | (Insert ? 0 : NetlinkConstants.NLM_F_APPEND));
        var rule = Rule;
        using (NftMessage.Begin(writer, NfTablesConstants.NFT_MSG_NEWRULE, flags, sequence, rule.Family))
        {
            writer.PutString(NfTablesConstants.NFTA_RULE_TABLE, rule.Table);
            writer.PutString(NfTablesConstants.NFTA_RULE_CHAIN, rule.Chain);
            NftExpressions.Write(writer, NfTablesConstants.NFTA_RULE_EXPRESSIONS, rule.Expressions);
            if (rule.Position is { } position)
                writer.PutBE64(NfTablesConstants.NFTA_RULE_POSITION, position);
            if (rule.Comment is { } comment)
                writer.PutAttribute(NfTablesConstants.NFTA_RULE_USERDATA, NftUserData.String(NftUserDataTypes.NFTNL_UDATA_RULE_COMMENT, comment));
            if (rule.Id is { } id)
                writer.PutBE32(NfTablesConstants.NFTA_RULE_ID, id);
        }
    }
}
