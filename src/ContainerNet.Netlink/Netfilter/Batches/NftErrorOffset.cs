using System.Buffers.Binary;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Batches;

/// <summary>
/// NLMSGERR_ATTR_OFFS of an NLMSG_ERROR: the offset, from the failing request's nlmsghdr, of the attribute
/// the kernel blamed (nf_tables sets it for the element or expression it refused). The TLVs follow
/// struct nlmsgerr and, unless NLM_F_CAPPED, the whole echoed request.
/// </summary>
public static class NftErrorOffset
{
    public static int? Read(in NetlinkMessageHeader header, ReadOnlySpan<byte> payload)
    {
        if (!header.HasFlag(NetlinkConstants.NLM_F_ACK_TLVS) || payload.Length < 4 + NetlinkMessageHeader.Size)
            return null;
        long start = 4 + NetlinkMessageHeader.Size;
        if (!header.HasFlag(NetlinkConstants.NLM_F_CAPPED))
        {
            uint requestLength = BinaryPrimitives.ReadUInt32LittleEndian(payload[4..]);
            start = 4 + ((Math.Max(requestLength, (uint)NetlinkMessageHeader.Size) + 3L) & ~3L);
        }
        if (start > payload.Length)
            return null;
        var reader = new NetlinkAttributeReader(payload[(int)start..]);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            if (type == NetlinkConstants.NLMSGERR_ATTR_OFFS && value.Length >= 4)
            {
                uint offset = BinaryPrimitives.ReadUInt32LittleEndian(value);
                return offset <= int.MaxValue ? (int)offset : null;
            }
        }
        return null;
    }
}
