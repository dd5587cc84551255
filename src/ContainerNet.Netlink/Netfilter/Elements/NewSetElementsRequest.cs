using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter.Batches;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Elements;

/// <summary>
/// NFT_MSG_NEWSETELEM, as nft 1.0.6 sends `add element inet containernet ports { tcp . 8080 : 10.88.0.2 . 80 }`:
/// nlmsghdr (NLM_F_REQUEST|NLM_F_CREATE), nfgenmsg, NFTA_SET_ELEM_LIST_TABLE, NFTA_SET_ELEM_LIST_SET,
/// [NFTA_SET_ELEM_LIST_SET_ID] (nft always sends the id it gave the set), NFTA_SET_ELEM_LIST_ELEMENTS.
/// Adding an element that exists with the same data is a no-op; with other data (a port already
/// published elsewhere) the kernel answers EEXIST. Exclusive adds NLM_F_EXCL (nft's `create element`):
/// EEXIST for any element that exists. An element list is limited by nla_len (u16); NftBatch.AddElements
/// splits long lists into several messages.
/// </summary>
public sealed class NewSetElementsRequest : INftBatchMessage
{
    public required NftFamily Family { get; init; }
    public required string Table { get; init; }
    public required string Set { get; init; }
    public uint? SetId { get; init; }
    public required IReadOnlyList<NftSetElement> Elements { get; init; }
    public bool Exclusive { get; init; }

    public string Describe() => SetElementsMessage.Describe("add", Family, Table, Set, Elements);

    public string? DescribeOffset(ReadOnlySpan<byte> message, int offset) =>
        SetElementsMessage.DescribeOffset(message, offset, "add", Family, Table, Set, Elements);

    public void Encode(NetlinkMessageWriter writer, uint sequence, ushort extraFlags)
    {
        ushort flags = (ushort)(NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_CREATE | extraFlags
            | (Exclusive ? NetlinkConstants.NLM_F_EXCL : 0));
        SetElementsMessage.Encode(writer, NfTablesConstants.NFT_MSG_NEWSETELEM, flags, sequence, Family, Table, Set, SetId, Elements);
    }
}
