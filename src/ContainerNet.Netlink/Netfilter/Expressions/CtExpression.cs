using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Expressions;

/// <summary>
/// "ct": loads connection tracking state into a register (NFT_CT_STATE as NF_CT_STATE_* bits; NFT_CT_DST_IP
/// with Direction IP_CT_DIR_ORIGINAL for `ct original ip daddr`), or with a source register sets it.
/// Layout: NFTA_CT_KEY be32, [NFTA_CT_DREG be32], [NFTA_CT_DIRECTION u8], [NFTA_CT_SREG be32].
/// </summary>
public sealed record CtExpression(uint Key, uint? DestinationRegister = null, byte? Direction = null, uint? SourceRegister = null) : INftExpression
{
    public string Name => "ct";

    public void WriteData(NetlinkMessageWriter writer)
    {
        writer.PutBE32(NfTablesConstants.NFTA_CT_KEY, Key);
        if (DestinationRegister is { } dreg)
            writer.PutBE32(NfTablesConstants.NFTA_CT_DREG, dreg);
        if (Direction is { } direction)
            writer.PutU8(NfTablesConstants.NFTA_CT_DIRECTION, direction);
        if (SourceRegister is { } sreg)
            writer.PutBE32(NfTablesConstants.NFTA_CT_SREG, sreg);
    }

    public static CtExpression Decode(ReadOnlySpan<byte> data)
    {
        uint? key = null, dreg = null, sreg = null;
        byte? direction = null;
        var reader = new NetlinkAttributeReader(data);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            switch (type)
            {
                case NfTablesConstants.NFTA_CT_KEY: key = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_CT_DREG: dreg = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_CT_DIRECTION: direction = NetlinkAttributeReader.ReadU8(value); break;
                case NfTablesConstants.NFTA_CT_SREG: sreg = NftWire.ReadBE32(value); break;
            }
        }
        return new CtExpression(NftExpressions.Required(key, "ct", "NFTA_CT_KEY"), dreg, direction, sreg);
    }
}
