using ContainerNet.Netlink.Route.Links;
using ContainerNet.Netlink.Tests.Support;

namespace ContainerNet.Netlink.Tests.GoldenBytes;

/// <summary>
/// SetLinkRequest against iproute2 6.1's `ip link set` bytes, captured by Fixtures/capture.sh
/// (`strace -f -e trace=sendmsg -e write=all -xx` inside `unshare --net --mount`). vweb had index 3,
/// cn0 index 2; /run/netns/web was ip's fd 4. ip first resolves the name on a second socket (see
/// GetLinkRequestTests) and then sends RTM_NEWLINK without NLM_F_CREATE on the index.
/// </summary>
public sealed class SetLinkRequestTests
{
    /// <summary>ip link set vweb up</summary>
    private const string Up =
        "20000000 1000 0500 2b06066b 00000000" +      // nlmsghdr: len 32, RTM_NEWLINK, NLM_F_REQUEST|NLM_F_ACK, seq 1795556907, pid 0
        "00 00 0000 03000000 01000000 01000000";      // ifinfomsg: family AF_UNSPEC, pad, type 0, index 3, flags 0x1, change 0x1

    /// <summary>ip link set vweb down</summary>
    private const string Down =
        "20000000 1000 0500 2b06066b 00000000" +      // nlmsghdr: len 32, RTM_NEWLINK, NLM_F_REQUEST|NLM_F_ACK, seq 1795556907, pid 0
        "00 00 0000 03000000 00000000 01000000";      // ifinfomsg: family AF_UNSPEC, pad, type 0, index 3, flags 0x0, change 0x1

    /// <summary>ip link set vweb mtu 1400</summary>
    private const string Mtu =
        "28000000 1000 0500 2b06066b 00000000" +      // nlmsghdr: len 40, RTM_NEWLINK, NLM_F_REQUEST|NLM_F_ACK, seq 1795556907, pid 0
        "00 00 0000 03000000 00000000 00000000" +     // ifinfomsg: family AF_UNSPEC, pad, type 0, index 3, flags 0x0, change 0x0
        "0800 0400 78050000";                         // IFLA_MTU (nla_len 8) = 1400

    /// <summary>
    /// ip link set vweb address 02:42:ac:11:00:02 (ip first fetches the link by index on its main
    /// socket to learn the address length, then sends this)
    /// </summary>
    private const string Address =
        "2c000000 1000 0500 2c06066b 00000000" +      // nlmsghdr: len 44, RTM_NEWLINK, NLM_F_REQUEST|NLM_F_ACK, seq 1795556908, pid 0
        "00 00 0000 03000000 00000000 00000000" +     // ifinfomsg: family AF_UNSPEC, pad, type 0, index 3, flags 0x0, change 0x0
        "0a00 0100 0242ac110002 0000";                // IFLA_ADDRESS (nla_len 10) = 02:42:ac:11:00:02, 2 pad

    /// <summary>ip link set vweb master cn0</summary>
    private const string Master =
        "28000000 1000 0500 2b06066b 00000000" +      // nlmsghdr: len 40, RTM_NEWLINK, NLM_F_REQUEST|NLM_F_ACK, seq 1795556907, pid 0
        "00 00 0000 03000000 00000000 00000000" +     // ifinfomsg: family AF_UNSPEC, pad, type 0, index 3, flags 0x0, change 0x0
        "0800 0a00 02000000";                         // IFLA_MASTER (nla_len 8) = 2

    /// <summary>
    /// ip link set vweb nomaster (captured by Fixtures/capture-routes.sh, whose sandbox also has cn0 at
    /// index 2 and vweb at 3; its `ip link set vweb master cn0` sent the Master bytes above with its own
    /// sequence number)
    /// </summary>
    private const string NoMaster =
        "28000000 1000 0500 720d066b 00000000" +      // nlmsghdr: len 40, RTM_NEWLINK, NLM_F_REQUEST|NLM_F_ACK, seq 1795558770, pid 0
        "00 00 0000 03000000 00000000 00000000" +     // ifinfomsg: family AF_UNSPEC, pad, type 0, index 3, flags 0x0, change 0x0
        "0800 0a00 00000000";                         // IFLA_MASTER (nla_len 8) = 0: release from the master

    /// <summary>ip link set vweb name x</summary>
    private const string Rename =
        "28000000 1000 0500 2d06066b 00000000" +      // nlmsghdr: len 40, RTM_NEWLINK, NLM_F_REQUEST|NLM_F_ACK, seq 1795556909, pid 0
        "00 00 0000 03000000 00000000 00000000" +     // ifinfomsg: family AF_UNSPEC, pad, type 0, index 3, flags 0x0, change 0x0
        "0600 0300 7800 0000";                        // IFLA_IFNAME (nla_len 6) = "x\0", 2 pad

