using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter.Data;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Expressions;

/// <summary>
/// "immediate": puts a constant in a register: a value (a NAT address or port) or, into NFT_REG_VERDICT,
/// the rule's verdict (accept, drop, jump CHAIN). Layout: NFTA_IMMEDIATE_DREG be32,
/// NFTA_IMMEDIATE_DATA { NFTA_DATA_VALUE | NFTA_DATA_VERDICT { NFTA_VERDICT_CODE, [NFTA_VERDICT_CHAIN] } }.
/// </summary>
public sealed record ImmediateExpression(uint DestinationRegister, NftData Data) : INftExpression
{
    public string Name => "immediate";

    public static ImmediateExpression Verdict(NftVerdict verdict) => new(NfTablesConstants.NFT_REG_VERDICT, NftData.FromVerdict(verdict));

    public static ImmediateExpression Value(uint destinationRegister, byte[] value) => new(destinationRegister, NftData.FromValue(value));

    public void WriteData(NetlinkMessageWriter writer)
    {
        writer.PutBE32(NfTablesConstants.NFTA_IMMEDIATE_DREG, DestinationRegister);
        Data.Write(writer, NfTablesConstants.NFTA_IMMEDIATE_DATA);
    }

    public static ImmediateExpression Decode(ReadOnlySpan<byte> data)
    {
        uint? dreg = null;
        NftData? value = null;
        var reader = new NetlinkAttributeReader(data);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> attribute))
        {
            if (type == NfTablesConstants.NFTA_IMMEDIATE_DREG)
                dreg = NftWire.ReadBE32(attribute);
            else if (type == NfTablesConstants.NFTA_IMMEDIATE_DATA)
                value = NftData.Read(attribute);
        }
        return new ImmediateExpression(NftExpressions.Required(dreg, "immediate", "NFTA_IMMEDIATE_DREG"),
            value ?? throw new NetlinkFormatException("An 'immediate' expression has no NFTA_IMMEDIATE_DATA."));
    }
}
