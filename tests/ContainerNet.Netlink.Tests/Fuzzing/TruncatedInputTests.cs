using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Route.Links;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Tests.Fuzzing;

/// <summary>Every prefix of every captured kernel reply: a cut datagram is refused, never misread.</summary>
public sealed class TruncatedInputTests
{
    public static TheoryData<string> Fixtures() => new(Fixture.All());

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_prefix_decodes_only_when_it_ends_on_a_message_boundary(string fixture)
    {
        byte[] datagram = Fixture.Load(fixture);
        var boundaries = MessageBoundaries(datagram);

        DecoderHarness.WithinTimeLimit(() =>
        {
            for (int length = 0; length < datagram.Length; length++)
            {
                byte[] prefix = datagram[..length];
                if (boundaries.Contains(length))
                {
                    Assert.Equal(boundaries.IndexOf(length), DecoderHarness.DecodeDatagram(prefix));
                }
                else
                {
                    // DecodeDatagram only walks the prefix: the reader itself must see the cut.
                    Assert.Throws<NetlinkFormatException>(() => DecoderHarness.DecodeDatagram(prefix));
                }
            }
        });
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_prefix_of_a_payload_decodes_or_is_refused(string fixture)
    {
        byte[] datagram = Fixture.Load(fixture);
        int length = (int)NetlinkMessageHeader.Read(datagram).Length;
        byte[] payload = datagram[NetlinkMessageHeader.Size..length];

        DecoderHarness.WithinTimeLimit(() =>
        {
            for (int cut = 0; cut <= payload.Length; cut++)
                DecoderHarness.DecodePayload(payload[..cut]);
        });
    }

    [Fact]
    public void A_link_payload_cut_inside_an_attribute_is_refused()
    {
        byte[] datagram = Fixture.Load("link-vweb.hex");
        byte[] payload = datagram[NetlinkMessageHeader.Size..];

        // 16 (ifinfomsg) + IFLA_IFNAME "vweb\0" (nla_len 9, padded 12): cut after 6 of its 9 bytes.
        Assert.Throws<NetlinkFormatException>(() => LinkMessage.Decode(payload[..(16 + 6)]));
        Assert.Throws<NetlinkFormatException>(() => LinkMessage.Decode(payload[..15]));
    }

    /// <summary>0 and the end of each message (padding included): the prefix lengths that are whole datagrams.</summary>
    private static List<int> MessageBoundaries(byte[] datagram)
    {
        var boundaries = new List<int> { 0 };
        var reader = new NetlinkMessageReader(datagram);
        int end = 0;
        while (reader.TryRead(out NetlinkMessageHeader header, out _))
        {
            end += NetlinkConstants.Align((int)header.Length);
            boundaries.Add(end);
        }
        return boundaries;
    }
}
