using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Expressions;

/// <summary>
/// "payload": loads Length bytes at Offset from a header (NFT_PAYLOAD_NETWORK_HEADER: `ip saddr` is offset
/// 12 length 4; NFT_PAYLOAD_TRANSPORT_HEADER: `th dport` is offset 2 length 2) into a register.
/// Layout: NFTA_PAYLOAD_DREG be32, NFTA_PAYLOAD_BASE be32, NFTA_PAYLOAD_OFFSET be32, NFTA_PAYLOAD_LEN be32.
/// </summary>
public sealed record PayloadExpression(uint Base, uint Offset, uint Length, uint DestinationRegister) : INftExpression
{
    public string Name => "payload";

    public void WriteData(NetlinkMessageWriter writer)
    {
        writer.PutBE32(NfTablesConstants.NFTA_PAYLOAD_DREG, DestinationRegister);
        writer.PutBE32(NfTablesConstants.NFTA_PAYLOAD_BASE, Base);
        writer.PutBE32(NfTablesConstants.NFTA_PAYLOAD_OFFSET, Offset);
        writer.PutBE32(NfTablesConstants.NFTA_PAYLOAD_LEN, Length);
    }

    public static PayloadExpression Decode(ReadOnlySpan<byte> data)
    {
        uint? dreg = null, payloadBase = null, offset = null, length = null;
        var reader = new NetlinkAttributeReader(data);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            switch (type)
            {
                case NfTablesConstants.NFTA_PAYLOAD_DREG: dreg = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_PAYLOAD_BASE: payloadBase = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_PAYLOAD_OFFSET: offset = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_PAYLOAD_LEN: length = NftWire.ReadBE32(value); break;
            }
        }
        // A payload write (NFTA_PAYLOAD_SREG, for checksum-fixing mangling) has no DREG; it decodes with 0.
        return new PayloadExpression(NftExpressions.Required(payloadBase, "payload", "NFTA_PAYLOAD_BASE"),
            NftExpressions.Required(offset, "payload", "NFTA_PAYLOAD_OFFSET"),
            NftExpressions.Required(length, "payload", "NFTA_PAYLOAD_LEN"), dreg ?? 0);
    }
}
