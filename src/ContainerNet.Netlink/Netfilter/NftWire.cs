using System.Buffers.Binary;
using System.Text;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter;

/// <summary>
/// nf_tables' attribute conventions on top of the generic writer and reader: integers in network byte
/// order (NLA_BE32, NLA_BE64), nests flagged NLA_F_NESTED (as libnftnl sends them; the kernel's replies
/// leave the flag off, and the reader masks it), names NUL-terminated.
/// </summary>
public static class NftWire
{
    public static void PutBE32(this NetlinkMessageWriter writer, ushort type, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        writer.PutAttribute(type, bytes);
    }

    public static void PutBE32(this NetlinkMessageWriter writer, ushort type, int value) => writer.PutBE32(type, unchecked((uint)value));

    public static void PutBE64(this NetlinkMessageWriter writer, ushort type, ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        writer.PutAttribute(type, bytes);
    }

    /// <summary>A nested attribute with NLA_F_NESTED set; dispose the scope to write its length.</summary>
    public static NetlinkMessageWriter.LengthScope NestFlagged(this NetlinkMessageWriter writer, ushort type) =>
        writer.Nest((ushort)(type | NetlinkConstants.NLA_F_NESTED));

    public static uint ReadBE32(ReadOnlySpan<byte> value) =>
        value.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(value)
        : throw new NetlinkFormatException($"Expected a 4-byte big-endian attribute, got {value.Length} bytes.");

    public static int ReadBE32Signed(ReadOnlySpan<byte> value) => unchecked((int)ReadBE32(value));

    public static ulong ReadBE64(ReadOnlySpan<byte> value) =>
        value.Length >= 8 ? BinaryPrimitives.ReadUInt64BigEndian(value)
        : throw new NetlinkFormatException($"Expected an 8-byte big-endian attribute, got {value.Length} bytes.");

    /// <summary>A string attribute; invalid UTF-8 becomes U+FFFD rather than an exception.</summary>
    public static string ReadString(ReadOnlySpan<byte> value) => NetlinkAttributeReader.ReadString(value);

    /// <summary>Bytes for a NUL-padded fixed-size field such as an interface name key (IFNAMSIZ 16).</summary>
    public static byte[] PaddedString(string value, int size)
    {
        byte[] bytes = new byte[size];
        int count = Encoding.UTF8.GetByteCount(value);
        if (count >= size)
            throw new ArgumentException($"'{value}' needs {count} bytes; the field holds {size - 1} and a NUL.", nameof(value));
        Encoding.UTF8.GetBytes(value, bytes);
        return bytes;
    }
}
