using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Route;
using ContainerNet.Netlink.Route.Addresses;
using ContainerNet.Netlink.Route.Links;
using ContainerNet.Netlink.Route.Routes;
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

    [Fact]
    public void Address_and_route_payloads_cut_inside_their_header_or_an_attribute_are_refused()
    {
        byte[] address = Fixture.FirstPayload("addr-dump-4.hex");
        byte[] route = Fixture.FirstPayload("route-dump-4.hex");

        // ifaddrmsg is 8 bytes, rtmsg 12; the first attribute of each is 8 bytes long.
        Assert.Throws<NetlinkFormatException>(() => AddressMessage.Decode(address[..(IfAddrMessage.Size - 1)]));
        Assert.Throws<NetlinkFormatException>(() => AddressMessage.Decode(address[..(IfAddrMessage.Size + 6)]));
        Assert.Throws<NetlinkFormatException>(() => RouteMessage.Decode(route[..(RtMessage.Size - 1)]));
        Assert.Throws<NetlinkFormatException>(() => RouteMessage.Decode(route[..(RtMessage.Size + 6)]));
        // On an attribute boundary a prefix is a shorter, valid message.
        Assert.Equal(RouteConstants.RT_TABLE_MAIN, RouteMessage.Decode(route[..(RtMessage.Size + 8)]).Table);
    }

    [Fact]
    public void Every_prefix_of_bridge_port_slave_data_decodes_or_is_refused()
    {
        byte[] payload = Fixture.Load("link-vweb-port.hex")[NetlinkMessageHeader.Size..];
        byte[] slaveData = AttributePath.Value(payload, IfInfoMessage.Size, IfLinkConstants.IFLA_LINKINFO, IfLinkConstants.IFLA_INFO_SLAVE_DATA);

        DecoderHarness.WithinTimeLimit(() =>
        {
            for (int cut = 0; cut <= slaveData.Length; cut++)
                DecoderHarness.Expect(slaveData[..cut], "BridgePortInfo.Decode", p => BridgePortInfo.Decode(p));
        });
        // IFLA_BRPORT_STATE (nla_len 5) comes first: cut inside its header or value.
        Assert.Throws<NetlinkFormatException>(() => BridgePortInfo.Decode(slaveData[..3]));
        Assert.Throws<NetlinkFormatException>(() => BridgePortInfo.Decode(slaveData[..4]));
        Assert.Equal(BridgeConstants.BR_STATE_FORWARDING, BridgePortInfo.Decode(slaveData[..5]).State);
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
