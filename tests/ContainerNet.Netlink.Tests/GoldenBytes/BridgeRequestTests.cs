using ContainerNet.Netlink.Route.Links;
using ContainerNet.Netlink.Route.Links.Kinds;
using ContainerNet.Netlink.Tests.Support;

namespace ContainerNet.Netlink.Tests.GoldenBytes;

/// <summary>
/// NewLinkRequest with BridgeKind against iproute2 6.1's bytes, captured by Fixtures/capture.sh
/// (`strace -f -e trace=sendmsg -e write=all -xx` inside `unshare --net --mount`).
/// iproute2 sends IFLA_INFO_KIND without a terminating NUL and no IFLA_INFO_DATA for a bridge with
/// the kernel's defaults.
/// </summary>
public sealed class BridgeRequestTests
{
    /// <summary>ip link add cn0 type bridge</summary>
    private const string Bridge =
        "38000000 1000 0506 2a06066b 00000000" +      // nlmsghdr: len 56, RTM_NEWLINK, NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE, seq 1795556906, pid 0
        "00 00 0000 00000000 00000000 00000000" +     // ifinfomsg: family AF_UNSPEC, pad, type 0, index 0, flags 0x0, change 0x0
        "0800 0300 636e3000" +                        // IFLA_IFNAME (nla_len 8) = "cn0\0"
        "1000 1200" +                                 // IFLA_LINKINFO (nla_len 16)
          "0a00 0100 627269646765 0000";              //   IFLA_INFO_KIND (nla_len 10) = "bridge" (no NUL), 2 pad

    [Fact]
    public void Bridge_with_kernel_defaults()
    {
        var request = new NewLinkRequest { Name = "cn0", Kind = BridgeKind.Instance };

        Golden.AssertEncodes(Bridge, request, 1795556906);
    }
}
