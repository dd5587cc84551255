using ContainerNet.Netlink.Route.Addresses;
using ContainerNet.Netlink.Tests.Support;

namespace ContainerNet.Netlink.Tests.GoldenBytes;

/// <summary>
/// AddressRequest against iproute2 6.1's `ip addr add|del` bytes, captured by Fixtures/capture-routes.sh
/// (`strace -f -e trace=sendmsg -e write=all -xx` inside `unshare --net --mount`). vweb had index 3; ip
/// resolves the name first on a second socket (GetLinkRequest.ByName's bytes) and sends this on the
/// index. Field layout: linux/netlink.h (nlmsghdr), linux/if_addr.h (ifaddrmsg, IFA_*). iproute2 puts
/// IFA_LOCAL before IFA_ADDRESS, both the same address when there is no peer.
/// </summary>
public sealed class AddressRequestTests
{
    private static readonly byte[] V4 = [10, 88, 0, 2];
    private static readonly byte[] V6 = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02];

    /// <summary>ip addr add 10.88.0.2/16 dev vweb</summary>
    private const string AddV4 =
        "28000000 1400 0506 6b0d066b 00000000" +      // nlmsghdr: len 40, RTM_NEWADDR, NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE, seq 1795558763, pid 0
        "02 10 00 00 03000000" +                      // ifaddrmsg: family AF_INET, prefixlen 16, flags 0x0, scope RT_SCOPE_UNIVERSE, index 3
        "0800 0200 0a580002" +                        // IFA_LOCAL (nla_len 8) = 10.88.0.2
        "0800 0100 0a580002";                         // IFA_ADDRESS (nla_len 8) = 10.88.0.2

    /// <summary>ip addr add 2001:db8::2/64 dev vweb nodad</summary>
    private const string AddV6NoDad =
        "40000000 1400 0506 6b0d066b 00000000" +      // nlmsghdr: len 64, RTM_NEWADDR, NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE, seq 1795558763, pid 0
        "0a 40 02 00 03000000" +                      // ifaddrmsg: family AF_INET6, prefixlen 64, flags IFA_F_NODAD, scope RT_SCOPE_UNIVERSE, index 3
        "1400 0200 20010db8000000000000000000000002" + // IFA_LOCAL (nla_len 20) = 2001:db8::2
        "1400 0100 20010db8000000000000000000000002";  // IFA_ADDRESS (nla_len 20) = 2001:db8::2

    /// <summary>ip addr del 10.88.0.2/16 dev vweb</summary>
    private const string DeleteV4 =
        "28000000 1500 0500 720d066b 00000000" +      // nlmsghdr: len 40, RTM_DELADDR, NLM_F_REQUEST|NLM_F_ACK, seq 1795558770, pid 0
        "02 10 00 00 03000000" +                      // ifaddrmsg: family AF_INET, prefixlen 16, flags 0x0, scope 0, index 3
        "0800 0200 0a580002" +                        // IFA_LOCAL (nla_len 8) = 10.88.0.2
        "0800 0100 0a580002";                         // IFA_ADDRESS (nla_len 8) = 10.88.0.2

    [Fact]
    public void Add_IPv4_is_local_and_address_with_CREATE_and_EXCL() =>
        Golden.AssertEncodes(AddV4, new AddressRequest { Delete = false, InterfaceIndex = 3, Address = V4, PrefixLength = 16 }, 1795558763);

    [Fact]
    public void Add_IPv6_without_duplicate_address_detection_sets_IFA_F_NODAD() =>
        Golden.AssertEncodes(AddV6NoDad,
            new AddressRequest { Delete = false, InterfaceIndex = 3, Address = V6, PrefixLength = 64, NoDuplicateAddressDetection = true },
            1795558763);

    [Fact]
    public void Delete_is_RTM_DELADDR_with_the_same_body_and_no_CREATE() =>
        Golden.AssertEncodes(DeleteV4, new AddressRequest { Delete = true, InterfaceIndex = 3, Address = V4, PrefixLength = 16 }, 1795558770);
}
