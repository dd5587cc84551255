using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Route.Routes;
using ContainerNet.Netlink.Tests.Support;

namespace ContainerNet.Netlink.Tests.GoldenBytes;

/// <summary>
/// RouteRequest against iproute2 6.1's `ip route add|del` bytes, captured by Fixtures/capture-routes.sh
/// (`strace -f -e trace=sendmsg -e write=all -xx` inside `unshare --net --mount`). vweb had index 3.
/// Field layout: linux/netlink.h (nlmsghdr), linux/rtnetlink.h (rtmsg, RTA_*, RT_TABLE_*, RTPROT_*,
/// RT_SCOPE_*, RTN_*). iproute2 writes RTA_DST, RTA_GATEWAY and RTA_PRIORITY as it parses them and
/// RTA_OIF last; the commands below name them in that order.
/// </summary>
public sealed class RouteRequestTests
{
    private static readonly byte[] Gateway4 = [10, 88, 0, 1];
    private static readonly byte[] Gateway6 = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01];

    /// <summary>ip route add default via 10.88.0.1 (no dev: the kernel finds vweb from the gateway)</summary>
    private const string DefaultV4 =
        "24000000 1800 0506 6c0d066b 00000000" +      // nlmsghdr: len 36, RTM_NEWROUTE, NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE, seq 1795558764, pid 0
        "02 00 00 00 fe 03 00 01 00000000" +          // rtmsg: family AF_INET, dst_len 0, src_len 0, tos 0, table RT_TABLE_MAIN, protocol RTPROT_BOOT, scope RT_SCOPE_UNIVERSE, type RTN_UNICAST, flags 0x0
        "0800 0500 0a580001";                         // RTA_GATEWAY (nla_len 8) = 10.88.0.1 (no RTA_DST for an IPv4 default)

    /// <summary>ip -echo route add default via 10.88.0.1 (flags as strace showed them: NLM_F_ECHO added)</summary>
    private const string DefaultV4Echo =
        "24000000 1800 0d06 6c0d066b 00000000" +      // nlmsghdr: len 36, RTM_NEWROUTE, NLM_F_REQUEST|NLM_F_ACK|NLM_F_ECHO|NLM_F_EXCL|NLM_F_CREATE, seq 1795558764, pid 0
        "02 00 00 00 fe 03 00 01 00000000" +          // rtmsg: as for DefaultV4
        "0800 0500 0a580001";                         // RTA_GATEWAY (nla_len 8) = 10.88.0.1

    /// <summary>ip route add 10.1.0.0/16 via 10.88.0.1 dev vweb metric 100</summary>
    private const string ViaWithMetric =
        "3c000000 1800 0506 6c0d066b 00000000" +      // nlmsghdr: len 60, RTM_NEWROUTE, NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE, seq 1795558764, pid 0
        "02 10 00 00 fe 03 00 01 00000000" +          // rtmsg: family AF_INET, dst_len 16, src_len 0, tos 0, table RT_TABLE_MAIN, protocol RTPROT_BOOT, scope RT_SCOPE_UNIVERSE, type RTN_UNICAST, flags 0x0
        "0800 0100 0a010000" +                        // RTA_DST (nla_len 8) = 10.1.0.0
        "0800 0500 0a580001" +                        // RTA_GATEWAY (nla_len 8) = 10.88.0.1
        "0800 0600 64000000" +                        // RTA_PRIORITY (nla_len 8) = 100
        "0800 0400 03000000";                         // RTA_OIF (nla_len 8) = 3

    /// <summary>ip route del 10.1.0.0/16 via 10.88.0.1 dev vweb metric 100</summary>
    private const string DeleteViaWithMetric =
        "3c000000 1900 0500 700d066b 00000000" +      // nlmsghdr: len 60, RTM_DELROUTE, NLM_F_REQUEST|NLM_F_ACK, seq 1795558768, pid 0
        "02 10 00 00 fe 00 ff 00 00000000" +          // rtmsg: family AF_INET, dst_len 16, src_len 0, tos 0, table RT_TABLE_MAIN, protocol RTPROT_UNSPEC, scope RT_SCOPE_NOWHERE, type RTN_UNSPEC, flags 0x0
        "0800 0100 0a010000" +                        // RTA_DST (nla_len 8) = 10.1.0.0
        "0800 0500 0a580001" +                        // RTA_GATEWAY (nla_len 8) = 10.88.0.1
        "0800 0600 64000000" +                        // RTA_PRIORITY (nla_len 8) = 100
        "0800 0400 03000000";                         // RTA_OIF (nla_len 8) = 3

    /// <summary>ip -6 route add default via 2001:db8::1 dev vweb</summary>
    private const string DefaultV6 =
        "4c000000 1800 0506 6c0d066b 00000000" +      // nlmsghdr: len 76, RTM_NEWROUTE, NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE, seq 1795558764, pid 0
        "0a 00 00 00 fe 03 00 01 00000000" +          // rtmsg: family AF_INET6, dst_len 0, src_len 0, tos 0, table RT_TABLE_MAIN, protocol RTPROT_BOOT, scope RT_SCOPE_UNIVERSE, type RTN_UNICAST, flags 0x0
        "1400 0100 00000000000000000000000000000000" + // RTA_DST (nla_len 20) = :: (iproute2 sends it for IPv6 defaults)
        "1400 0500 20010db8000000000000000000000001" + // RTA_GATEWAY (nla_len 20) = 2001:db8::1
        "0800 0400 03000000";                         // RTA_OIF (nla_len 8) = 3

    /// <summary>ip route add 10.2.0.0/16 dev vweb</summary>
    private const string OnLinkV4 =
        "2c000000 1800 0506 6d0d066b 00000000" +      // nlmsghdr: len 44, RTM_NEWROUTE, NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE, seq 1795558765, pid 0
        "02 10 00 00 fe 03 fd 01 00000000" +          // rtmsg: family AF_INET, dst_len 16, src_len 0, tos 0, table RT_TABLE_MAIN, protocol RTPROT_BOOT, scope RT_SCOPE_LINK, type RTN_UNICAST, flags 0x0
        "0800 0100 0a020000" +                        // RTA_DST (nla_len 8) = 10.2.0.0
        "0800 0400 03000000";                         // RTA_OIF (nla_len 8) = 3

    /// <summary>ip -6 route add 2001:db8:1::/64 dev vweb (IPv6: scope universe even without a gateway)</summary>
    private const string OnLinkV6 =
        "38000000 1800 0506 6d0d066b 00000000" +      // nlmsghdr: len 56, RTM_NEWROUTE, NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE, seq 1795558765, pid 0
        "0a 40 00 00 fe 03 00 01 00000000" +          // rtmsg: family AF_INET6, dst_len 64, src_len 0, tos 0, table RT_TABLE_MAIN, protocol RTPROT_BOOT, scope RT_SCOPE_UNIVERSE, type RTN_UNICAST, flags 0x0
        "1400 0100 20010db8000100000000000000000000" + // RTA_DST (nla_len 20) = 2001:db8:1::
        "0800 0400 03000000";                         // RTA_OIF (nla_len 8) = 3

    [Fact]
    public void IPv4_default_has_no_RTA_DST()
    {
        // RouteOperations passes 0.0.0.0/0; an empty destination must encode the same.
        Golden.AssertEncodes(DefaultV4,
            new RouteRequest { Delete = false, Family = RtnetlinkConstants.AF_INET, Destination = [0, 0, 0, 0], Gateway = Gateway4 }, 1795558764);
        Golden.AssertEncodes(DefaultV4,
            new RouteRequest { Delete = false, Family = RtnetlinkConstants.AF_INET, Gateway = Gateway4 }, 1795558764);
    }

    [Fact]
    public void Echo_adds_NLM_F_ECHO_and_nothing_else() =>
        Golden.AssertEncodes(DefaultV4Echo,
            new RouteRequest { Delete = false, Family = RtnetlinkConstants.AF_INET, Gateway = Gateway4, Echo = true }, 1795558764);

    [Fact]
    public void Network_via_a_gateway_with_metric_and_device() =>
        Golden.AssertEncodes(ViaWithMetric, new RouteRequest
        {
            Delete = false, Family = RtnetlinkConstants.AF_INET, Destination = [10, 1, 0, 0], DestinationLength = 16,
            Gateway = Gateway4, OutputInterfaceIndex = 3, Metric = 100,
        }, 1795558764);

    [Fact]
    public void Delete_leaves_protocol_and_type_unspecified_and_scope_nowhere() =>
        Golden.AssertEncodes(DeleteViaWithMetric, new RouteRequest
        {
            Delete = true, Family = RtnetlinkConstants.AF_INET, Destination = [10, 1, 0, 0], DestinationLength = 16,
            Gateway = Gateway4, OutputInterfaceIndex = 3, Metric = 100,
        }, 1795558768);

    [Fact]
    public void IPv6_default_carries_RTA_DST_unspecified()
    {
        Golden.AssertEncodes(DefaultV6, new RouteRequest
        {
            Delete = false, Family = RtnetlinkConstants.AF_INET6, Destination = new byte[16], Gateway = Gateway6, OutputInterfaceIndex = 3,
        }, 1795558764);
        // Destination left empty ("empty for a default route") gives the same bytes.
        Golden.AssertEncodes(DefaultV6, new RouteRequest
        {
            Delete = false, Family = RtnetlinkConstants.AF_INET6, Gateway = Gateway6, OutputInterfaceIndex = 3,
        }, 1795558764);
    }

    [Fact]
    public void IPv4_route_without_a_gateway_is_scope_link() =>
        Golden.AssertEncodes(OnLinkV4, new RouteRequest
        {
            Delete = false, Family = RtnetlinkConstants.AF_INET, Destination = [10, 2, 0, 0], DestinationLength = 16, OutputInterfaceIndex = 3,
        }, 1795558765);

    [Fact]
    public void IPv6_route_without_a_gateway_stays_scope_universe() =>
        Golden.AssertEncodes(OnLinkV6, new RouteRequest
        {
            Delete = false, Family = RtnetlinkConstants.AF_INET6, DestinationLength = 64, OutputInterfaceIndex = 3,
            Destination = [0x20, 0x01, 0x0d, 0xb8, 0, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        }, 1795558765);
}
