using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Expressions;

/// <summary>
/// "redir": destination NAT to the host itself, optionally to the port held in a register
/// (`redirect to :5353`). Layout: [NFTA_REDIR_REG_PROTO_MIN be32], [NFTA_REDIR_REG_PROTO_MAX be32],
/// [NFTA_REDIR_FLAGS be32] (NF_NAT_RANGE_*).
/// </summary>
public sealed record RedirExpression(uint? ProtoMinRegister = null, uint? ProtoMaxRegister = null, uint? Flags = null) : INftExpression
{
    public string Name => "redir";

    public void WriteData(NetlinkMessageWriter writer)
    {
        if (ProtoMinRegister is { } protoMin)
            writer.PutBE32(NfTablesConstants.NFTA_REDIR_REG_PROTO_MIN, protoMin);
        if (ProtoMaxRegister is { } protoMax)
            writer.PutBE32(NfTablesConstants.NFTA_REDIR_REG_PROTO_MAX, protoMax);
        if (Flags is { } flags)
            writer.PutBE32(NfTablesConstants.NFTA_REDIR_FLAGS, flags);
    }

    public static RedirExpression Decode(ReadOnlySpan<byte> data)
    {
        uint? protoMin = null, protoMax = null, flags = null;
        var reader = new NetlinkAttributeReader(data);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            switch (type)
            {
                case NfTablesConstants.NFTA_REDIR_REG_PROTO_MIN: protoMin = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_REDIR_REG_PROTO_MAX: protoMax = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_REDIR_FLAGS: flags = NftWire.ReadBE32(value); break;
            }
        }
        return new RedirExpression(protoMin, protoMax, flags);
    }
}
