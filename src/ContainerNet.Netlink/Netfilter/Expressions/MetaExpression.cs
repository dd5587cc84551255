using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Expressions;

/// <summary>
/// "meta": loads packet metadata (NFT_META_IIFNAME, NFT_META_L4PROTO, NFT_META_NFPROTO, NFT_META_MARK, ...)
/// into a register, or with a source register sets it (`meta mark set`).
/// Layout: NFTA_META_KEY be32, then NFTA_META_DREG be32 (load) or NFTA_META_SREG be32 (set).
/// </summary>
public sealed record MetaExpression(uint Key, uint? DestinationRegister = null, uint? SourceRegister = null) : INftExpression
{
    public string Name => "meta";

    public static MetaExpression Load(uint key, uint destinationRegister) => new(key, destinationRegister);

    public static MetaExpression Set(uint key, uint sourceRegister) => new(key, null, sourceRegister);

    public void WriteData(NetlinkMessageWriter writer)
    {
        writer.PutBE32(NfTablesConstants.NFTA_META_KEY, Key);
        if (DestinationRegister is { } dreg)
            writer.PutBE32(NfTablesConstants.NFTA_META_DREG, dreg);
        if (SourceRegister is { } sreg)
            writer.PutBE32(NfTablesConstants.NFTA_META_SREG, sreg);
    }

    public static MetaExpression Decode(ReadOnlySpan<byte> data)
    {
        uint? key = null, dreg = null, sreg = null;
        var reader = new NetlinkAttributeReader(data);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            switch (type)
            {
                case NfTablesConstants.NFTA_META_KEY: key = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_META_DREG: dreg = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_META_SREG: sreg = NftWire.ReadBE32(value); break;
            }
        }
        return new MetaExpression(NftExpressions.Required(key, "meta", "NFTA_META_KEY"), dreg, sreg);
    }
}
