using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter.UserData;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Sets;

/// <summary>
/// An nf_tables set, or a map when Flags has NFT_SET_MAP (then DataType/DataLength describe the values;
/// NFT_DATA_VERDICT with length 0 makes a verdict map). A concatenated key that holds ranges
/// (NFT_SET_INTERVAL|NFT_SET_CONCAT) needs FieldLengths, the length in bytes of each field.
/// Attributes: NFTA_SET_TABLE, NFTA_SET_NAME, NFTA_SET_HANDLE be64, NFTA_SET_FLAGS be32,
/// NFTA_SET_KEY_TYPE/KEY_LEN/DATA_TYPE/DATA_LEN be32, NFTA_SET_POLICY be32, NFTA_SET_DESC { SIZE,
/// CONCAT { LIST_ELEM { NFTA_SET_FIELD_LEN } ... } }, NFTA_SET_ID be32 (names the set to later messages
/// of the same batch), NFTA_SET_TIMEOUT be64 ms, NFTA_SET_GC_INTERVAL be32 ms, NFTA_SET_USERDATA.
/// </summary>
public sealed record NftSet
{
    public required NftFamily Family { get; init; }
    public required string Table { get; init; }
    public required string Name { get; init; }
    public uint Flags { get; init; }
    public required uint KeyType { get; init; }
    public required uint KeyLength { get; init; }
    public uint? DataType { get; init; }
    public uint? DataLength { get; init; }

    /// <summary>Transaction id (NFTA_SET_ID) for references from the same batch.</summary>
    public uint? Id { get; init; }

    public uint? Policy { get; init; }

    /// <summary>NFTA_SET_DESC_SIZE: the expected number of elements.</summary>
    public uint? Size { get; init; }

    /// <summary>NFTA_SET_DESC_CONCAT: the byte length of each field of a concatenated key.</summary>
    public IReadOnlyList<uint>? FieldLengths { get; init; }

    public ulong? TimeoutMilliseconds { get; init; }
    public uint? GcIntervalMilliseconds { get; init; }

    /// <summary>Stored as given (see <see cref="NftSetUserData"/> for what nft writes).</summary>
    public byte[]? UserData { get; init; }

    /// <summary>Kernel-assigned; only in replies.</summary>
    public ulong? Handle { get; init; }

    /// <summary>NFTNL_UDATA_SET_COMMENT in the userdata, when there is one.</summary>
    public string? Comment => UserData is { } data ? NftUserData.FindString(data, NftUserDataTypes.NFTNL_UDATA_SET_COMMENT) : null;

    public bool IsMap => (Flags & NfTablesConstants.NFT_SET_MAP) != 0;

    public override string ToString() => $"{(IsMap ? "map" : "set")} '{Name}' of table {Family.ToNftName()} {Table}";

    public static NftSet? FromMessage(in NetlinkMessageHeader header, ReadOnlySpan<byte> payload) =>
        header.Type == NftMessage.Type(NfTablesConstants.NFT_MSG_NEWSET) ? Decode(payload) : null;

    public static NftSet Decode(ReadOnlySpan<byte> payload)
    {
        var family = NfGenMessage.Read(payload).Family;
        string? table = null, name = null;
        uint flags = 0;
        uint? keyType = null, keyLength = null, dataType = null, dataLength = null, id = null, policy = null, size = null, gc = null;
        ulong? handle = null, timeout = null;
        IReadOnlyList<uint>? fields = null;
        byte[]? userData = null;
        var reader = NftMessage.Attributes(payload);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            switch (type)
            {
                case NfTablesConstants.NFTA_SET_TABLE: table = NftWire.ReadString(value); break;
                case NfTablesConstants.NFTA_SET_NAME: name = NftWire.ReadString(value); break;
                case NfTablesConstants.NFTA_SET_HANDLE: handle = NftWire.ReadBE64(value); break;
                case NfTablesConstants.NFTA_SET_FLAGS: flags = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_SET_KEY_TYPE: keyType = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_SET_KEY_LEN: keyLength = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_SET_DATA_TYPE: dataType = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_SET_DATA_LEN: dataLength = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_SET_ID: id = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_SET_POLICY: policy = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_SET_TIMEOUT: timeout = NftWire.ReadBE64(value); break;
                case NfTablesConstants.NFTA_SET_GC_INTERVAL: gc = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_SET_USERDATA: userData = value.ToArray(); break;
                case NfTablesConstants.NFTA_SET_DESC: ReadDescription(value, out size, out fields); break;
            }
        }
        return new NftSet
        {
            Family = family,
            Table = table ?? throw new NetlinkFormatException("A set message has no NFTA_SET_TABLE."),
            Name = name ?? throw new NetlinkFormatException("A set message has no NFTA_SET_NAME."),
            Flags = flags,
            KeyType = keyType ?? 0,
            KeyLength = keyLength ?? throw new NetlinkFormatException($"Set '{name}' has no NFTA_SET_KEY_LEN."),
            DataType = dataType, DataLength = dataLength, Id = id, Policy = policy, Size = size, FieldLengths = fields,
            TimeoutMilliseconds = timeout, GcIntervalMilliseconds = gc, UserData = userData, Handle = handle,
        };
    }

    private static void ReadDescription(ReadOnlySpan<byte> nest, out uint? size, out IReadOnlyList<uint>? fields)
    {
        size = null;
        fields = null;
        var reader = new NetlinkAttributeReader(nest);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            if (type == NfTablesConstants.NFTA_SET_DESC_SIZE)
            {
                size = NftWire.ReadBE32(value);
            }
            else if (type == NfTablesConstants.NFTA_SET_DESC_CONCAT)
            {
                var lengths = new List<uint>();
                var elements = new NetlinkAttributeReader(value);
                while (elements.TryRead(out ushort elementType, out ReadOnlySpan<byte> element))
                {
                    if (elementType != NfTablesConstants.NFTA_LIST_ELEM)
                        continue;
                    var field = new NetlinkAttributeReader(element);
                    while (field.TryRead(out ushort fieldType, out ReadOnlySpan<byte> length))
                    {
                        if (fieldType == NfTablesConstants.NFTA_SET_FIELD_LEN)
                            lengths.Add(NftWire.ReadBE32(length));
                    }
                }
                fields = lengths;
            }
        }
    }
}
