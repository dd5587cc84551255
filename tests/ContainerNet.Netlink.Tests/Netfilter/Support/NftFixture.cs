using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Tests.Netfilter.Support;

/// <summary>The nf_tables kernel replies of Fixtures/nft-*.hex (capture-nftables.sh), message by message.</summary>
internal static class NftFixture
{
    /// <summary>Every message of the fixture, header and payload.</summary>
    public static List<(NetlinkMessageHeader Header, byte[] Payload)> Messages(string name)
    {
        byte[] bytes = Fixture.Load(name);
        var messages = new List<(NetlinkMessageHeader, byte[])>();
        var reader = new NetlinkMessageReader(bytes);
        while (reader.TryRead(out NetlinkMessageHeader header, out ReadOnlySpan<byte> payload))
            messages.Add((header, payload.ToArray()));
        return messages;
    }

    /// <summary>The fixture's messages through a decoder, as NetlinkConnection.QueryAll would run it.</summary>
    public static List<T> Decode<T>(string name, NetlinkDecoder<T> decode) =>
        Messages(name).Select(m => decode(m.Header, m.Payload)).OfType<T>().ToList();

    /// <summary>One datagram per message: how the kernel delivers acks and errors (each netlink_ack is its own skb).</summary>
    public static byte[][] PerMessage(string name)
    {
        byte[] bytes = Fixture.Load(name);
        var datagrams = new List<byte[]>();
        int offset = 0;
        var reader = new NetlinkMessageReader(bytes);
        while (reader.TryRead(out NetlinkMessageHeader header, out _))
        {
            int length = NetlinkConstants.Align((int)header.Length);
            datagrams.Add(bytes[offset..Math.Min(offset + length, bytes.Length)]);
            offset += length;
        }
        return datagrams.ToArray();
    }
}
