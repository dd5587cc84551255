using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Expressions;

/// <summary>
/// "lookup": looks the source register (a concatenation spans several NFT_REG32_* registers) up in a set;
/// the rule stops on a miss (on a hit with NFT_LOOKUP_F_INV). For a map, the value goes to
/// DestinationRegister: NFT_REG_VERDICT makes a verdict map (`iifname vmap @bridges`).
/// SetId names a set created earlier in the same batch. Layout: NFTA_LOOKUP_SREG be32,
/// [NFTA_LOOKUP_DREG be32], NFTA_LOOKUP_SET string, [NFTA_LOOKUP_SET_ID be32], [NFTA_LOOKUP_FLAGS be32:
/// nft sends it only when inverted; the kernel's replies always carry it].
/// </summary>
public sealed record LookupExpression(string Set, uint SourceRegister, uint? DestinationRegister = null, uint? SetId = null, uint? Flags = null)
    : INftExpression
{
    public string Name => "lookup";

    public bool Invert => ((Flags ?? 0) & NfTablesConstants.NFT_LOOKUP_F_INV) != 0;

    public void WriteData(NetlinkMessageWriter writer)
    {
        writer.PutBE32(NfTablesConstants.NFTA_LOOKUP_SREG, SourceRegister);
        if (DestinationRegister is { } dreg)
            writer.PutBE32(NfTablesConstants.NFTA_LOOKUP_DREG, dreg);
        writer.PutString(NfTablesConstants.NFTA_LOOKUP_SET, Set);
        if (SetId is { } id)
            writer.PutBE32(NfTablesConstants.NFTA_LOOKUP_SET_ID, id);
        if (Flags is { } flags)
            writer.PutBE32(NfTablesConstants.NFTA_LOOKUP_FLAGS, flags);
    }

    public static LookupExpression Decode(ReadOnlySpan<byte> data)
    {
        string? set = null;
        uint? sreg = null, dreg = null, id = null, flags = null;
        var reader = new NetlinkAttributeReader(data);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            switch (type)
            {
                case NfTablesConstants.NFTA_LOOKUP_SET: set = NftWire.ReadString(value); break;
                case NfTablesConstants.NFTA_LOOKUP_SREG: sreg = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_LOOKUP_DREG: dreg = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_LOOKUP_SET_ID: id = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_LOOKUP_FLAGS: flags = NftWire.ReadBE32(value); break;
            }
        }
        return new LookupExpression(NftExpressions.Required(set, "lookup", "NFTA_LOOKUP_SET"),
            NftExpressions.Required(sreg, "lookup", "NFTA_LOOKUP_SREG"), dreg, id, flags);
    }
}
