using System.Buffers.Binary;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Route;

/// <summary>
/// struct ifinfomsg (16 bytes): family u8, pad u8, type u16, index i32, flags u32, change u32.
/// Leads every RTM_*LINK message and the VETH_INFO_PEER attribute.
/// </summary>
public readonly record struct IfInfoMessage(byte Family, ushort Type, int Index, uint Flags, uint Change)
{
    public const int Size = 16;

    public void Write(NetlinkMessageWriter writer)
    {
        Span<byte> span = writer.ReserveFixed(Size);
        span[0] = Family;
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], Type);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], Index);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], Flags);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], Change);
    }

    public static IfInfoMessage Read(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < Size)
            throw new NetlinkFormatException($"struct ifinfomsg needs {Size} bytes, the message has {payload.Length}.");
        return new IfInfoMessage(
            payload[0],
            BinaryPrimitives.ReadUInt16LittleEndian(payload[2..]),
            BinaryPrimitives.ReadInt32LittleEndian(payload[4..]),
            BinaryPrimitives.ReadUInt32LittleEndian(payload[8..]),
            BinaryPrimitives.ReadUInt32LittleEndian(payload[12..]));
    }
}
