using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter;
using ContainerNet.Netlink.Netfilter.Chains;
using ContainerNet.Netlink.Tests.Netfilter.Support;

namespace ContainerNet.Netlink.Tests.Netfilter.GoldenBytes;

/// <summary>
/// Chain messages against nft 1.0.6's bytes (captured as TableRequestTests describes). nft's priority
/// names are the numbers of linux/netfilter_ipv4.h: dstnat -100, srcnat 100, filter 0, raw -300; hooks
/// are NF_INET_* of linux/netfilter.h. Attribute order: table, name, type, policy, hook, userdata.
/// </summary>
public sealed class ChainRequestTests
{
    /// <summary>nft -f: add chain inet containernet prerouting { type nat hook prerouting priority dstnat; }</summary>
    private const string AddChainPrerouting =
        "54000000 030a 0104 01000000 00000000" +          // nlmsghdr: len 84, NFT_MSG_NEWCHAIN, NLM_F_REQUEST|NLM_F_CREATE, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_CHAIN_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0f00 0300 707265726f7574696e6700 00" +           // NFTA_CHAIN_NAME (nla_len 15) = "prerouting\0", 1 pad
        "0800 0700 6e617400" +                            // NFTA_CHAIN_TYPE (nla_len 8) = "nat\0"
        "1400 0480" +                                     // NFTA_CHAIN_HOOK (nla_len 20, NLA_F_NESTED)
          "0800 0100 00000000" +                          //   NFTA_HOOK_HOOKNUM (nla_len 8) = 0 (NF_INET_PRE_ROUTING)
          "0800 0200 ffffff9c";                           //   NFTA_HOOK_PRIORITY (nla_len 8) = -100

    /// <summary>nft -f: add chain inet containernet postrouting { type nat hook postrouting priority srcnat; }</summary>
    private const string AddChainPostrouting =
        "54000000 030a 0104 01000000 00000000" +          // nlmsghdr: len 84, NFT_MSG_NEWCHAIN, NLM_F_REQUEST|NLM_F_CREATE, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_CHAIN_TABLE (nla_len 17) = "containernet\0", 3 pad
        "1000 0300 706f7374726f7574696e6700" +            // NFTA_CHAIN_NAME (nla_len 16) = "postrouting\0"
        "0800 0700 6e617400" +                            // NFTA_CHAIN_TYPE (nla_len 8) = "nat\0"
        "1400 0480" +                                     // NFTA_CHAIN_HOOK (nla_len 20, NLA_F_NESTED)
          "0800 0100 00000004" +                          //   NFTA_HOOK_HOOKNUM (nla_len 8) = 4 (NF_INET_POST_ROUTING)
          "0800 0200 00000064";                           //   NFTA_HOOK_PRIORITY (nla_len 8) = 100

    /// <summary>nft -f: add chain inet containernet forward { type filter hook forward priority filter; policy accept; }</summary>
    private const string AddChainForward =
        "5c000000 030a 0104 01000000 00000000" +          // nlmsghdr: len 92, NFT_MSG_NEWCHAIN, NLM_F_REQUEST|NLM_F_CREATE, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_CHAIN_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0c00 0300 666f727761726400" +                    // NFTA_CHAIN_NAME (nla_len 12) = "forward\0"
        "0b00 0700 66696c74657200 00" +                   // NFTA_CHAIN_TYPE (nla_len 11) = "filter\0", 1 pad
        "0800 0500 00000001" +                            // NFTA_CHAIN_POLICY (nla_len 8) = 1 (NF_ACCEPT)
        "1400 0480" +                                     // NFTA_CHAIN_HOOK (nla_len 20, NLA_F_NESTED)
          "0800 0100 00000002" +                          //   NFTA_HOOK_HOOKNUM (nla_len 8) = 2 (NF_INET_FORWARD)
          "0800 0200 00000000";                           //   NFTA_HOOK_PRIORITY (nla_len 8) = 0

    /// <summary>nft -f: add chain inet containernet net-default</summary>
    private const string AddChainRegular =
        "38000000 030a 0104 01000000 00000000" +          // nlmsghdr: len 56, NFT_MSG_NEWCHAIN, NLM_F_REQUEST|NLM_F_CREATE, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_CHAIN_TABLE (nla_len 17) = "containernet\0", 3 pad
        "1000 0300 6e65742d64656661756c7400";             // NFTA_CHAIN_NAME (nla_len 16) = "net-default\0"

    /// <summary>nft -f: add chain inet containernet raw { type filter hook prerouting priority raw; }</summary>
    private const string AddChainRaw =
        "50000000 030a 0104 01000000 00000000" +          // nlmsghdr: len 80, NFT_MSG_NEWCHAIN, NLM_F_REQUEST|NLM_F_CREATE, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_CHAIN_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0800 0300 72617700" +                            // NFTA_CHAIN_NAME (nla_len 8) = "raw\0"
        "0b00 0700 66696c74657200 00" +                   // NFTA_CHAIN_TYPE (nla_len 11) = "filter\0", 1 pad
        "1400 0480" +                                     // NFTA_CHAIN_HOOK (nla_len 20, NLA_F_NESTED)
          "0800 0100 00000000" +                          //   NFTA_HOOK_HOOKNUM (nla_len 8) = 0 (NF_INET_PRE_ROUTING)
          "0800 0200 fffffed4";                           //   NFTA_HOOK_PRIORITY (nla_len 8) = -300

