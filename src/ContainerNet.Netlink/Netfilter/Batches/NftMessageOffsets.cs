using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Batches;

/// <summary>
/// Maps an extack offset back into a message we sent: which child of a top-level list attribute
/// (an element of NFTA_SET_ELEM_LIST_ELEMENTS, an expression of NFTA_RULE_EXPRESSIONS) holds it.
/// </summary>
public static class NftMessageOffsets
{
    /// <summary>The index of the child of list attribute <paramref name="listType"/> that contains offset, or -1.</summary>
    public static int ChildIndexAt(ReadOnlySpan<byte> message, ushort listType, int offset)
    {
        int start = NetlinkMessageHeader.Size + NfGenMessage.Size;
        if (offset < start || offset >= message.Length)
            return -1;
        var attributes = new NetlinkAttributeReader(message[start..]);
        int position = start;
        while (attributes.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            int attributeStart = position;
            position += NetlinkConstants.Align(NetlinkConstants.NLA_HDRLEN + value.Length);
            if (type != listType || offset < attributeStart || offset >= position)
                continue;
            var children = new NetlinkAttributeReader(value);
            int childPosition = attributeStart + NetlinkConstants.NLA_HDRLEN;
            for (int index = 0; children.TryRead(out _, out ReadOnlySpan<byte> child); index++)
            {
                int childEnd = childPosition + NetlinkConstants.Align(NetlinkConstants.NLA_HDRLEN + child.Length);
                if (offset >= childPosition && offset < childEnd)
                    return index;
                childPosition = childEnd;
            }
        }
        return -1;
    }
}
