using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Expressions;

/// <summary>
/// "masq": source NAT to the address of the outgoing interface. Flags are NF_NAT_RANGE_* (fully-random,
/// persistent; PROTO_SPECIFIED with the port range held in registers for `masquerade to :1024-65535`).
/// Layout: [NFTA_MASQ_FLAGS be32], [NFTA_MASQ_REG_PROTO_MIN be32], [NFTA_MASQ_REG_PROTO_MAX be32]; plain
/// `masquerade` sends an empty NFTA_EXPR_DATA.
/// </summary>
public sealed record MasqExpression(uint? Flags = null, uint? ProtoMinRegister = null, uint? ProtoMaxRegister = null) : INftExpression
{
    public string Name => "masq";

    public void WriteData(NetlinkMessageWriter writer)
    {
        if (Flags is { } flags)
            writer.PutBE32(NfTablesConstants.NFTA_MASQ_FLAGS, flags);
        if (ProtoMinRegister is { } protoMin)
            writer.PutBE32(NfTablesConstants.NFTA_MASQ_REG_PROTO_MIN, protoMin);
        if (ProtoMaxRegister is { } protoMax)
            writer.PutBE32(NfTablesConstants.NFTA_MASQ_REG_PROTO_MAX, protoMax);
    }

    public static MasqExpression Decode(ReadOnlySpan<byte> data)
    {
        uint? flags = null, protoMin = null, protoMax = null;
        var reader = new NetlinkAttributeReader(data);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            switch (type)
            {
                case NfTablesConstants.NFTA_MASQ_FLAGS: flags = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_MASQ_REG_PROTO_MIN: protoMin = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_MASQ_REG_PROTO_MAX: protoMax = NftWire.ReadBE32(value); break;
            }
        }
        return new MasqExpression(flags, protoMin, protoMax);
    }
}
