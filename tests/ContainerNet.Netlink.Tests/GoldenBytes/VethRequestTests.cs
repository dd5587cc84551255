using ContainerNet.Netlink.Route.Links;
using ContainerNet.Netlink.Route.Links.Kinds;
using ContainerNet.Netlink.Tests.Support;

namespace ContainerNet.Netlink.Tests.GoldenBytes;

/// <summary>
/// NewLinkRequest with VethKind against iproute2 6.1's bytes for the same `ip link add`. Captured by
/// Fixtures/capture.sh: the command under `strace -f -e trace=sendmsg -e write=all -xx` inside
/// `unshare --net --mount` with /run/netns on a tmpfs and `ip netns add web` done. ip opens
/// /run/netns/web as fd 4 and numbers its requests from time(NULL); we encode with the same fd and
/// sequence number, so every byte must match. Field layout: linux/netlink.h (nlmsghdr),
/// linux/rtnetlink.h (ifinfomsg), linux/if_link.h (IFLA_*), linux/veth.h (VETH_INFO_PEER).
/// The peer's ifinfomsg never carries IFF_UP: `ip link add vup type veth peer name eth2 netns web up`
/// makes the kernel answer ENOTCONN (Fixtures/error-enotconn-peer-up.hex).
/// </summary>
public sealed class VethRequestTests
{
    private const uint Sequence = 1795556907; // 0x6b06062b

    /// <summary>ip link add vweb type veth peer name eth0 netns web</summary>
    private const string PeerInNamespace =
        "64000000 1000 0506 2b06066b 00000000" +            // nlmsghdr: len 100, RTM_NEWLINK, NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE, seq 1795556907, pid 0
        PeerInNamespacePayload;

    /// <summary>ip -echo link add vweb type veth peer name eth0 netns web: the same payload, NLM_F_ECHO added</summary>
    private const string PeerInNamespaceEcho =
        "64000000 1000 0d06 2b06066b 00000000" +            // nlmsghdr: len 100, RTM_NEWLINK, NLM_F_REQUEST|NLM_F_ACK|NLM_F_ECHO|NLM_F_EXCL|NLM_F_CREATE, seq 1795556907, pid 0
        PeerInNamespacePayload;

    private const string PeerInNamespacePayload =
        "00 00 0000 00000000 00000000 00000000" +           // ifinfomsg: family AF_UNSPEC, pad, type 0, index 0, flags 0x0, change 0x0
        "0900 0300 7677656200 000000" +                     // IFLA_IFNAME (nla_len 9) = "vweb\0", 3 pad
        "3800 1200" +                                       // IFLA_LINKINFO (nla_len 56)
          "0800 0100 76657468" +                            //   IFLA_INFO_KIND (nla_len 8) = "veth" (no NUL)
          "2c00 0200" +                                     //   IFLA_INFO_DATA (nla_len 44)
            "2800 0100" +                                   //     VETH_INFO_PEER (nla_len 40)
              "00 00 0000 00000000 00000000 00000000" +     //       ifinfomsg: family AF_UNSPEC, pad, type 0, index 0, flags 0x0, change 0x0
              "0800 1c00 04000000" +                        //       IFLA_NET_NS_FD (nla_len 8) = 4
              "0900 0300 6574683000 000000";                //       IFLA_IFNAME (nla_len 9) = "eth0\0", 3 pad

    /// <summary>
    /// ip link add vfull address 02:00:00:00:00:01 mtu 1400 up type veth peer address 02:00:00:00:00:02 mtu 1400 netns web name eth1
    /// (iproute2 emits options in command-line order and the peer's IFLA_IFNAME last; this order of the
    /// words gives the order our encoder uses.)
    /// </summary>
    private const string PeerWithOptions =
        "8c000000 1000 0506 2b06066b 00000000" +            // nlmsghdr: len 140, RTM_NEWLINK, NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE, seq 1795556907, pid 0
        "00 00 0000 00000000 01000000 01000000" +           // ifinfomsg: family AF_UNSPEC, pad, type 0, index 0, flags 0x1, change 0x1
        "0a00 0100 020000000001 0000" +                     // IFLA_ADDRESS (nla_len 10) = 02:00:00:00:00:01, 2 pad
        "0800 0400 78050000" +                              // IFLA_MTU (nla_len 8) = 1400
        "0a00 0300 7666756c6c00 0000" +                     // IFLA_IFNAME (nla_len 10) = "vfull\0", 2 pad
        "4c00 1200" +                                       // IFLA_LINKINFO (nla_len 76)
          "0800 0100 76657468" +                            //   IFLA_INFO_KIND (nla_len 8) = "veth" (no NUL)
          "4000 0200" +                                     //   IFLA_INFO_DATA (nla_len 64)
            "3c00 0100" +                                   //     VETH_INFO_PEER (nla_len 60)
              "00 00 0000 00000000 00000000 00000000" +     //       ifinfomsg: family AF_UNSPEC, pad, type 0, index 0, flags 0x0, change 0x0
              "0a00 0100 020000000002 0000" +               //       IFLA_ADDRESS (nla_len 10) = 02:00:00:00:00:02, 2 pad
              "0800 0400 78050000" +                        //       IFLA_MTU (nla_len 8) = 1400
              "0800 1c00 04000000" +                        //       IFLA_NET_NS_FD (nla_len 8) = 4
              "0900 0300 6574683100 000000";                //       IFLA_IFNAME (nla_len 9) = "eth1\0", 3 pad

