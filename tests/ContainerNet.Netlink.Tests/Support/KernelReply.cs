using System.Buffers.Binary;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Tests.Support;

/// <summary>
/// Replies in the kernel's own layout, for the scenarios no capture shows (out-of-order acks, stale
/// sequence numbers, interrupted dumps). KernelReplyTests holds these builders to the captured bytes.
/// </summary>
internal static class KernelReply
{
    /// <summary>nlmsg_pid of the replies in Fixtures/own-*.hex and *-capped.hex (the capture's socket).</summary>
    public const uint CapturePortId = 7378;

    public static byte[] Ack(ReadOnlySpan<byte> request, uint portId = CapturePortId) => Error(request, 0, null, portId);

    /// <summary>
    /// NLMSG_ERROR as netlink_ack() builds it for a socket with NETLINK_CAP_ACK: struct nlmsgerr with only
    /// the request's nlmsghdr (NLM_F_CAPPED), then NLMSGERR_ATTR_MSG when there is extack text
    /// (NLM_F_ACK_TLVS). errno 0 makes an ack.
    /// </summary>
    public static byte[] Error(ReadOnlySpan<byte> request, int errno, string? extack = null, uint portId = CapturePortId)
    {
        var header = NetlinkMessageHeader.Read(request);
        ushort flags = NetlinkConstants.NLM_F_CAPPED;
        if (extack is not null)
            flags |= NetlinkConstants.NLM_F_ACK_TLVS;
        var writer = new NetlinkMessageWriter(128);
        using (writer.BeginMessage(NetlinkConstants.NLMSG_ERROR, flags, header.Sequence))
        {
            Span<byte> nlmsgerr = writer.ReserveFixed(4 + NetlinkMessageHeader.Size);
            BinaryPrimitives.WriteInt32LittleEndian(nlmsgerr, -errno);
            request[..NetlinkMessageHeader.Size].CopyTo(nlmsgerr[4..]);
            if (extack is not null)
                writer.PutString(NetlinkConstants.NLMSGERR_ATTR_MSG, extack);
        }
        byte[] reply = writer.WrittenSpan.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(reply.AsSpan(12), portId);
        return reply;
    }

    /// <summary>Several messages in one datagram (each message is already padded to 4 bytes).</summary>
    public static byte[] Datagram(params byte[][] messages) => messages.SelectMany(m => m).ToArray();

    /// <summary>A copy of the datagram with every message's nlmsg_seq replaced.</summary>
    public static byte[] Resequence(byte[] datagram, uint sequence) =>
        Rewrite(datagram, message => BinaryPrimitives.WriteUInt32LittleEndian(message[8..], sequence));

    /// <summary>A copy of the datagram with flags added to the messages of the given type.</summary>
    public static byte[] AddFlags(byte[] datagram, ushort messageType, ushort flags) =>
        Rewrite(datagram, message =>
        {
            if (BinaryPrimitives.ReadUInt16LittleEndian(message[4..]) == messageType)
                BinaryPrimitives.WriteUInt16LittleEndian(message[6..], (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(message[6..]) | flags));
        });

    private delegate void MessageRewriter(Span<byte> message);

    private static byte[] Rewrite(byte[] datagram, MessageRewriter rewrite)
    {
        byte[] copy = (byte[])datagram.Clone();
        int offset = 0;
        while (offset + NetlinkMessageHeader.Size <= copy.Length)
        {
            int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(offset));
            rewrite(copy.AsSpan(offset, length));
            offset += NetlinkConstants.Align(length);
        }
        return copy;
    }
}
