using System.Buffers.Binary;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Transport;

/// <summary>
/// Decoded NLMSG_ERROR (struct nlmsgerr): int error (0 = ack, else -errno), the original request's
/// header, its payload unless NLM_F_CAPPED, then NLMSGERR_ATTR_* TLVs when NLM_F_ACK_TLVS is set.
/// </summary>
public readonly record struct NetlinkErrorMessage(int Error, NetlinkMessageHeader Request, string? KernelMessage)
{
    public bool IsAck => Error == 0;

    public static NetlinkErrorMessage Decode(NetlinkMessageHeader header, ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 4 + NetlinkMessageHeader.Size)
            throw new NetlinkFormatException($"NLMSG_ERROR payload of {payload.Length} bytes is shorter than struct nlmsgerr.");
        int error = BinaryPrimitives.ReadInt32LittleEndian(payload);
        var request = NetlinkMessageHeader.Read(payload[4..]);
        string? kernelMessage = null;
        if (header.HasFlag(NetlinkConstants.NLM_F_ACK_TLVS))
        {
            long tlvStart = 4 + NetlinkMessageHeader.Size;
            // Uncapped, the TLVs follow the echoed request, whose nlmsg_len is untrusted input: aligned
            // in long arithmetic, a huge value lands past the payload instead of wrapping negative.
            if (!header.HasFlag(NetlinkConstants.NLM_F_CAPPED))
                tlvStart = 4 + ((Math.Max(request.Length, (uint)NetlinkMessageHeader.Size) + 3L) & ~3L);
            if (tlvStart <= payload.Length)
                kernelMessage = ReadKernelMessage(payload[(int)tlvStart..]);
        }
        return new NetlinkErrorMessage(error, request, kernelMessage);
    }

    /// <summary>NLMSG_DONE of a dump carries an int error, and TLVs after it when NLM_F_ACK_TLVS is set.</summary>
    public static NetlinkErrorMessage DecodeDone(NetlinkMessageHeader header, ReadOnlySpan<byte> payload)
    {
        int error = payload.Length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(payload) : 0;
        string? kernelMessage = header.HasFlag(NetlinkConstants.NLM_F_ACK_TLVS) && payload.Length > 4
            ? ReadKernelMessage(payload[4..])
            : null;
        return new NetlinkErrorMessage(error, header, kernelMessage);
    }

    private static string? ReadKernelMessage(ReadOnlySpan<byte> tlvs)
    {
        var reader = new NetlinkAttributeReader(tlvs);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            if (type == NetlinkConstants.NLMSGERR_ATTR_MSG)
                return NetlinkAttributeReader.ReadString(value);
        }
        return null;
    }
}
