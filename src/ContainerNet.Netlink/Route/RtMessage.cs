using System.Buffers.Binary;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Route;

/// <summary>
/// struct rtmsg (12 bytes): family, dst_len, src_len, tos, table, protocol, scope, type (u8 each),
/// flags u32.
/// </summary>
public readonly record struct RtMessage(byte Family, byte DestinationLength, byte SourceLength, byte Tos,
    byte Table, byte Protocol, byte Scope, byte Type, uint Flags)
{
    public const int Size = 12;

    public void Write(NetlinkMessageWriter writer)
    {
        Span<byte> span = writer.ReserveFixed(Size);
        span[0] = Family;
        span[1] = DestinationLength;
        span[2] = SourceLength;
        span[3] = Tos;
        span[4] = Table;
        span[5] = Protocol;
        span[6] = Scope;
        span[7] = Type;
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], Flags);
    }

    public static RtMessage Read(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < Size)
            throw new NetlinkFormatException($"struct rtmsg needs {Size} bytes, the message has {payload.Length}.");
        return new RtMessage(payload[0], payload[1], payload[2], payload[3], payload[4], payload[5], payload[6], payload[7],
            BinaryPrimitives.ReadUInt32LittleEndian(payload[8..]));
    }
}
