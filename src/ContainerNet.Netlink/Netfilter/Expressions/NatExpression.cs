using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Expressions;

/// <summary>
/// "nat": source or destination NAT (NFT_NAT_SNAT, NFT_NAT_DNAT) of an address family (NFPROTO_IPV4 for
/// `dnat ip to`) to the address and port held in registers (loaded by immediate, or by a map lookup for
/// `dnat ip to meta l4proto . th dport map @ports`). Flags are NF_NAT_RANGE_*; the kernel fills in
/// ADDR_MAX/PROTO_MAX and MAP_IPS|PROTO_SPECIFIED in what it reports back.
/// Layout: NFTA_NAT_TYPE be32, NFTA_NAT_FAMILY be32, [NFTA_NAT_REG_ADDR_MIN be32], [NFTA_NAT_REG_ADDR_MAX be32],
/// [NFTA_NAT_REG_PROTO_MIN be32], [NFTA_NAT_REG_PROTO_MAX be32], [NFTA_NAT_FLAGS be32].
/// </summary>
public sealed record NatExpression(uint Type, uint Family, uint? AddressMinRegister = null, uint? AddressMaxRegister = null,
    uint? ProtoMinRegister = null, uint? ProtoMaxRegister = null, uint? Flags = null) : INftExpression
{
    public string Name => "nat";

    public void WriteData(NetlinkMessageWriter writer)
    {
        writer.PutBE32(NfTablesConstants.NFTA_NAT_TYPE, Type);
        writer.PutBE32(NfTablesConstants.NFTA_NAT_FAMILY, Family);
        if (AddressMinRegister is { } addressMin)
            writer.PutBE32(NfTablesConstants.NFTA_NAT_REG_ADDR_MIN, addressMin);
        if (AddressMaxRegister is { } addressMax)
            writer.PutBE32(NfTablesConstants.NFTA_NAT_REG_ADDR_MAX, addressMax);
        if (ProtoMinRegister is { } protoMin)
            writer.PutBE32(NfTablesConstants.NFTA_NAT_REG_PROTO_MIN, protoMin);
        if (ProtoMaxRegister is { } protoMax)
            writer.PutBE32(NfTablesConstants.NFTA_NAT_REG_PROTO_MAX, protoMax);
        if (Flags is { } flags)
            writer.PutBE32(NfTablesConstants.NFTA_NAT_FLAGS, flags);
    }

    public static NatExpression Decode(ReadOnlySpan<byte> data)
    {
        uint? type = null, family = null, addressMin = null, addressMax = null, protoMin = null, protoMax = null, flags = null;
        var reader = new NetlinkAttributeReader(data);
        while (reader.TryRead(out ushort attribute, out ReadOnlySpan<byte> value))
        {
            switch (attribute)
            {
                case NfTablesConstants.NFTA_NAT_TYPE: type = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_NAT_FAMILY: family = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_NAT_REG_ADDR_MIN: addressMin = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_NAT_REG_ADDR_MAX: addressMax = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_NAT_REG_PROTO_MIN: protoMin = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_NAT_REG_PROTO_MAX: protoMax = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_NAT_FLAGS: flags = NftWire.ReadBE32(value); break;
            }
        }
        return new NatExpression(NftExpressions.Required(type, "nat", "NFTA_NAT_TYPE"), NftExpressions.Required(family, "nat", "NFTA_NAT_FAMILY"),
            addressMin, addressMax, protoMin, protoMax, flags);
    }
}
