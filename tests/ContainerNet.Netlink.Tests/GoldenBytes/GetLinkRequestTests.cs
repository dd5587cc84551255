using ContainerNet.Netlink.Route.Links;
using ContainerNet.Netlink.Tests.Support;

namespace ContainerNet.Netlink.Tests.GoldenBytes;

/// <summary>
/// GetLinkRequest. ByName and ByIndex are the lookups iproute2 6.1 makes on its second socket before
/// `ip link set/show dev NAME` (ll_link_get: AF_UNSPEC, IFLA_EXT_MASK = RTEXT_FILTER_VF |
/// RTEXT_FILTER_SKIP_STATS, then IFLA_IFNAME), captured by Fixtures/capture.sh with
/// `strace -f -e trace=sendmsg -e write=all -xx` inside `unshare --net --mount`. (`ip link show dev X`'s
/// own request differs: family AF_PACKET, IFLA_IFNAME before IFLA_EXT_MASK = RTEXT_FILTER_VF.)
/// </summary>
public sealed class GetLinkRequestTests
{
    /// <summary>The name lookup of `ip link set vweb up`, on ip's fd 4.</summary>
    private const string ByName =
        "34000000 1200 0100 2b06066b 00000000" +      // nlmsghdr: len 52, RTM_GETLINK, NLM_F_REQUEST, seq 1795556907, pid 0
        "00 00 0000 00000000 00000000 00000000" +     // ifinfomsg: family AF_UNSPEC, pad, type 0, index 0, flags 0x0, change 0x0
        "0800 1d00 09000000" +                        // IFLA_EXT_MASK (nla_len 8) = 9
        "0900 0300 7677656200 000000";                // IFLA_IFNAME (nla_len 9) = "vweb\0", 3 pad

    /// <summary>The lookup of master index 2 that `ip link show dev vweb` makes to print "master cn0".</summary>
    private const string ByIndex =
        "28000000 1200 0100 2c06066b 00000000" +      // nlmsghdr: len 40, RTM_GETLINK, NLM_F_REQUEST, seq 1795556908, pid 0
        "00 00 0000 02000000 00000000 00000000" +     // ifinfomsg: family AF_UNSPEC, pad, type 0, index 2, flags 0x0, change 0x0
        "0800 1d00 09000000";                         // IFLA_EXT_MASK (nla_len 8) = 9

    /// <summary>
    /// `ip addr show`'s link dump, as captured. Every iproute2 6.1 link dump asks for
    /// IFLA_EXT_MASK = RTEXT_FILTER_VF (1) only (`ip link show` also sets family AF_PACKET).
    /// </summary>
    private const string IpAddrShowDump =
        "28000000 1200 0103 2d06066b 00000000" +      // nlmsghdr: len 40, RTM_GETLINK, NLM_F_REQUEST|NLM_F_DUMP, seq 1795556909, pid 0
        "00 00 0000 00000000 00000000 00000000" +     // ifinfomsg: family AF_UNSPEC, pad, type 0, index 0, flags 0x0, change 0x0
        "0800 1d00 01000000";                         // IFLA_EXT_MASK (nla_len 8) = 1

    /// <summary>
    /// Our dump: the same layout with IFLA_EXT_MASK = RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS (9), so
    /// the replies leave out the statistics blocks (rtnetlink.h). capture.sh sent these exact bytes
    /// (sequence 3) on a raw socket; the kernel's reply is Fixtures/own-dump-1.hex and own-dump-2.hex.
    /// </summary>
    private const string Dump =
        "28000000 1200 0103 03000000 00000000" +      // nlmsghdr: len 40, RTM_GETLINK, NLM_F_REQUEST|NLM_F_DUMP, seq 3, pid 0
        "00 00 0000 00000000 00000000 00000000" +     // ifinfomsg: family AF_UNSPEC, pad, type 0, index 0, flags 0x0, change 0x0
        "0800 1d00 09000000";                         // IFLA_EXT_MASK (nla_len 8) = 9

    [Fact]
    public void By_name_asks_for_one_link_without_statistics() =>
        Golden.AssertEncodes(ByName, GetLinkRequest.ByName("vweb"), 1795556907);

    [Fact]
    public void By_index_carries_the_index_in_ifinfomsg() =>
        Golden.AssertEncodes(ByIndex, GetLinkRequest.ByIndex(2), 1795556908);

    [Fact]
    public void Dump_sets_NLM_F_DUMP_and_skips_statistics() =>
        Golden.AssertEncodes(Dump, GetLinkRequest.Dump(), 3);

    [Fact]
    public void Dump_differs_from_iproute2s_only_in_the_extension_mask()
    {
        byte[] ours = Golden.Encode(GetLinkRequest.Dump(), 1795556909);
        byte[] iproute2 = Hex.Parse(IpAddrShowDump);

        int[] differing = Enumerable.Range(0, ours.Length).Where(i => ours[i] != iproute2[i]).ToArray();

        Assert.Equal(iproute2.Length, ours.Length);
        Assert.Equal([36], differing); // the low byte of IFLA_EXT_MASK's value: 0x01 there, 0x09 here
        Assert.Equal(0x09, ours[36]);
    }
}
