using System.Buffers.Binary;
using System.Text;
using ContainerNet.Netlink.Constants;

namespace ContainerNet.Netlink.Wire;

/// <summary>Walks a run of netlink attributes (struct nlattr: len u16, type u16, value, pad to 4).</summary>
public ref struct NetlinkAttributeReader
{
    private ReadOnlySpan<byte> _remaining;

    public NetlinkAttributeReader(ReadOnlySpan<byte> attributes) => _remaining = attributes;

    /// <summary>Reads the next attribute; the type has NLA_F_NESTED and NLA_F_NET_BYTEORDER masked off.</summary>
    public bool TryRead(out ushort type, out ReadOnlySpan<byte> value)
    {
        type = 0;
        value = default;
        if (_remaining.IsEmpty)
            return false;
        if (_remaining.Length < NetlinkConstants.NLA_HDRLEN)
            throw new NetlinkFormatException($"Attribute header truncated: {_remaining.Length} bytes left.");
        ushort length = BinaryPrimitives.ReadUInt16LittleEndian(_remaining);
        if (length < NetlinkConstants.NLA_HDRLEN || length > _remaining.Length)
            throw new NetlinkFormatException($"Attribute length {length} does not fit in the {_remaining.Length} bytes left.");
        type = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(_remaining[2..]) & NetlinkConstants.NLA_TYPE_MASK);
        value = _remaining[NetlinkConstants.NLA_HDRLEN..length];
        int advance = Math.Min(NetlinkConstants.Align(length), _remaining.Length);
        _remaining = _remaining[advance..];
        return true;
    }

    public static uint ReadU32(ReadOnlySpan<byte> value) =>
        value.Length >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(value)
        : throw new NetlinkFormatException($"Expected a 4-byte attribute, got {value.Length} bytes.");

    public static int ReadI32(ReadOnlySpan<byte> value) => unchecked((int)ReadU32(value));

    public static byte ReadU8(ReadOnlySpan<byte> value) =>
        value.Length >= 1 ? value[0] : throw new NetlinkFormatException("Expected a 1-byte attribute, got none.");

    /// <summary>A string attribute up to its first NUL (or its end when the kernel sent none).</summary>
    public static string ReadString(ReadOnlySpan<byte> value)
    {
        int nul = value.IndexOf((byte)0);
        return Encoding.UTF8.GetString(nul >= 0 ? value[..nul] : value);
    }
}
