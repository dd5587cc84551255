using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter.Batches;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Elements;

/// <summary>
/// NFT_MSG_DELSETELEM, as nft sends `delete element inet containernet ports { tcp . 8080 }`: nlmsghdr
/// (NLM_F_REQUEST), nfgenmsg, NFTA_SET_ELEM_LIST_TABLE, NFTA_SET_ELEM_LIST_SET, NFTA_SET_ELEM_LIST_ELEMENTS
/// with the keys (data is not needed). A missing element is ENOENT.
/// </summary>
public sealed class DeleteSetElementsRequest : INftBatchMessage
{
    public required NftFamily Family { get; init; }
    public required string Table { get; init; }
    public required string Set { get; init; }
    public uint? SetId { get; init; }
    public required IReadOnlyList<NftSetElement> Elements { get; init; }

    public string Describe() => SetElementsMessage.Describe("delete", Family, Table, Set, Elements);

    public string? DescribeOffset(ReadOnlySpan<byte> message, int offset) =>
        SetElementsMessage.DescribeOffset(message, offset, "delete", Family, Table, Set, Elements);

    public void Encode(NetlinkMessageWriter writer, uint sequence, ushort extraFlags) =>
        SetElementsMessage.Encode(writer, NfTablesConstants.NFT_MSG_DELSETELEM, (ushort)(NetlinkConstants.NLM_F_REQUEST | extraFlags),
            sequence, Family, Table, Set, SetId, Elements);
}