    /// <summary>
    /// ip link add vq numtxqueues 1 numrxqueues 1 type veth peer numtxqueues 1 numrxqueues 1 netns web name eth3
    /// (without them a veth on this 2-CPU machine is created with 2 queues per end: ip -d link says numtxqueues 2)
    /// </summary>
    private const string QueuesOnBothEnds =
        "80000000 1000 0506 2b06066b 00000000" +            // nlmsghdr: len 128, RTM_NEWLINK, NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE, seq 1795556907, pid 0
        "00 00 0000 00000000 00000000 00000000" +           // ifinfomsg: family AF_UNSPEC, pad, type 0, index 0, flags 0x0, change 0x0
        "0800 1f00 01000000" +                              // IFLA_NUM_TX_QUEUES (nla_len 8) = 1
        "0800 2000 01000000" +                              // IFLA_NUM_RX_QUEUES (nla_len 8) = 1
        "0700 0300 767100 00" +                             // IFLA_IFNAME (nla_len 7) = "vq\0", 1 pad
        "4800 1200" +                                       // IFLA_LINKINFO (nla_len 72)
          "0800 0100 76657468" +                            //   IFLA_INFO_KIND (nla_len 8) = "veth" (no NUL)
          "3c00 0200" +                                     //   IFLA_INFO_DATA (nla_len 60)
            "3800 0100" +                                   //     VETH_INFO_PEER (nla_len 56)
              "00 00 0000 00000000 00000000 00000000" +     //       ifinfomsg: family AF_UNSPEC, pad, type 0, index 0, flags 0x0, change 0x0
              "0800 1f00 01000000" +                        //       IFLA_NUM_TX_QUEUES (nla_len 8) = 1
              "0800 2000 01000000" +                        //       IFLA_NUM_RX_QUEUES (nla_len 8) = 1
              "0800 1c00 04000000" +                        //       IFLA_NET_NS_FD (nla_len 8) = 4
              "0900 0300 6574683300 000000";                //       IFLA_IFNAME (nla_len 9) = "eth3\0", 3 pad

    /// <summary>ip link add vg mtu 1400 group 7 master cn0 type veth peer name vgp (cn0 had index 2)</summary>
    private const string GroupAndMasterPeerInSameNamespace =
        "6c000000 1000 0506 2b06066b 00000000" +            // nlmsghdr: len 108, RTM_NEWLINK, NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE, seq 1795556907, pid 0
        "00 00 0000 00000000 00000000 00000000" +           // ifinfomsg: family AF_UNSPEC, pad, type 0, index 0, flags 0x0, change 0x0
        "0800 0400 78050000" +                              // IFLA_MTU (nla_len 8) = 1400
        "0800 1b00 07000000" +                              // IFLA_GROUP (nla_len 8) = 7
        "0800 0a00 02000000" +                              // IFLA_MASTER (nla_len 8) = 2
        "0700 0300 766700 00" +                             // IFLA_IFNAME (nla_len 7) = "vg\0", 1 pad
        "2c00 1200" +                                       // IFLA_LINKINFO (nla_len 44)
          "0800 0100 76657468" +                            //   IFLA_INFO_KIND (nla_len 8) = "veth" (no NUL)
          "2000 0200" +                                     //   IFLA_INFO_DATA (nla_len 32)
            "1c00 0100" +                                   //     VETH_INFO_PEER (nla_len 28)
              "00 00 0000 00000000 00000000 00000000" +     //       ifinfomsg: family AF_UNSPEC, pad, type 0, index 0, flags 0x0, change 0x0
              "0800 0300 76677000";                         //       IFLA_IFNAME (nla_len 8) = "vgp\0"

    [Fact]
    public void Peer_created_in_another_namespace_under_its_final_name()
    {
        var request = new NewLinkRequest
        {
            Name = "vweb",
            Kind = new VethKind { PeerName = "eth0", PeerNamespaceFd = 4 },
        };

        Golden.AssertEncodes(PeerInNamespace, request, Sequence);
    }

    [Fact]
    public void Echo_asks_for_the_created_link_back()
    {
        var request = new NewLinkRequest
        {
            Name = "vweb",
            Kind = new VethKind { PeerName = "eth0", PeerNamespaceFd = 4 },
            Echo = true,
        };

        Golden.AssertEncodes(PeerInNamespaceEcho, request, Sequence);
    }

    [Fact]
    public void Queue_counts_on_both_ends()
    {
        var request = new NewLinkRequest
        {
            Name = "vq",
            QueueCount = 1,
            Kind = new VethKind { PeerName = "eth3", PeerNamespaceFd = 4, PeerQueueCount = 1 },
        };

        Golden.AssertEncodes(QueuesOnBothEnds, request, Sequence);
    }

    [Fact]
    public void Mac_mtu_and_up_on_both_ends()
    {
        var request = new NewLinkRequest
        {
            Name = "vfull",
            MacAddress = [0x02, 0, 0, 0, 0, 0x01],
            Mtu = 1400,
            Up = true,
            Kind = new VethKind
            {
                PeerName = "eth1",
                PeerMacAddress = [0x02, 0, 0, 0, 0, 0x02],
                PeerMtu = 1400,
                PeerNamespaceFd = 4,
            },
        };

        Golden.AssertEncodes(PeerWithOptions, request, Sequence);
    }

    [Fact]
    public void Group_and_master_with_the_peer_left_in_this_namespace()
    {
        var request = new NewLinkRequest
        {
            Name = "vg",
            Mtu = 1400,
            Group = 7,
            MasterIndex = 2,
            Kind = new VethKind { PeerName = "vgp" },
        };

        Golden.AssertEncodes(GroupAndMasterPeerInSameNamespace, request, Sequence);
    }
}
