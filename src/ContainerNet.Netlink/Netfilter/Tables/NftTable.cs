using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter.UserData;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Tables;

/// <summary>
/// An nf_tables table: what NewTableRequest creates and what a NFT_MSG_NEWTABLE dump reply describes.
/// Attributes: NFTA_TABLE_NAME string, NFTA_TABLE_FLAGS be32 (NFT_TABLE_F_*), NFTA_TABLE_HANDLE be64,
/// NFTA_TABLE_USE be32 (chains in it), NFTA_TABLE_USERDATA (nft keeps the comment there).
/// </summary>
public sealed record NftTable
{
    public required NftFamily Family { get; init; }
    public required string Name { get; init; }
    public uint Flags { get; init; }

    /// <summary>Comment as nft shows it (NFTNL_UDATA_TABLE_COMMENT in the userdata).</summary>
    public string? Comment { get; init; }

    /// <summary>Kernel-assigned; only in replies.</summary>
    public ulong? Handle { get; init; }

    /// <summary>Number of chains; only in replies.</summary>
    public uint? Use { get; init; }

    /// <summary>The raw userdata of a reply (null when none).</summary>
    public byte[]? UserData { get; init; }

    /// <summary>As nft names it: "table inet containernet".</summary>
    public override string ToString() => $"table {Family.ToNftName()} {Name}";

    /// <summary>For <see cref="NetlinkConnection.QueryAll{T}"/>: NFT_MSG_NEWTABLE replies, null for anything else.</summary>
    public static NftTable? FromMessage(in NetlinkMessageHeader header, ReadOnlySpan<byte> payload) =>
        header.Type == NftMessage.Type(NfTablesConstants.NFT_MSG_NEWTABLE) ? Decode(payload) : null;

    /// <summary>Decodes a NEWTABLE payload (nfgenmsg and attributes).</summary>
    public static NftTable Decode(ReadOnlySpan<byte> payload)
    {
        var family = NfGenMessage.Read(payload).Family;
        string? name = null, comment = null;
        uint flags = 0;
        uint? use = null;
        ulong? handle = null;
        byte[]? userData = null;
        var reader = NftMessage.Attributes(payload);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            switch (type)
            {
                case NfTablesConstants.NFTA_TABLE_NAME: name = NftWire.ReadString(value); break;
                case NfTablesConstants.NFTA_TABLE_FLAGS: flags = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_TABLE_USE: use = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_TABLE_HANDLE: handle = NftWire.ReadBE64(value); break;
                case NfTablesConstants.NFTA_TABLE_USERDATA:
                    userData = value.ToArray();
                    comment = NftUserData.FindString(value, NftUserDataTypes.NFTNL_UDATA_TABLE_COMMENT);
                    break;
            }
        }
        return new NftTable
        {
            Family = family,
            Name = name ?? throw new NetlinkFormatException("A table message has no NFTA_TABLE_NAME."),
            Flags = flags, Comment = comment, Handle = handle, Use = use, UserData = userData,
        };
    }
}
