using ContainerNet.Netlink.Netfilter.UserData;

namespace ContainerNet.Netlink.Netfilter.Sets;

/// <summary>
/// The NFTA_SET_USERDATA nft writes, so that `nft list` prints the elements of a set made here the way it
/// prints its own: NFTNL_UDATA_SET_KEYBYTEORDER, [NFTNL_UDATA_SET_DATABYTEORDER], [NFTNL_UDATA_SET_COMMENT],
/// in that order (u32s in host order). Byte orders are nft's enum byteorder.
/// </summary>
public static class NftSetUserData
{
    /// <summary>nft's BYTEORDER_INVALID: what it records for a concatenation (no single byte order).</summary>
    public const uint ByteOrderInvalid = 0;

    /// <summary>nft's BYTEORDER_HOST_ENDIAN (marks, interface indexes).</summary>
    public const uint ByteOrderHost = 1;

    /// <summary>nft's BYTEORDER_BIG_ENDIAN (addresses, ports, interface names).</summary>
    public const uint ByteOrderBig = 2;

    public static byte[] For(uint keyByteOrder, uint? dataByteOrder = null, string? comment = null)
    {
        var entries = new List<byte[]> { NftUserData.Entry(NftUserDataTypes.NFTNL_UDATA_SET_KEYBYTEORDER, keyByteOrder) };
        if (dataByteOrder is { } data)
            entries.Add(NftUserData.Entry(NftUserDataTypes.NFTNL_UDATA_SET_DATABYTEORDER, data));
        if (comment is not null)
            entries.Add(NftUserData.String(NftUserDataTypes.NFTNL_UDATA_SET_COMMENT, comment));
        return NftUserData.Concat(entries.ToArray());
    }
}
