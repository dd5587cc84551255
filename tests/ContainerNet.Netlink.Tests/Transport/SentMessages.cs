using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Tests.Transport;

/// <summary>Splits a sent datagram back into its messages, to check what a batch carried.</summary>
internal static class SentMessages
{
    public static List<(NetlinkMessageHeader Header, byte[] Bytes)> Split(byte[] datagram)
    {
        var messages = new List<(NetlinkMessageHeader, byte[])>();
        var reader = new NetlinkMessageReader(datagram);
        int offset = 0;
        while (reader.TryRead(out NetlinkMessageHeader header, out _))
        {
            messages.Add((header, datagram.AsSpan(offset, (int)header.Length).ToArray()));
            offset += NetlinkConstants.Align((int)header.Length);
        }
        return messages;
    }
}
