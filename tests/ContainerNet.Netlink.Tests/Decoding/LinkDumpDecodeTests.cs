using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Route.Links;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Tests.Decoding;

/// <summary>
/// A real link dump, message by message: `ip -d link show`'s reply (Fixtures/link-dump-1.hex, six
/// RTM_NEWLINK with NLM_F_MULTI) and its NLMSG_DONE (link-dump-2.hex).
/// </summary>
public sealed class LinkDumpDecodeTests
{
    private const uint Sequence = 1795556909;

    [Fact]
    public void Every_message_of_the_first_datagram_is_a_multipart_link()
    {
        byte[] datagram = Fixture.Load("link-dump-1.hex");
        var links = new List<LinkMessage>();
        int consumed = 0;

        var reader = new NetlinkMessageReader(datagram);
        while (reader.TryRead(out NetlinkMessageHeader header, out ReadOnlySpan<byte> payload))
        {
            Assert.Equal(RtnetlinkConstants.RTM_NEWLINK, header.Type);
            Assert.Equal(NetlinkConstants.NLM_F_MULTI, header.Flags);
            Assert.Equal(Sequence, header.Sequence);
            consumed += NetlinkConstants.Align((int)header.Length);
            links.Add(LinkMessage.Decode(payload));
        }

        Assert.Equal(datagram.Length, consumed);
        Assert.Equal(["lo", "cn0", "vweb", "vfull", "vgp", "vg"], links.Select(l => l.Name));
        Assert.Equal([1, 2, 3, 4, 5, 6], links.Select(l => l.Index));
    }

    [Fact]
    public void Loopback_veth_pair_in_one_namespace_and_group()
    {
        var links = DecodeAll("link-dump-1.hex").ToDictionary(l => l.Name);

        var lo = links["lo"];
        Assert.Equal(InterfaceFlags.ARPHRD_LOOPBACK, lo.HardwareType);
        Assert.Equal(65536, lo.Mtu);
        Assert.Null(lo.Kind);
        Assert.Equal(InterfaceFlags.IF_OPER_UNKNOWN, lo.OperState);
        Assert.Equal(new byte[6], lo.MacAddress);

        // vgp/vg: a pair in the same namespace, so IFLA_LINK but no IFLA_LINK_NETNSID.
        Assert.Equal(6, links["vgp"].LinkIndex);
        Assert.Null(links["vgp"].LinkNetnsId);
        Assert.Equal(5, links["vg"].LinkIndex);
        Assert.Equal(7u, links["vg"].Group);
        Assert.Equal(2, links["vg"].MasterIndex);
        Assert.Equal("bridge", links["vg"].SlaveKind);
        Assert.False(links["vg"].IsUp);
        Assert.Equal(InterfaceFlags.IF_OPER_DOWN, links["vg"].OperState);

        // vfull: created with address, mtu and up; its peer eth1 (index 3 in 'web') is down.
        var vfull = links["vfull"];
        Assert.Equal(new byte[] { 0x02, 0, 0, 0, 0, 0x01 }, vfull.MacAddress);
        Assert.True(vfull.IsUp);
        Assert.Equal(InterfaceFlags.IF_OPER_DOWN, vfull.OperState); // up, but no carrier while eth1 is down
        Assert.Equal(3, vfull.LinkIndex);
        Assert.Equal(0, vfull.LinkNetnsId);
    }

    [Fact]
    public void Second_datagram_is_NLMSG_DONE_with_no_error()
    {
        var reader = new NetlinkMessageReader(Fixture.Load("link-dump-2.hex"));

        Assert.True(reader.TryRead(out NetlinkMessageHeader header, out ReadOnlySpan<byte> payload));
        Assert.Equal(NetlinkConstants.NLMSG_DONE, header.Type);
        Assert.True(header.HasFlag(NetlinkConstants.NLM_F_MULTI));
        Assert.Equal(Sequence, header.Sequence);
        var done = NetlinkErrorMessage.DecodeDone(header, payload);
        Assert.Equal(0, done.Error);
        Assert.Null(done.KernelMessage);
        Assert.False(reader.TryRead(out _, out _));
    }

    [Fact]
    public void Our_own_dump_without_statistics_lists_the_same_links_and_two_more()
    {
        var ip = DecodeAll("link-dump-1.hex");
        var ours = DecodeAll("own-dump-1.hex");

        // `ip link add scratch type veth peer name scratchp`: the kernel registers the peer first, so
        // scratchp has the lower index.
        Assert.Equal(["lo", "cn0", "vweb", "vfull", "vgp", "vg", "scratchp", "scratch"], ours.Select(l => l.Name));
        foreach (var link in ip)
        {
            var same = ours.Single(l => l.Index == link.Index);
            Assert.Equal(link with { MacAddress = null }, same with { MacAddress = null });
        }
    }

    private static List<LinkMessage> DecodeAll(string fixture)
    {
        var links = new List<LinkMessage>();
        var reader = new NetlinkMessageReader(Fixture.Load(fixture));
        while (reader.TryRead(out _, out ReadOnlySpan<byte> payload))
            links.Add(LinkMessage.Decode(payload));
        return links;
    }
}
