using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Expressions;

/// <summary>
/// "range": From &lt;= register &lt;= To (NFT_RANGE_EQ) or outside it (NFT_RANGE_NEQ), big endian byte-wise.
/// nft 1.0.6 uses it for negated ranges (`tcp dport != 8000-8100`) and two cmps (GTE, LTE) otherwise.
/// Layout: NFTA_RANGE_SREG be32, NFTA_RANGE_OP be32, NFTA_RANGE_FROM_DATA { NFTA_DATA_VALUE },
/// NFTA_RANGE_TO_DATA { NFTA_DATA_VALUE }.
/// </summary>
public sealed record RangeExpression(uint SourceRegister, uint Op, byte[] From, byte[] To) : INftExpression
{
    public string Name => "range";

    public void WriteData(NetlinkMessageWriter writer)
    {
        writer.PutBE32(NfTablesConstants.NFTA_RANGE_SREG, SourceRegister);
        writer.PutBE32(NfTablesConstants.NFTA_RANGE_OP, Op);
        NftExpressions.WriteValue(writer, NfTablesConstants.NFTA_RANGE_FROM_DATA, From);
        NftExpressions.WriteValue(writer, NfTablesConstants.NFTA_RANGE_TO_DATA, To);
    }

    public bool Equals(RangeExpression? other) =>
        other is not null && SourceRegister == other.SourceRegister && Op == other.Op
        && From.AsSpan().SequenceEqual(other.From) && To.AsSpan().SequenceEqual(other.To);

    public override int GetHashCode() => HashCode.Combine(SourceRegister, Op, From.Length);

    public static RangeExpression Decode(ReadOnlySpan<byte> data)
    {
        uint? sreg = null, op = null;
        byte[]? from = null, to = null;
        var reader = new NetlinkAttributeReader(data);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            switch (type)
            {
                case NfTablesConstants.NFTA_RANGE_SREG: sreg = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_RANGE_OP: op = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_RANGE_FROM_DATA: from = NftExpressions.ReadValue(value, "range"); break;
                case NfTablesConstants.NFTA_RANGE_TO_DATA: to = NftExpressions.ReadValue(value, "range"); break;
            }
        }
        return new RangeExpression(NftExpressions.Required(sreg, "range", "NFTA_RANGE_SREG"), NftExpressions.Required(op, "range", "NFTA_RANGE_OP"),
            NftExpressions.Required(from, "range", "NFTA_RANGE_FROM_DATA"), NftExpressions.Required(to, "range", "NFTA_RANGE_TO_DATA"));
    }
}
