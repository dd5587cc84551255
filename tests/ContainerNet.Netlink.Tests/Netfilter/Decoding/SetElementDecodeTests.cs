using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter;
using ContainerNet.Netlink.Netfilter.Data;
using ContainerNet.Netlink.Netfilter.Elements;
using ContainerNet.Netlink.Tests.Netfilter.Support;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Tests.Transport;
using ContainerNet.Netlink.Transport;
using static ContainerNet.Netlink.Tests.Netfilter.Support.NftBytes;

namespace ContainerNet.Netlink.Tests.Netfilter.Decoding;

/// <summary>
/// NftSetElementList.Decode on the kernel's replies to our element dumps (Fixtures/nft-setelem-dump-*.hex):
/// each is the elements, a second message with an empty list, NLMSG_DONE. Hash sets come back in the
/// kernel's order, not the order they were added.
/// </summary>
public sealed class SetElementDecodeTests
{
    private static List<NftSetElement> Elements(string set)
    {
        var lists = NftFixture.Decode($"nft-setelem-dump-{set}.hex", NftSetElementList.FromMessage);
        Assert.Equal(2, lists.Count);
        Assert.Empty(lists[1].Elements);
        Assert.All(lists, l => Assert.Equal((NftFamily.Inet, "containernet", set), (l.Family, l.Table, l.Set)));
        return lists.SelectMany(l => l.Elements).ToList();
    }

    private static string Hexes(IEnumerable<byte[]> keys) => string.Join(",", keys.Select(k => Hex.Format(k)).Order());

    [Fact]
    public void Addresses_and_an_element_comment()
    {
        var hosts = Elements("hosts");

        Assert.Equal(Hexes([IPv4(10, 88, 0, 2), IPv4(10, 88, 0, 3), IPv4(10, 88, 0, 4), IPv4(10, 88, 0, 5)]), Hexes(hosts.Select(e => e.Key)));
        Assert.Equal("web", hosts.Single(e => e.Key.AsSpan().SequenceEqual(IPv4(10, 88, 0, 4))).Comment);
        Assert.All(hosts, e => Assert.Null(e.Data));
    }

    [Fact]
    public void An_interval_set_reads_back_as_start_and_end_elements()
    {
        var subnets = Elements("subnets");

        // Highest first, as the rbtree walks: 10.91/end, 10.90, 10.89/end, 10.88, 0.0.0.0/end.
        Assert.Equal(["0a5b0000 end", "0a5a0000", "0a590000 end", "0a580000", "00000000 end"],
            subnets.Select(e => Hex.Format(e.Key) + (e.IsIntervalEnd ? " end" : "")));
    }

    [Fact]
    public void Map_elements_carry_their_data()
    {
        var ports = Elements("ports");

        var tcp = ports.Single(e => e.Key.AsSpan().SequenceEqual(Concat(Protocol(6), Port(8080))));
        Assert.Equal(NftData.FromValue(Concat(IPv4(10, 88, 0, 2), Port(80))), tcp.Data);
        var udp = ports.Single(e => e.Key.AsSpan().SequenceEqual(Concat(Protocol(17), Port(5353))));
        Assert.Equal(NftData.FromValue(Concat(IPv4(10, 88, 0, 3), Port(53))), udp.Data);
    }

    [Fact]
    public void Verdict_map_elements_carry_the_jump()
    {
        var element = Assert.Single(Elements("bridges"));

        Assert.Equal(NftWire.PaddedString("cn0", 16), element.Key);
        Assert.Equal(NftVerdict.Jump("net-default"), element.Data!.Verdict);
        Assert.Equal("jump net-default", element.Data.ToString());
    }

    [Fact]
    public void A_concatenated_range_comes_back_with_KEY_END()
    {
        var element = Assert.Single(Elements("ranges"));

        Assert.Equal(Concat(IPv4(10, 88, 0, 0), Port(8000)), element.Key);
        Assert.Equal(Concat(IPv4(10, 88, 255, 255), Port(8100)), element.KeyEnd);
        Assert.Equal(0u, element.Flags);
    }

    [Fact]
    public void ListSetElements_sends_set_then_table_and_flattens_the_replies()
    {
        var transport = new RecordingTransport();
        transport.Enqueue(Fixture.Load("nft-setelem-dump-ports.hex"));
        using var connection = new NetlinkConnection(transport, firstSequence: 7);

        var elements = connection.ListSetElements(NftFamily.Inet, "containernet", "ports");

        // capture-nftables.sh: GETSETELEM NLM_F_DUMP, NFPROTO_INET, SET "ports", TABLE "containernet", sequence 7.
        Assert.Equal("340000000d0a01030700000000000000010000000a000200706f72747300000011000100636f6e7461696e65726e657400000000",
            Hex.Format(Assert.Single(transport.Sent)));
        Assert.Equal(2, elements.Count);
    }
}
