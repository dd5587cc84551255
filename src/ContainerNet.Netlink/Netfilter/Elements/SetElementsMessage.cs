using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Elements;

/// <summary>
/// The layout NEWSETELEM and DELSETELEM share: nfgenmsg, NFTA_SET_ELEM_LIST_TABLE, NFTA_SET_ELEM_LIST_SET,
/// [NFTA_SET_ELEM_LIST_SET_ID], NFTA_SET_ELEM_LIST_ELEMENTS (nested) { one nest per element }.
/// </summary>
internal static class SetElementsMessage
{
    public static void Encode(NetlinkMessageWriter writer, byte operation, ushort flags, uint sequence, NftFamily family,
        string table, string set, uint? setId, IReadOnlyList<NftSetElement> elements)
    {
        using (NftMessage.Begin(writer, operation, flags, sequence, family))
        {
            writer.PutString(NfTablesConstants.NFTA_SET_ELEM_LIST_TABLE, table);
            writer.PutString(NfTablesConstants.NFTA_SET_ELEM_LIST_SET, set);
            if (setId is { } id)
                writer.PutBE32(NfTablesConstants.NFTA_SET_ELEM_LIST_SET_ID, id);
            using (writer.NestFlagged(NfTablesConstants.NFTA_SET_ELEM_LIST_ELEMENTS))
            {
                for (int i = 0; i < elements.Count; i++)
                    elements[i].Write(writer, i);
            }
        }
    }

    public static string Describe(string verb, NftFamily family, string table, string set, IReadOnlyList<NftSetElement> elements) =>
        elements.Count == 1
            ? $"{verb} set element {elements[0].Describe()} of set '{set}' of table {family.ToNftName()} {table}"
            : $"{verb} {elements.Count} elements of set '{set}' of table {family.ToNftName()} {table}";

    public static string? DescribeOffset(ReadOnlySpan<byte> message, int offset, string verb, NftFamily family, string table, string set,
        IReadOnlyList<NftSetElement> elements)
    {
        int index = Batches.NftMessageOffsets.ChildIndexAt(message, NfTablesConstants.NFTA_SET_ELEM_LIST_ELEMENTS, offset);
        return index >= 0 && index < elements.Count
            ? $"{verb} set element {elements[index].Describe()} (element {index + 1} of {elements.Count}) of set '{set}' of table {family.ToNftName()} {table}"
            : null;
    }
}
