using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Route.Links;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Tests.Decoding;

/// <summary>
/// LinkMessage.Decode on real RTM_NEWLINK replies (Fixtures/link-*.hex, captured by capture.sh in a
/// sandbox whose vweb is a veth enslaved to bridge cn0, with its peer eth0 in netns 'web').
/// </summary>
public sealed class LinkMessageDecodeTests
{
    [Fact]
    public void Veth_port_of_a_bridge_with_its_peer_in_another_namespace()
    {
        var (header, link) = DecodeSingle("link-vweb.hex");

        Assert.Equal(RtnetlinkConstants.RTM_NEWLINK, header.Type);
        Assert.Equal(1795556908u, header.Sequence);
        Assert.Equal(3, link.Index);
        Assert.Equal("vweb", link.Name);
        Assert.Equal(InterfaceFlags.ARPHRD_ETHER, link.HardwareType);
        Assert.True(link.IsUp);
        Assert.Equal(InterfaceFlags.IFF_UP | InterfaceFlags.IFF_BROADCAST | InterfaceFlags.IFF_RUNNING
            | InterfaceFlags.IFF_MULTICAST | InterfaceFlags.IFF_LOWER_UP, link.Flags);
        Assert.Equal(1400, link.Mtu);
        Assert.Equal(68, link.MinMtu);
        Assert.Equal(65535, link.MaxMtu);
        Assert.Equal(new byte[] { 0x02, 0x42, 0xac, 0x11, 0x00, 0x02 }, link.MacAddress);
        Assert.Equal(2, link.MasterIndex);
        Assert.Equal(InterfaceFlags.IF_OPER_UP, link.OperState);
        Assert.Equal("veth", link.Kind);
        Assert.Equal("bridge", link.SlaveKind);
        Assert.Equal(2, link.LinkIndex);      // eth0's index inside 'web'
        Assert.Equal(0, link.LinkNetnsId);   // 'web' as seen from the sandbox
        Assert.Equal(0u, link.Group);
    }

    [Fact]
    public void Reply_without_statistics_decodes_to_the_same_link()
    {
        // link-vweb-lookup.hex answers GetLinkRequest.ByName's exact bytes (RTEXT_FILTER_SKIP_STATS):
        // 1476 bytes of payload instead of 1844, same facts.
        var (_, full) = DecodeSingle("link-vweb.hex");
        var (_, lean) = DecodeSingle("link-vweb-lookup.hex");

        Assert.Equal(full with { MacAddress = null }, lean with { MacAddress = null });
        Assert.Equal(full.MacAddress, lean.MacAddress);
    }

    [Fact]
    public void Bridge_has_kind_bridge_and_no_master_or_peer()
    {
        var (_, link) = DecodeSingle("link-cn0.hex");

        Assert.Equal(2, link.Index);
        Assert.Equal("cn0", link.Name);
        Assert.Equal("bridge", link.Kind);
        Assert.Null(link.SlaveKind);
        Assert.Null(link.MasterIndex);
        Assert.Null(link.LinkIndex);
        Assert.Null(link.LinkNetnsId);
        Assert.Equal(1400, link.Mtu); // a bridge takes the smallest MTU of its ports
        Assert.Equal(InterfaceFlags.IF_OPER_UP, link.OperState);
        Assert.True(link.IsUp);
    }

    private static (NetlinkMessageHeader Header, LinkMessage Link) DecodeSingle(string fixture)
    {
        byte[] datagram = Fixture.Load(fixture);
        var reader = new NetlinkMessageReader(datagram);
        Assert.True(reader.TryRead(out NetlinkMessageHeader header, out ReadOnlySpan<byte> payload));
        var link = LinkMessage.Decode(payload);
        Assert.False(reader.TryRead(out _, out _));
        return (header, link);
    }
}
