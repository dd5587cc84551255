using ContainerNet.Netlink.Route.Links;
using ContainerNet.Netlink.Tests.Support;

namespace ContainerNet.Netlink.Tests.GoldenBytes;

/// <summary>
/// BridgePortOptionsRequest against iproute2 6.1's `ip link set D type bridge_slave ...` bytes, captured
/// by Fixtures/capture-routes.sh (`strace -f -e trace=sendmsg -e write=all -xx` inside
/// `unshare --net --mount`) right after `ip link set vweb master cn0`; vweb had index 3. Field layout:
/// linux/rtnetlink.h (ifinfomsg), linux/if_link.h (IFLA_LINKINFO, IFLA_INFO_KIND, IFLA_INFO_SLAVE_DATA,
/// IFLA_BRPORT_*). iproute2 sends the kind without a NUL, no NLA_F_NESTED on the nests, and the port
/// options in command-line order; the command names them in the order we write them.
/// </summary>
public sealed class BridgePortOptionsRequestTests
{
    /// <summary>ip link set vweb type bridge_slave isolated on hairpin on learning off</summary>
    private const string IsolatedHairpinNoLearning =
        "50000000 1000 0500 710d066b 00000000" +      // nlmsghdr: len 80, RTM_NEWLINK, NLM_F_REQUEST|NLM_F_ACK, seq 1795558769, pid 0
        "00 00 0000 03000000 00000000 00000000" +     // ifinfomsg: family AF_UNSPEC, pad, type 0, index 3, flags 0x0, change 0x0
        "3000 1200" +                                 // IFLA_LINKINFO (nla_len 48)
          "1000 0100 6272696467655f736c617665" +      //   IFLA_INFO_KIND (nla_len 16) = "bridge_slave" (no NUL)
          "1c00 0500" +                               //   IFLA_INFO_SLAVE_DATA (nla_len 28)
            "0500 2100 01 000000" +                   //     IFLA_BRPORT_ISOLATED (nla_len 5) = 1, 3 pad
            "0500 0400 01 000000" +                   //     IFLA_BRPORT_MODE (nla_len 5) = 1 (hairpin), 3 pad
            "0500 0800 00 000000";                    //     IFLA_BRPORT_LEARNING (nla_len 5) = 0, 3 pad

    [Fact]
    public void Isolated_hairpin_and_no_learning_in_slave_data() =>
        Golden.AssertEncodes(IsolatedHairpinNoLearning,
            new BridgePortOptionsRequest { Index = 3, Isolated = true, Hairpin = true, Learning = false }, 1795558769);

    /// <summary>
    /// Not captured: the captured layout above with ISOLATED and LEARNING removed and the nest lengths
    /// shrunk to match (iproute2 writes only the options named on its command line).
    /// </summary>
    private const string HairpinOnly =
        "40000000 1000 0500 710d066b 00000000" +      // nlmsghdr: len 64, RTM_NEWLINK, NLM_F_REQUEST|NLM_F_ACK, seq 1795558769, pid 0
        "00 00 0000 03000000 00000000 00000000" +     // ifinfomsg: family AF_UNSPEC, pad, type 0, index 3, flags 0x0, change 0x0
        "2000 1200" +                                 // IFLA_LINKINFO (nla_len 32)
          "1000 0100 6272696467655f736c617665" +      //   IFLA_INFO_KIND (nla_len 16) = "bridge_slave" (no NUL)
          "0c00 0500" +                               //   IFLA_INFO_SLAVE_DATA (nla_len 12)
            "0500 0400 01 000000";                    //     IFLA_BRPORT_MODE (nla_len 5) = 1 (hairpin), 3 pad

    [Fact]
    public void Options_left_unset_are_left_out()
    {
        var request = new BridgePortOptionsRequest { Index = 3, Hairpin = true };

        Golden.AssertEncodes(HairpinOnly, request, 1795558769);
        Assert.False(request.IsEmpty);
        Assert.True(new BridgePortOptionsRequest { Index = 3 }.IsEmpty);
    }
}
