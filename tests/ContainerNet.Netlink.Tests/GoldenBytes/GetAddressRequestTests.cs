using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Route.Addresses;
using ContainerNet.Netlink.Tests.Support;

namespace ContainerNet.Netlink.Tests.GoldenBytes;

/// <summary>
/// GetAddressRequest against the RTM_GETADDR dumps of iproute2 6.1's `ip -4 addr show`,
/// `ip -6 addr show` and `ip addr show` (rtnl_addrdump_req), captured by Fixtures/capture-routes.sh with
/// `strace -f -e trace=sendto,sendmsg -e write=all -xx` inside `unshare --net --mount`. ip first dumps
/// the links (GetLinkRequestTests), then sends this as its second request on fd 3. ip passes the
/// whole request struct to send(): 152 bytes, the message (nlmsg_len 24) and 128 unused zero bytes of
/// room for filter attributes; the kernel reads nlmsg_len. The messages are byte for byte ours.
/// </summary>
public sealed class GetAddressRequestTests
{
    /// <summary>`ip -4 addr show`'s address dump (its first 24 bytes).</summary>
    private const string DumpV4 =
        "18000000 1600 0103 700d066b 00000000" +      // nlmsghdr: len 24, RTM_GETADDR, NLM_F_REQUEST|NLM_F_DUMP, seq 1795558768, pid 0
        "02 00 00 00 00000000";                       // ifaddrmsg: family AF_INET, prefixlen 0, flags 0x0, scope 0, index 0

    /// <summary>`ip -6 addr show`'s address dump (its first 24 bytes).</summary>
    private const string DumpV6 =
        "18000000 1600 0103 700d066b 00000000" +      // nlmsghdr: len 24, RTM_GETADDR, NLM_F_REQUEST|NLM_F_DUMP, seq 1795558768, pid 0
        "0a 00 00 00 00000000";                       // ifaddrmsg: family AF_INET6, prefixlen 0, flags 0x0, scope 0, index 0

    /// <summary>`ip addr show`'s address dump (its first 24 bytes): every family in one request.</summary>
    private const string DumpAll =
        "18000000 1600 0103 700d066b 00000000" +      // nlmsghdr: len 24, RTM_GETADDR, NLM_F_REQUEST|NLM_F_DUMP, seq 1795558768, pid 0
        "00 00 00 00 00000000";                       // ifaddrmsg: family AF_UNSPEC, prefixlen 0, flags 0x0, scope 0, index 0

    [Fact]
    public void IPv4_dump_is_iproute2s() =>
        Golden.AssertEncodes(DumpV4, new GetAddressRequest { Family = RtnetlinkConstants.AF_INET }, 1795558768);

    [Fact]
    public void IPv6_dump_is_iproute2s() =>
        Golden.AssertEncodes(DumpV6, new GetAddressRequest { Family = RtnetlinkConstants.AF_INET6 }, 1795558768);

    [Fact]
    public void Default_family_is_AF_UNSPEC_as_in_ip_addr_show() =>
        Golden.AssertEncodes(DumpAll, new GetAddressRequest(), 1795558768);
}