    /// <summary>ip link set x netns web (x is vweb renamed, still index 3)</summary>
    private const string Namespace =
        "28000000 1000 0500 2d06066b 00000000" +      // nlmsghdr: len 40, RTM_NEWLINK, NLM_F_REQUEST|NLM_F_ACK, seq 1795556909, pid 0
        "00 00 0000 03000000 00000000 00000000" +     // ifinfomsg: family AF_UNSPEC, pad, type 0, index 3, flags 0x0, change 0x0
        "0800 1c00 04000000";                         // IFLA_NET_NS_FD (nla_len 8) = 4

    /// <summary>
    /// ip link set vweb group 7 (captured the same way in a sandbox where vweb had index 4; the index
    /// below is changed to 3 to match the others)
    /// </summary>
    private const string Group =
        "28000000 1000 0500 8726066b 00000000" +      // nlmsghdr: len 40, RTM_NEWLINK, NLM_F_REQUEST|NLM_F_ACK, seq 1795565191, pid 0
        "00 00 0000 03000000 00000000 00000000" +     // ifinfomsg: family AF_UNSPEC, pad, type 0, index 3, flags 0x0, change 0x0
        "0800 1b00 07000000";                         // IFLA_GROUP (nla_len 8) = 7

    /// <summary>ip link set dev vweb addrgenmode none (captured the same way; index changed from 4 to 3)</summary>
    private const string AddrGenModeNone =
        "30000000 1000 0500 a62e066b 00000000" +      // nlmsghdr: len 48, RTM_NEWLINK, NLM_F_REQUEST|NLM_F_ACK, seq 1795567270, pid 0
        "00 00 0000 03000000 00000000 00000000" +     // ifinfomsg: family AF_UNSPEC, pad, type 0, index 3, flags 0x0, change 0x0
        "1000 1a00" +                                 // IFLA_AF_SPEC (nla_len 16)
        "0c00 0a00" +                                 //   AF_INET6 (nla_len 12)
        "0500 0800 01 000000";                        //     IFLA_INET6_ADDR_GEN_MODE (nla_len 5) = IN6_ADDR_GEN_MODE_NONE, 3 pad

    [Fact]
    public void Up_sets_IFF_UP_in_flags_and_change() =>
        Golden.AssertEncodes(Up, new SetLinkRequest { Index = 3, Up = true }, 1795556907);

    [Fact]
    public void Down_clears_IFF_UP_in_flags_and_sets_it_in_change() =>
        Golden.AssertEncodes(Down, new SetLinkRequest { Index = 3, Up = false }, 1795556907);

    [Fact]
    public void Mtu_is_IFLA_MTU_with_flags_untouched() =>
        Golden.AssertEncodes(Mtu, new SetLinkRequest { Index = 3, Mtu = 1400 }, 1795556907);

    [Fact]
    public void Mac_address_is_six_bytes_padded_to_eight() =>
        Golden.AssertEncodes(Address, new SetLinkRequest { Index = 3, MacAddress = [0x02, 0x42, 0xac, 0x11, 0x00, 0x02] }, 1795556908);

    [Fact]
    public void Master_is_the_bridge_index() =>
        Golden.AssertEncodes(Master, new SetLinkRequest { Index = 3, MasterIndex = 2 }, 1795556907);

    [Fact]
    public void Master_zero_releases_the_link_as_nomaster_does() =>
        Golden.AssertEncodes(NoMaster, new SetLinkRequest { Index = 3, MasterIndex = 0 }, 1795558770);

    [Fact]
    public void New_name_is_IFLA_IFNAME_on_the_index() =>
        Golden.AssertEncodes(Rename, new SetLinkRequest { Index = 3, NewName = "x" }, 1795556909);

    [Fact]
    public void Namespace_move_is_IFLA_NET_NS_FD() =>
        Golden.AssertEncodes(Namespace, new SetLinkRequest { Index = 3, NamespaceFd = 4 }, 1795556909);

    [Fact]
    public void Group_is_IFLA_GROUP() =>
        Golden.AssertEncodes(Group, new SetLinkRequest { Index = 3, Group = 7 }, 1795565191);

    [Fact]
    public void Address_generation_mode_none_nests_in_IFLA_AF_SPEC_and_AF_INET6() =>
        Golden.AssertEncodes(AddrGenModeNone, new SetLinkRequest { Index = 3, IPv6AddressGenerationMode = 1 }, 1795567270);
}