    /// <summary>nft -f: add chain inet containernet input { type filter hook input priority filter; policy accept; comment "host"; }</summary>
    private const string AddChainInput =
        "68000000 030a 0104 01000000 00000000" +          // nlmsghdr: len 104, NFT_MSG_NEWCHAIN, NLM_F_REQUEST|NLM_F_CREATE, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_CHAIN_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0a00 0300 696e70757400 0000" +                   // NFTA_CHAIN_NAME (nla_len 10) = "input\0", 2 pad
        "0b00 0700 66696c74657200 00" +                   // NFTA_CHAIN_TYPE (nla_len 11) = "filter\0", 1 pad
        "0800 0500 00000001" +                            // NFTA_CHAIN_POLICY (nla_len 8) = 1 (NF_ACCEPT)
        "1400 0480" +                                     // NFTA_CHAIN_HOOK (nla_len 20, NLA_F_NESTED)
          "0800 0100 00000001" +                          //   NFTA_HOOK_HOOKNUM (nla_len 8) = 1 (NF_INET_LOCAL_IN)
          "0800 0200 00000000" +                          //   NFTA_HOOK_PRIORITY (nla_len 8) = 0
        "0b00 0c00 0005686f737400 00";                    // NFTA_CHAIN_USERDATA (nla_len 11) = 0005686f737400, 1 pad

    /// <summary>nft -f: add chain inet containernet net-web { comment "net:web"; }</summary>
    private const string AddChainComment =
        "44000000 030a 0104 01000000 00000000" +          // nlmsghdr: len 68, NFT_MSG_NEWCHAIN, NLM_F_REQUEST|NLM_F_CREATE, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_CHAIN_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0c00 0300 6e65742d77656200" +                    // NFTA_CHAIN_NAME (nla_len 12) = "net-web\0"
        "0e00 0c00 00086e65743a77656200 0000";            // NFTA_CHAIN_USERDATA (nla_len 14) = 00086e65743a77656200, 2 pad

    /// <summary>nft -f: delete chain inet containernet scratch</summary>
    private const string DelChain =
        "34000000 050a 0100 01000000 00000000" +          // nlmsghdr: len 52, NFT_MSG_DELCHAIN, NLM_F_REQUEST, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_CHAIN_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0c00 0300 7363726174636800";                     // NFTA_CHAIN_NAME (nla_len 12) = "scratch\0"

    private static NftChain Base(string name, string type, uint hook, int priority, uint? policy = null, string? comment = null) => new()
    {
        Family = NftFamily.Inet, Table = "containernet", Name = name, Type = type, Hook = new NftChainHook(hook, priority),
        Policy = policy, Comment = comment,
    };

    [Fact]
    public void Nat_prerouting_at_dstnat() =>
        NftGolden.AssertEncodes(AddChainPrerouting, new NewChainRequest
        {
            Chain = Base("prerouting", "nat", NfConstants.NF_INET_PRE_ROUTING, NfIpv4Constants.NF_IP_PRI_NAT_DST),
        });

    [Fact]
    public void Nat_postrouting_at_srcnat() =>
        NftGolden.AssertEncodes(AddChainPostrouting, new NewChainRequest
        {
            Chain = Base("postrouting", "nat", NfConstants.NF_INET_POST_ROUTING, NfIpv4Constants.NF_IP_PRI_NAT_SRC),
        });

    [Fact]
    public void Filter_forward_with_policy_accept() =>
        NftGolden.AssertEncodes(AddChainForward, new NewChainRequest
        {
            Chain = Base("forward", "filter", NfConstants.NF_INET_FORWARD, NfIpv4Constants.NF_IP_PRI_FILTER, (uint)NfConstants.NF_ACCEPT),
        });

    [Fact]
    public void Filter_prerouting_at_raw() =>
        NftGolden.AssertEncodes(AddChainRaw, new NewChainRequest
        {
            Chain = Base("raw", "filter", NfConstants.NF_INET_PRE_ROUTING, NfIpv4Constants.NF_IP_PRI_RAW),
        });

    [Fact]
    public void A_regular_chain_has_only_table_and_name() =>
        NftGolden.AssertEncodes(AddChainRegular, new NewChainRequest
        {
            Chain = new NftChain { Family = NftFamily.Inet, Table = "containernet", Name = "net-default" },
        });

    [Fact]
    public void A_base_chain_comment_follows_the_hook() =>
        NftGolden.AssertEncodes(AddChainInput, new NewChainRequest
        {
            Chain = Base("input", "filter", NfConstants.NF_INET_LOCAL_IN, NfIpv4Constants.NF_IP_PRI_FILTER, (uint)NfConstants.NF_ACCEPT, "host"),
        });

    [Fact]
    public void A_regular_chain_comment_follows_the_name() =>
        NftGolden.AssertEncodes(AddChainComment, new NewChainRequest
        {
            Chain = new NftChain { Family = NftFamily.Inet, Table = "containernet", Name = "net-web", Comment = "net:web" },
        });

    [Fact]
    public void Delete_chain_by_name() =>
        NftGolden.AssertEncodes(DelChain, new DeleteChainRequest { Family = NftFamily.Inet, Table = "containernet", Name = "scratch" });
}
