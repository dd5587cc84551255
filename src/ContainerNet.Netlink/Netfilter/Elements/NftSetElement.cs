using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter.Data;
using ContainerNet.Netlink.Netfilter.UserData;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Elements;

/// <summary>
/// One element of a set or map. Key (and KeyEnd for a range of a concatenated interval set) are the raw
/// key bytes, each concatenated field padded to 4 bytes; Data is the map value or verdict. Flags carries
/// NFT_SET_ELEM_INTERVAL_END for the closing element of an interval in a plain interval set.
/// On the wire, inside NFTA_SET_ELEM_LIST_ELEMENTS: a nest numbered 1, 2, ... (libnftnl's numbering; the
/// kernel ignores the number) { [NFTA_SET_ELEM_FLAGS be32], [NFTA_SET_ELEM_TIMEOUT be64],
/// NFTA_SET_ELEM_KEY { NFTA_DATA_VALUE }, [NFTA_SET_ELEM_KEY_END { NFTA_DATA_VALUE }],
/// [NFTA_SET_ELEM_DATA { NFTA_DATA_VALUE | NFTA_DATA_VERDICT }], [NFTA_SET_ELEM_USERDATA] }.
/// </summary>
public sealed record NftSetElement
{
    public required byte[] Key { get; init; }
    public byte[]? KeyEnd { get; init; }
    public NftData? Data { get; init; }
    public uint Flags { get; init; }
    public ulong? TimeoutMilliseconds { get; init; }

    /// <summary>Milliseconds left before the element times out; only in replies.</summary>
    public ulong? ExpirationMilliseconds { get; init; }

    /// <summary>NFTNL_UDATA_SET_ELEM_COMMENT, as nft's `comment "..."` after an element.</summary>
    public string? Comment { get; init; }

    /// <summary>The raw userdata of a reply.</summary>
    public byte[]? UserData { get; init; }

    /// <summary>Not sent: how errors name this element ("tcp . 8080"); the key in hex when null.</summary>
    public string? Label { get; init; }

    public bool IsIntervalEnd => (Flags & NfTablesConstants.NFT_SET_ELEM_INTERVAL_END) != 0;

    public string Describe() => Label ?? Comment ?? Convert.ToHexString(Key).ToLowerInvariant();

    public override string ToString() => Data is null ? Describe() : $"{Describe()} : {Data}";

    internal void Write(NetlinkMessageWriter writer, int index)
    {
        using (writer.NestFlagged(checked((ushort)(index + 1))))
        {
            if (Flags != 0)
                writer.PutBE32(NfTablesConstants.NFTA_SET_ELEM_FLAGS, Flags);
            if (TimeoutMilliseconds is { } timeout)
                writer.PutBE64(NfTablesConstants.NFTA_SET_ELEM_TIMEOUT, timeout);
            NftData.FromValue(Key).Write(writer, NfTablesConstants.NFTA_SET_ELEM_KEY);
            if (KeyEnd is { } keyEnd)
                NftData.FromValue(keyEnd).Write(writer, NfTablesConstants.NFTA_SET_ELEM_KEY_END);
            Data?.Write(writer, NfTablesConstants.NFTA_SET_ELEM_DATA);
            if (Comment is { } comment)
                writer.PutAttribute(NfTablesConstants.NFTA_SET_ELEM_USERDATA, NftUserData.String(NftUserDataTypes.NFTNL_UDATA_SET_ELEM_COMMENT, comment));
        }
    }

    internal static NftSetElement Read(ReadOnlySpan<byte> nest)
    {
        byte[]? key = null, keyEnd = null, userData = null;
        NftData? data = null;
        uint flags = 0;
        ulong? timeout = null, expiration = null;
        string? comment = null;
        var reader = new NetlinkAttributeReader(nest);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            switch (type)
            {
                case NfTablesConstants.NFTA_SET_ELEM_KEY: key = ReadValue(value, "NFTA_SET_ELEM_KEY"); break;
                case NfTablesConstants.NFTA_SET_ELEM_KEY_END: keyEnd = ReadValue(value, "NFTA_SET_ELEM_KEY_END"); break;
                case NfTablesConstants.NFTA_SET_ELEM_DATA: data = NftData.Read(value); break;
                case NfTablesConstants.NFTA_SET_ELEM_FLAGS: flags = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_SET_ELEM_TIMEOUT: timeout = NftWire.ReadBE64(value); break;
                case NfTablesConstants.NFTA_SET_ELEM_EXPIRATION: expiration = NftWire.ReadBE64(value); break;
                case NfTablesConstants.NFTA_SET_ELEM_USERDATA:
                    userData = value.ToArray();
                    comment = NftUserData.FindString(value, NftUserDataTypes.NFTNL_UDATA_SET_ELEM_COMMENT);
                    break;
            }
        }
        // A catch-all element (NFT_SET_ELEM_CATCHALL) has no key; give it an empty one.
        return new NftSetElement
        {
            Key = key ?? [], KeyEnd = keyEnd, Data = data, Flags = flags, TimeoutMilliseconds = timeout,
            ExpirationMilliseconds = expiration, Comment = comment, UserData = userData,
        };
    }

    /// <summary>Bytes this element takes in a message, so that long lists can be split before nla_len (u16) overflows.</summary>
    internal int EncodedSize()
    {
        static int Attribute(int valueLength) => NetlinkConstants.Align(NetlinkConstants.NLA_HDRLEN + valueLength);
        static int Value(int length) => Attribute(Attribute(length));
        int size = NetlinkConstants.NLA_HDRLEN + Value(Key.Length);
        if (Flags != 0)
            size += Attribute(4);
        if (TimeoutMilliseconds is not null)
            size += Attribute(8);
        if (KeyEnd is { } keyEnd)
            size += Value(keyEnd.Length);
        if (Data is { Value: { } value })
            size += Value(value.Length);
        else if (Data is { Verdict: { } verdict })
            size += Attribute(Attribute(Attribute(4) + (verdict.Chain is { } chain ? Attribute(System.Text.Encoding.UTF8.GetByteCount(chain) + 1) : 0)));
        if (Comment is { } comment)
            size += Attribute(2 + System.Text.Encoding.UTF8.GetByteCount(comment) + 1);
        return size;
    }

    private static byte[] ReadValue(ReadOnlySpan<byte> nest, string attribute) =>
        NftData.Read(nest).Value ?? throw new NetlinkFormatException($"{attribute} holds a verdict, not a value.");
}
