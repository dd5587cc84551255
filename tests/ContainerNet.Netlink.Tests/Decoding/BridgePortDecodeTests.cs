using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Route;
using ContainerNet.Netlink.Route.Links;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Tests.Decoding;

/// <summary>
/// Bridge port options from IFLA_LINKINFO/IFLA_INFO_SLAVE_DATA of real RTM_NEWLINK replies:
/// Fixtures/link-vweb-port*.hex (capture-routes.sh, after `ip link set vweb type bridge_slave isolated on
/// hairpin on learning off`) and link-vweb.hex (capture.sh, a port with the bridge's defaults).
/// </summary>
public sealed class BridgePortDecodeTests
{
    [Fact]
    public void Isolated_hairpin_port_without_learning()
    {
        var link = DecodeSingle("link-vweb-port.hex");

        Assert.Equal(3, link.Index);
        Assert.Equal("vweb", link.Name);
        Assert.Equal("veth", link.Kind);
        Assert.Equal("bridge", link.SlaveKind);
        Assert.Equal(2, link.MasterIndex);
        Assert.Equal(new BridgePortInfo
        {
            State = BridgeConstants.BR_STATE_FORWARDING, Isolated = true, Hairpin = true, Learning = false,
        }, link.BridgePort);
    }

    [Fact]
    public void Port_with_the_bridges_defaults_learns_and_is_neither_isolated_nor_hairpin()
    {
        var link = DecodeSingle("link-vweb.hex");

        Assert.Equal("bridge", link.SlaveKind);
        Assert.Equal(new BridgePortInfo
        {
            State = BridgeConstants.BR_STATE_FORWARDING, Isolated = false, Hairpin = false, Learning = true,
        }, link.BridgePort);
    }

    [Fact]
    public void Reply_without_statistics_has_the_same_port_options()
    {
        // link-vweb-port-lookup.hex answers GetLinkRequest.ByName's exact bytes (RTEXT_FILTER_SKIP_STATS).
        var full = DecodeSingle("link-vweb-port.hex");
        var lean = DecodeSingle("link-vweb-port-lookup.hex");

        Assert.Equal(full.BridgePort, lean.BridgePort);
        Assert.Equal(full with { MacAddress = null }, lean with { MacAddress = null });
    }

    [Fact]
    public void Slave_data_decodes_on_its_own_to_what_the_link_carries()
    {
        byte[] payload = Fixture.Load("link-vweb-port.hex")[NetlinkMessageHeader.Size..];
        byte[] slaveData = AttributePath.Value(payload, IfInfoMessage.Size, IfLinkConstants.IFLA_LINKINFO, IfLinkConstants.IFLA_INFO_SLAVE_DATA);

        Assert.Equal(LinkMessage.Decode(payload).BridgePort, BridgePortInfo.Decode(slaveData));
    }

    [Theory]
    [InlineData("link-cn0.hex")]   // the bridge itself
    [InlineData("own-dump-1.hex")] // lo first: no master at all
    public void Links_that_are_not_bridge_ports_have_no_port_options(string fixture) =>
        Assert.Null(DecodeFirst(fixture).BridgePort);

    [Fact]
    public void Every_port_in_a_dump_has_options_and_no_other_link_has()
    {
        // link-dump-1.hex: vweb and vg are ports of cn0.
        var reader = new NetlinkMessageReader(Fixture.Load("link-dump-1.hex"));
        var ports = new List<string>();
        while (reader.TryRead(out _, out ReadOnlySpan<byte> payload))
        {
            var link = LinkMessage.Decode(payload);
            Assert.Equal(link.SlaveKind == "bridge", link.BridgePort is not null);
            if (link.BridgePort is not null)
                ports.Add(link.Name);
        }
        Assert.Equal(["vweb", "vg"], ports);
    }

    private static LinkMessage DecodeFirst(string fixture)
    {
        var reader = new NetlinkMessageReader(Fixture.Load(fixture));
        Assert.True(reader.TryRead(out NetlinkMessageHeader header, out ReadOnlySpan<byte> payload));
        Assert.Equal(RtnetlinkConstants.RTM_NEWLINK, header.Type);
        return LinkMessage.Decode(payload);
    }

    private static LinkMessage DecodeSingle(string fixture)
    {
        var reader = new NetlinkMessageReader(Fixture.Load(fixture));
        Assert.True(reader.TryRead(out NetlinkMessageHeader header, out ReadOnlySpan<byte> payload));
        Assert.Equal(RtnetlinkConstants.RTM_NEWLINK, header.Type);
        var link = LinkMessage.Decode(payload);
        Assert.False(reader.TryRead(out _, out _));
        return link;
    }
}
