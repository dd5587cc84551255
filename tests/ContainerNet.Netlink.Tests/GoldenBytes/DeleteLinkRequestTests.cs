using ContainerNet.Netlink.Route.Links;
using ContainerNet.Netlink.Tests.Support;

namespace ContainerNet.Netlink.Tests.GoldenBytes;

/// <summary>
/// DeleteLinkRequest. ByIndex and ByGroup against iproute2 6.1's bytes, captured by Fixtures/capture.sh
/// (`strace -f -e trace=sendmsg -e write=all -xx` inside `unshare --net --mount`).
/// </summary>
public sealed class DeleteLinkRequestTests
{
    /// <summary>ip link del cn0 (ip resolves the name first; cn0 had index 2)</summary>
    private const string ByIndex =
        "20000000 1100 0500 2e06066b 00000000" +      // nlmsghdr: len 32, RTM_DELLINK, NLM_F_REQUEST|NLM_F_ACK, seq 1795556910, pid 0
        "00 00 0000 02000000 00000000 00000000";      // ifinfomsg: family AF_UNSPEC, pad, type 0, index 2, flags 0x0, change 0x0

    /// <summary>ip link del group 7</summary>
    private const string ByGroup =
        "28000000 1100 0500 2d06066b 00000000" +      // nlmsghdr: len 40, RTM_DELLINK, NLM_F_REQUEST|NLM_F_ACK, seq 1795556909, pid 0
        "00 00 0000 00000000 00000000 00000000" +     // ifinfomsg: family AF_UNSPEC, pad, type 0, index 0, flags 0x0, change 0x0
        "0800 1b00 07000000";                         // IFLA_GROUP (nla_len 8) = 7

    /// <summary>
    /// No iproute2 command sends this: `ip link del NAME` always resolves the name to an index first.
    /// Layout from /usr/include/linux/rtnetlink.h (ifinfomsg, index 0) and if_link.h (IFLA_IFNAME = 3,
    /// NUL-terminated). capture.sh sent these exact bytes (sequence 4) on a raw socket and the kernel
    /// acked them (Fixtures/ack-dellink-byname.hex).
    /// </summary>
    private const string ByName =
        "2c000000 1100 0500 04000000 00000000" +      // nlmsghdr: len 44, RTM_DELLINK, NLM_F_REQUEST|NLM_F_ACK, seq 4, pid 0
        "00 00 0000 00000000 00000000 00000000" +     // ifinfomsg: family AF_UNSPEC, pad, type 0, index 0, flags 0x0, change 0x0
        "0c00 0300 7363726174636800";                 // IFLA_IFNAME (nla_len 12) = "scratch\0"

    [Fact]
    public void By_index_is_a_bare_ifinfomsg() =>
        Golden.AssertEncodes(ByIndex, DeleteLinkRequest.ByIndex(2), 1795556910);

    [Fact]
    public void By_group_is_index_zero_and_IFLA_GROUP() =>
        Golden.AssertEncodes(ByGroup, DeleteLinkRequest.ByGroup(7), 1795556909);

    [Fact]
    public void By_name_is_index_zero_and_IFLA_IFNAME() =>
        Golden.AssertEncodes(ByName, DeleteLinkRequest.ByName("scratch"), 4);
}
