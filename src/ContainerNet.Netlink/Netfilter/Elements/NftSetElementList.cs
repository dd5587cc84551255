using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Elements;

/// <summary>
/// One NFT_MSG_NEWSETELEM reply of a GETSETELEM dump: NFTA_SET_ELEM_LIST_TABLE, NFTA_SET_ELEM_LIST_SET and
/// NFTA_SET_ELEM_LIST_ELEMENTS with the elements it carries. A dump of a large set comes in several of
/// these, and the kernel ends every dump with one whose element list is empty.
/// </summary>
public sealed record NftSetElementList
{
    public required NftFamily Family { get; init; }
    public required string Table { get; init; }
    public required string Set { get; init; }
    public required IReadOnlyList<NftSetElement> Elements { get; init; }

    public static NftSetElementList? FromMessage(in NetlinkMessageHeader header, ReadOnlySpan<byte> payload) =>
        header.Type == NftMessage.Type(NfTablesConstants.NFT_MSG_NEWSETELEM) ? Decode(payload) : null;

    public static NftSetElementList Decode(ReadOnlySpan<byte> payload)
    {
        var family = NfGenMessage.Read(payload).Family;
        string? table = null, set = null;
        var elements = new List<NftSetElement>();
        var reader = NftMessage.Attributes(payload);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            switch (type)
            {
                case NfTablesConstants.NFTA_SET_ELEM_LIST_TABLE: table = NftWire.ReadString(value); break;
                case NfTablesConstants.NFTA_SET_ELEM_LIST_SET: set = NftWire.ReadString(value); break;
                case NfTablesConstants.NFTA_SET_ELEM_LIST_ELEMENTS:
                    var list = new NetlinkAttributeReader(value);
                    while (list.TryRead(out _, out ReadOnlySpan<byte> element))
                        elements.Add(NftSetElement.Read(element));
                    break;
            }
        }
        return new NftSetElementList
        {
            Family = family,
            Table = table ?? throw new NetlinkFormatException("A set element message has no NFTA_SET_ELEM_LIST_TABLE."),
            Set = set ?? throw new NetlinkFormatException("A set element message has no NFTA_SET_ELEM_LIST_SET."),
            Elements = elements,
        };
    }
}
