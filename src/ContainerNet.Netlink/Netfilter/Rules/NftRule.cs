using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter.Expressions;
using ContainerNet.Netlink.Netfilter.UserData;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Rules;

/// <summary>
/// An nf_tables rule: its expressions in order, and the comment nft keeps in its userdata
/// (NFTNL_UDATA_RULE_COMMENT). Attributes: NFTA_RULE_TABLE, NFTA_RULE_CHAIN, NFTA_RULE_HANDLE be64,
/// NFTA_RULE_EXPRESSIONS { NFTA_LIST_ELEM ... }, NFTA_RULE_POSITION be64 (the handle of the rule it was
/// placed after; in replies, of the rule before it), NFTA_RULE_USERDATA, NFTA_RULE_ID be32.
/// </summary>
public sealed record NftRule
{
    public required NftFamily Family { get; init; }
    public required string Table { get; init; }
    public required string Chain { get; init; }
    public required IReadOnlyList<INftExpression> Expressions { get; init; }
    public string? Comment { get; init; }

    /// <summary>When adding: place the rule after (appending) or before (inserting) the rule with this handle.</summary>
    public ulong? Position { get; init; }

    /// <summary>Kernel-assigned; only in replies.</summary>
    public ulong? Handle { get; init; }

    /// <summary>NFTA_RULE_ID: names the rule to later messages of the same batch.</summary>
    public uint? Id { get; init; }

    /// <summary>The raw userdata of a reply.</summary>
    public byte[]? UserData { get; init; }

    public override string ToString() =>
        $"rule {(Comment is { } c ? $"\"{c}\"" : $"({string.Join(' ', Expressions.Select(e => e.Name))})")}"
        + $"{(Handle is { } h ? $" handle {h}" : "")} in chain '{Chain}' of table {Family.ToNftName()} {Table}";

    public static NftRule? FromMessage(in NetlinkMessageHeader header, ReadOnlySpan<byte> payload) =>
        header.Type == NftMessage.Type(NfTablesConstants.NFT_MSG_NEWRULE) ? Decode(payload) : null;

    public static NftRule Decode(ReadOnlySpan<byte> payload)
    {
        var family = NfGenMessage.Read(payload).Family;
        string? table = null, chain = null, comment = null;
        ulong? handle = null, position = null;
        uint? id = null;
        byte[]? userData = null;
        List<INftExpression>? expressions = null;
        var reader = NftMessage.Attributes(payload);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            switch (type)
            {
                case NfTablesConstants.NFTA_RULE_TABLE: table = NftWire.ReadString(value); break;
                case NfTablesConstants.NFTA_RULE_CHAIN: chain = NftWire.ReadString(value); break;
                case NfTablesConstants.NFTA_RULE_HANDLE: handle = NftWire.ReadBE64(value); break;
                case NfTablesConstants.NFTA_RULE_POSITION: position = NftWire.ReadBE64(value); break;
                case NfTablesConstants.NFTA_RULE_ID: id = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_RULE_EXPRESSIONS: expressions = NftExpressions.ReadList(value); break;
                case NfTablesConstants.NFTA_RULE_USERDATA:
                    userData = value.ToArray();
                    comment = NftUserData.FindString(value, NftUserDataTypes.NFTNL_UDATA_RULE_COMMENT);
                    break;
            }
        }
        return new NftRule
        {
            Family = family,
            Table = table ?? throw new NetlinkFormatException("A rule message has no NFTA_RULE_TABLE."),
            Chain = chain ?? throw new NetlinkFormatException("A rule message has no NFTA_RULE_CHAIN."),
            Expressions = expressions ?? [],
            Comment = comment, Handle = handle, Position = position, Id = id, UserData = userData,
        };
    }
}
