using System.Buffers.Binary;
using ContainerNet.Netlink.Constants;

namespace ContainerNet.Netlink.Wire;

/// <summary>struct nlmsghdr (16 bytes, host byte order): len u32, type u16, flags u16, seq u32, pid u32.</summary>
public readonly record struct NetlinkMessageHeader(uint Length, ushort Type, ushort Flags, uint Sequence, uint PortId)
{
    public const int Size = NetlinkConstants.NLMSG_HDRLEN;

    public static NetlinkMessageHeader Read(ReadOnlySpan<byte> source)
    {
        if (source.Length < Size)
            throw new NetlinkFormatException($"A netlink header needs {Size} bytes, {source.Length} remain.");
        return new NetlinkMessageHeader(
            BinaryPrimitives.ReadUInt32LittleEndian(source),
            BinaryPrimitives.ReadUInt16LittleEndian(source[4..]),
            BinaryPrimitives.ReadUInt16LittleEndian(source[6..]),
            BinaryPrimitives.ReadUInt32LittleEndian(source[8..]),
            BinaryPrimitives.ReadUInt32LittleEndian(source[12..]));
    }

    public bool HasFlag(ushort flag) => (Flags & flag) == flag;
}
