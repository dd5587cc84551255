using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Expressions;

/// <summary>
/// "counter": counts packets and bytes through the rule. nft sends it empty (an empty NFTA_EXPR_DATA);
/// the kernel reports NFTA_COUNTER_BYTES be64 and NFTA_COUNTER_PACKETS be64. Given values are sent
/// (start values), in that order.
/// </summary>
public sealed record CounterExpression(ulong? Bytes = null, ulong? Packets = null) : INftExpression
{
    public string Name => "counter";

    public void WriteData(NetlinkMessageWriter writer)
    {
        if (Bytes is { } bytes)
            writer.PutBE64(NfTablesConstants.NFTA_COUNTER_BYTES, bytes);
        if (Packets is { } packets)
            writer.PutBE64(NfTablesConstants.NFTA_COUNTER_PACKETS, packets);
    }

    public static CounterExpression Decode(ReadOnlySpan<byte> data)
    {
        ulong? bytes = null, packets = null;
        var reader = new NetlinkAttributeReader(data);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            if (type == NfTablesConstants.NFTA_COUNTER_BYTES)
                bytes = NftWire.ReadBE64(value);
            else if (type == NfTablesConstants.NFTA_COUNTER_PACKETS)
                packets = NftWire.ReadBE64(value);
        }
        return new CounterExpression(bytes, packets);
    }
}
