using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Batches;

/// <summary>
/// One nf_tables change that travels inside a batch (NEW*/DEL* of tables, chains, sets, elements, rules).
/// Each message class writes the same bytes as nft 1.0.6 for the same object, flags included; the batch
/// adds NLM_F_ACK on top.
/// </summary>
public interface INftBatchMessage
{
    /// <summary>What the message changes, as a person names it: "set 'ports' of table inet containernet".</summary>
    string Describe();

    /// <summary>Writes the whole message (nlmsghdr, nfgenmsg, attributes) with the extra header flags given.</summary>
    void Encode(NetlinkMessageWriter writer, uint sequence, ushort extraFlags);

    /// <summary>
    /// Names the part of the message that starts at <paramref name="offset"/> (NLMSGERR_ATTR_OFFS of the
    /// kernel's error, counted from the nlmsghdr), e.g. one element of a list; null when that says no
    /// more than <see cref="Describe"/>.
    /// </summary>
    string? DescribeOffset(ReadOnlySpan<byte> message, int offset) => null;
}
