using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Expressions;

/// <summary>
/// "cmp": compares a register with Data (NFT_CMP_EQ, NFT_CMP_NEQ, NFT_CMP_LT/LTE/GT/GTE, the latter
/// byte-wise big endian as nft uses them for port ranges); the rule stops when the comparison fails.
/// Layout: NFTA_CMP_SREG be32, NFTA_CMP_OP be32, NFTA_CMP_DATA { NFTA_DATA_VALUE }.
/// </summary>
public sealed record CmpExpression(uint SourceRegister, uint Op, byte[] Data) : INftExpression
{
    public string Name => "cmp";

    public void WriteData(NetlinkMessageWriter writer)
    {
        writer.PutBE32(NfTablesConstants.NFTA_CMP_SREG, SourceRegister);
        writer.PutBE32(NfTablesConstants.NFTA_CMP_OP, Op);
        NftExpressions.WriteValue(writer, NfTablesConstants.NFTA_CMP_DATA, Data);
    }

    // Operands compare by content, so that a rule read back equals the rule that was meant.
    public bool Equals(CmpExpression? other) =>
        other is not null && SourceRegister == other.SourceRegister && Op == other.Op && Data.AsSpan().SequenceEqual(other.Data);

    public override int GetHashCode() => HashCode.Combine(SourceRegister, Op, Data.Length);

    public static CmpExpression Decode(ReadOnlySpan<byte> data)
    {
        uint? sreg = null, op = null;
        byte[]? operand = null;
        var reader = new NetlinkAttributeReader(data);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            switch (type)
            {
                case NfTablesConstants.NFTA_CMP_SREG: sreg = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_CMP_OP: op = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_CMP_DATA: operand = NftExpressions.ReadValue(value, "cmp"); break;
            }
        }
        return new CmpExpression(NftExpressions.Required(sreg, "cmp", "NFTA_CMP_SREG"), NftExpressions.Required(op, "cmp", "NFTA_CMP_OP"),
            NftExpressions.Required(operand, "cmp", "NFTA_CMP_DATA"));
    }
}
