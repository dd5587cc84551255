using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Expressions;

/// <summary>
/// "bitwise": dreg = (sreg &amp; Mask) ^ Xor over Length bytes; nft's prefix match (`ip daddr 172.16.0.0/12`
/// masks with ff f0 00 00) and flag tests (`ct state established,related`).
/// Layout: NFTA_BITWISE_SREG be32, NFTA_BITWISE_DREG be32, NFTA_BITWISE_LEN be32, [NFTA_BITWISE_OP be32:
/// nft 1.0.6 leaves it out for NFT_BITWISE_MASK_XOR, the kernel's replies carry it],
/// NFTA_BITWISE_MASK { NFTA_DATA_VALUE }, NFTA_BITWISE_XOR { NFTA_DATA_VALUE }.
/// Shift operations (NFTA_BITWISE_DATA) decode with empty Mask and Xor.
/// </summary>
public sealed record BitwiseExpression(uint SourceRegister, uint DestinationRegister, uint Length, byte[] Mask, byte[] Xor, uint? Op = null)
    : INftExpression
{
    public string Name => "bitwise";

    public void WriteData(NetlinkMessageWriter writer)
    {
        writer.PutBE32(NfTablesConstants.NFTA_BITWISE_SREG, SourceRegister);
        writer.PutBE32(NfTablesConstants.NFTA_BITWISE_DREG, DestinationRegister);
        writer.PutBE32(NfTablesConstants.NFTA_BITWISE_LEN, Length);
        if (Op is { } op)
            writer.PutBE32(NfTablesConstants.NFTA_BITWISE_OP, op);
        NftExpressions.WriteValue(writer, NfTablesConstants.NFTA_BITWISE_MASK, Mask);
        NftExpressions.WriteValue(writer, NfTablesConstants.NFTA_BITWISE_XOR, Xor);
    }

    public bool Equals(BitwiseExpression? other) =>
        other is not null && SourceRegister == other.SourceRegister && DestinationRegister == other.DestinationRegister && Length == other.Length
        && Op == other.Op && Mask.AsSpan().SequenceEqual(other.Mask) && Xor.AsSpan().SequenceEqual(other.Xor);

    public override int GetHashCode() => HashCode.Combine(SourceRegister, DestinationRegister, Length, Op);

    public static BitwiseExpression Decode(ReadOnlySpan<byte> data)
    {
        uint? sreg = null, dreg = null, length = null, op = null;
        byte[]? mask = null, xor = null;
        var reader = new NetlinkAttributeReader(data);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            switch (type)
            {
                case NfTablesConstants.NFTA_BITWISE_SREG: sreg = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_BITWISE_DREG: dreg = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_BITWISE_LEN: length = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_BITWISE_OP: op = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_BITWISE_MASK: mask = NftExpressions.ReadValue(value, "bitwise"); break;
                case NfTablesConstants.NFTA_BITWISE_XOR: xor = NftExpressions.ReadValue(value, "bitwise"); break;
            }
        }
        return new BitwiseExpression(NftExpressions.Required(sreg, "bitwise", "NFTA_BITWISE_SREG"),
            NftExpressions.Required(dreg, "bitwise", "NFTA_BITWISE_DREG"), NftExpressions.Required(length, "bitwise", "NFTA_BITWISE_LEN"),
            mask ?? [], xor ?? [], op);
    }
}
