using System.Buffers.Binary;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Route;

/// <summary>struct ifaddrmsg (8 bytes): family u8, prefixlen u8, flags u8, scope u8, index u32.</summary>
public readonly record struct IfAddrMessage(byte Family, byte PrefixLength, byte Flags, byte Scope, int Index)
{
    public const int Size = 8;

    public void Write(NetlinkMessageWriter writer)
    {
        Span<byte> span = writer.ReserveFixed(Size);
        span[0] = Family;
        span[1] = PrefixLength;
        span[2] = Flags;
        span[3] = Scope;
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], Index);
    }

    public static IfAddrMessage Read(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < Size)
            throw new NetlinkFormatException($"struct ifaddrmsg needs {Size} bytes, the message has {payload.Length}.");
        return new IfAddrMessage(payload[0], payload[1], payload[2], payload[3], BinaryPrimitives.ReadInt32LittleEndian(payload[4..]));
    }
}
