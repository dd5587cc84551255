using System.Buffers.Binary;
using System.Text;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.UserData;

/// <summary>
/// libnftnl's userdata format (struct nftnl_udata): a run of TLVs, each type u8, length u8, value, with
/// no padding; a value may itself be such a run (the set's *_TYPEOF entries). nft keeps comments here
/// (as NUL-terminated strings) and, for sets, the byte order of keys and data so that it can print
/// elements. Built by concatenating entries.
/// </summary>
public static class NftUserData
{
    public static byte[] Entry(byte type, ReadOnlySpan<byte> value)
    {
        if (value.Length > byte.MaxValue)
            throw new ArgumentException($"A userdata entry holds at most 255 bytes, not {value.Length}.", nameof(value));
        byte[] entry = new byte[2 + value.Length];
        entry[0] = type;
        entry[1] = (byte)value.Length;
        value.CopyTo(entry.AsSpan(2));
        return entry;
    }

    /// <summary>A u32 entry in host byte order, as nftnl_udata_put_u32 writes it.</summary>
    public static byte[] Entry(byte type, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return Entry(type, bytes);
    }

    /// <summary>A string entry with its NUL, as nft writes comments (nftnl_udata_put_strz).</summary>
    public static byte[] String(byte type, string text)
    {
        byte[] bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return Entry(type, bytes);
    }

    public static byte[] Concat(params byte[][] entries) => entries.SelectMany(e => e).ToArray();

    /// <summary>Finds the first entry of a type; a truncated run is refused.</summary>
    public static bool TryFind(ReadOnlySpan<byte> data, byte type, out ReadOnlySpan<byte> value)
    {
        value = default;
        while (!data.IsEmpty)
        {
            if (data.Length < 2 || data[1] > data.Length - 2)
                throw new NetlinkFormatException($"A userdata entry of {(data.Length < 2 ? "?" : data[1].ToString())} bytes does not fit in the {data.Length} bytes left.");
            if (data[0] == type)
            {
                value = data.Slice(2, data[1]);
                return true;
            }
            data = data[(2 + data[1])..];
        }
        return false;
    }

    /// <summary>The string of the first entry of a type (up to its NUL), or null.</summary>
    public static string? FindString(ReadOnlySpan<byte> data, byte type) =>
        TryFind(data, type, out ReadOnlySpan<byte> value) ? NetlinkAttributeReader.ReadString(value) : null;
}
