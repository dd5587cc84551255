using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter;
using ContainerNet.Netlink.Netfilter.Data;
using ContainerNet.Netlink.Netfilter.Expressions;
using ContainerNet.Netlink.Netfilter.Rules;
using ContainerNet.Netlink.Tests.Netfilter.Support;
using static ContainerNet.Netlink.Constants.NfTablesConstants;
using static ContainerNet.Netlink.Tests.Netfilter.Support.NftBytes;
using static ContainerNet.Netlink.Tests.Netfilter.Support.RuleParts;

namespace ContainerNet.Netlink.Tests.Netfilter.GoldenBytes;

/// <summary>
/// Rule messages, and with them the expression encoders, against nft 1.0.6's bytes for the same rules
/// (captured as TableRequestTests describes; `nft --debug=netlink` printed the expression view quoted in each
/// test): NAT: masquerade (plain, with flags, to a port range), DNAT through the published-ports map and to a
/// fixed address, SNAT and redirect. nft loads the first value into NFT_REG_1 and the further fields of a
/// concatenation into NFT_REG32_01.. (the 4-byte registers behind NFT_REG_1's 16 bytes); it matches IPv4 in
/// an inet table with `meta nfproto` first, and a /16 as a 2-byte load without bitwise. Set references carry
/// the id nft's cache gave the set (hosts 1, ports 3, bridges 4).
/// </summary>
public sealed class RuleRequestNatTests
{
    /// <summary>nft -f: add rule inet containernet postrouting ip saddr 10.88.0.0/16 oifname != "cn0" masquerade comment "net:default"</summary>
    private const string AddRuleMasq =
        "70010000 060a 010c 01000000 00000000" +                 // nlmsghdr: len 368, NFT_MSG_NEWRULE, NLM_F_REQUEST|NLM_F_CREATE|NLM_F_APPEND, seq 1, pid 0
        "01 00 0000" +                                           // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +          // NFTA_RULE_TABLE (nla_len 17) = "containernet\0", 3 pad
        "1000 0200 706f7374726f7574696e6700" +                   // NFTA_RULE_CHAIN (nla_len 16) = "postrouting\0"
        "2401 0480" +                                            // NFTA_RULE_EXPRESSIONS (nla_len 292, NLA_F_NESTED)
          "2400 0180" +                                          //   NFTA_LIST_ELEM (nla_len 36, NLA_F_NESTED)
            "0900 0100 6d65746100 000000" +                      //     NFTA_EXPR_NAME (nla_len 9) = "meta\0", 3 pad
            "1400 0280" +                                        //     NFTA_EXPR_DATA (nla_len 20, NLA_F_NESTED)
              "0800 0200 0000000f" +                             //       NFTA_META_KEY (nla_len 8) = 15 (NFT_META_NFPROTO)
              "0800 0100 00000001" +                             //       NFTA_META_DREG (nla_len 8) = 1 (NFT_REG_1)
          "2c00 0180" +                                          //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0800 0100 636d7000" +                               //     NFTA_EXPR_NAME (nla_len 8) = "cmp\0"
            "2000 0280" +                                        //     NFTA_EXPR_DATA (nla_len 32, NLA_F_NESTED)
              "0800 0100 00000001" +                             //       NFTA_CMP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000000" +                             //       NFTA_CMP_OP (nla_len 8) = 0 (NFT_CMP_EQ)
              "0c00 0380" +                                      //       NFTA_CMP_DATA (nla_len 12, NLA_F_NESTED)
                "0500 0100 02 000000" +                          //         NFTA_DATA_VALUE (nla_len 5) = 2, 3 pad
          "3400 0180" +                                          //   NFTA_LIST_ELEM (nla_len 52, NLA_F_NESTED)
            "0c00 0100 7061796c6f616400" +                       //     NFTA_EXPR_NAME (nla_len 12) = "payload\0"
            "2400 0280" +                                        //     NFTA_EXPR_DATA (nla_len 36, NLA_F_NESTED)
              "0800 0100 00000001" +                             //       NFTA_PAYLOAD_DREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000001" +                             //       NFTA_PAYLOAD_BASE (nla_len 8) = 1 (NFT_PAYLOAD_NETWORK_HEADER)
              "0800 0300 0000000c" +                             //       NFTA_PAYLOAD_OFFSET (nla_len 8) = 12
              "0800 0400 00000002" +                             //       NFTA_PAYLOAD_LEN (nla_len 8) = 2
          "2c00 0180" +                                          //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0800 0100 636d7000" +                               //     NFTA_EXPR_NAME (nla_len 8) = "cmp\0"
            "2000 0280" +                                        //     NFTA_EXPR_DATA (nla_len 32, NLA_F_NESTED)
              "0800 0100 00000001" +                             //       NFTA_CMP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000000" +                             //       NFTA_CMP_OP (nla_len 8) = 0 (NFT_CMP_EQ)
              "0c00 0380" +                                      //       NFTA_CMP_DATA (nla_len 12, NLA_F_NESTED)
                "0600 0100 0a58 0000" +                          //         NFTA_DATA_VALUE (nla_len 6) = 0a58, 2 pad
          "2400 0180" +                                          //   NFTA_LIST_ELEM (nla_len 36, NLA_F_NESTED)
            "0900 0100 6d65746100 000000" +                      //     NFTA_EXPR_NAME (nla_len 9) = "meta\0", 3 pad
            "1400 0280" +                                        //     NFTA_EXPR_DATA (nla_len 20, NLA_F_NESTED)
              "0800 0200 00000007" +                             //       NFTA_META_KEY (nla_len 8) = 7 (NFT_META_OIFNAME)
              "0800 0100 00000001" +                             //       NFTA_META_DREG (nla_len 8) = 1 (NFT_REG_1)
          "3800 0180" +                                          //   NFTA_LIST_ELEM (nla_len 56, NLA_F_NESTED)
            "0800 0100 636d7000" +                               //     NFTA_EXPR_NAME (nla_len 8) = "cmp\0"
            "2c00 0280" +                                        //     NFTA_EXPR_DATA (nla_len 44, NLA_F_NESTED)
              "0800 0100 00000001" +                             //       NFTA_CMP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000001" +                             //       NFTA_CMP_OP (nla_len 8) = 1 (NFT_CMP_NEQ)
              "1800 0380" +                                      //       NFTA_CMP_DATA (nla_len 24, NLA_F_NESTED)
                "1400 0100 636e3000000000000000000000000000" +   //         NFTA_DATA_VALUE (nla_len 20) = "cn0" padded to IFNAMSIZ
          "1400 0180" +                                          //   NFTA_LIST_ELEM (nla_len 20, NLA_F_NESTED)
            "0900 0100 6d61737100 000000" +                      //     NFTA_EXPR_NAME (nla_len 9) = "masq\0", 3 pad
            "0400 0280" +                                        //     NFTA_EXPR_DATA (nla_len 4, NLA_F_NESTED)
        "1200 0700 000c6e65743a64656661756c7400 0000";           // NFTA_RULE_USERDATA (nla_len 18): COMMENT (0, len 12) = "net:default\0", 2 pad

    /// <summary>nft -f: add rule inet containernet postrouting ip saddr 10.90.0.0/16 masquerade fully-random</summary>
    private const string AddRuleMasqFlags =
        "08010000 060a 010c 01000000 00000000" +          // nlmsghdr: len 264, NFT_MSG_NEWRULE, NLM_F_REQUEST|NLM_F_CREATE|NLM_F_APPEND, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_RULE_TABLE (nla_len 17) = "containernet\0", 3 pad
        "1000 0200 706f7374726f7574696e6700" +            // NFTA_RULE_CHAIN (nla_len 16) = "postrouting\0"
        "d000 0480" +                                     // NFTA_RULE_EXPRESSIONS (nla_len 208, NLA_F_NESTED)
          "2400 0180" +                                   //   NFTA_LIST_ELEM (nla_len 36, NLA_F_NESTED)
            "0900 0100 6d65746100 000000" +               //     NFTA_EXPR_NAME (nla_len 9) = "meta\0", 3 pad
            "1400 0280" +                                 //     NFTA_EXPR_DATA (nla_len 20, NLA_F_NESTED)
              "0800 0200 0000000f" +                      //       NFTA_META_KEY (nla_len 8) = 15 (NFT_META_NFPROTO)
              "0800 0100 00000001" +                      //       NFTA_META_DREG (nla_len 8) = 1 (NFT_REG_1)
          "2c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0800 0100 636d7000" +                        //     NFTA_EXPR_NAME (nla_len 8) = "cmp\0"
            "2000 0280" +                                 //     NFTA_EXPR_DATA (nla_len 32, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_CMP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000000" +                      //       NFTA_CMP_OP (nla_len 8) = 0 (NFT_CMP_EQ)
              "0c00 0380" +                               //       NFTA_CMP_DATA (nla_len 12, NLA_F_NESTED)
                "0500 0100 02 000000" +                   //         NFTA_DATA_VALUE (nla_len 5) = 2, 3 pad
          "3400 0180" +                                   //   NFTA_LIST_ELEM (nla_len 52, NLA_F_NESTED)
            "0c00 0100 7061796c6f616400" +                //     NFTA_EXPR_NAME (nla_len 12) = "payload\0"
            "2400 0280" +                                 //     NFTA_EXPR_DATA (nla_len 36, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_PAYLOAD_DREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000001" +                      //       NFTA_PAYLOAD_BASE (nla_len 8) = 1 (NFT_PAYLOAD_NETWORK_HEADER)
              "0800 0300 0000000c" +                      //       NFTA_PAYLOAD_OFFSET (nla_len 8) = 12
              "0800 0400 00000002" +                      //       NFTA_PAYLOAD_LEN (nla_len 8) = 2
          "2c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0800 0100 636d7000" +                        //     NFTA_EXPR_NAME (nla_len 8) = "cmp\0"
            "2000 0280" +                                 //     NFTA_EXPR_DATA (nla_len 32, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_CMP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000000" +                      //       NFTA_CMP_OP (nla_len 8) = 0 (NFT_CMP_EQ)
              "0c00 0380" +                               //       NFTA_CMP_DATA (nla_len 12, NLA_F_NESTED)
                "0600 0100 0a5a 0000" +                   //         NFTA_DATA_VALUE (nla_len 6) = 0a5a, 2 pad
          "1c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 28, NLA_F_NESTED)
            "0900 0100 6d61737100 000000" +               //     NFTA_EXPR_NAME (nla_len 9) = "masq\0", 3 pad
            "0c00 0280" +                                 //     NFTA_EXPR_DATA (nla_len 12, NLA_F_NESTED)
              "0800 0100 00000010";                       //       NFTA_MASQ_FLAGS (nla_len 8) = 0x10

    /// <summary>nft -f: add rule inet containernet postrouting ip saddr 10.91.0.0/16 meta l4proto tcp masquerade to :1024-65535</summary>
    private const string AddRuleMasqPorts =
        "c0010000 060a 010c 01000000 00000000" +          // nlmsghdr: len 448, NFT_MSG_NEWRULE, NLM_F_REQUEST|NLM_F_CREATE|NLM_F_APPEND, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_RULE_TABLE (nla_len 17) = "containernet\0", 3 pad
        "1000 0200 706f7374726f7574696e6700" +            // NFTA_RULE_CHAIN (nla_len 16) = "postrouting\0"
        "8801 0480" +                                     // NFTA_RULE_EXPRESSIONS (nla_len 392, NLA_F_NESTED)
          "2400 0180" +                                   //   NFTA_LIST_ELEM (nla_len 36, NLA_F_NESTED)
            "0900 0100 6d65746100 000000" +               //     NFTA_EXPR_NAME (nla_len 9) = "meta\0", 3 pad
            "1400 0280" +                                 //     NFTA_EXPR_DATA (nla_len 20, NLA_F_NESTED)
              "0800 0200 0000000f" +                      //       NFTA_META_KEY (nla_len 8) = 15 (NFT_META_NFPROTO)
              "0800 0100 00000001" +                      //       NFTA_META_DREG (nla_len 8) = 1 (NFT_REG_1)
          "2c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0800 0100 636d7000" +                        //     NFTA_EXPR_NAME (nla_len 8) = "cmp\0"
            "2000 0280" +                                 //     NFTA_EXPR_DATA (nla_len 32, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_CMP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000000" +                      //       NFTA_CMP_OP (nla_len 8) = 0 (NFT_CMP_EQ)
              "0c00 0380" +                               //       NFTA_CMP_DATA (nla_len 12, NLA_F_NESTED)
                "0500 0100 02 000000" +                   //         NFTA_DATA_VALUE (nla_len 5) = 2, 3 pad
          "3400 0180" +                                   //   NFTA_LIST_ELEM (nla_len 52, NLA_F_NESTED)
            "0c00 0100 7061796c6f616400" +                //     NFTA_EXPR_NAME (nla_len 12) = "payload\0"
            "2400 0280" +                                 //     NFTA_EXPR_DATA (nla_len 36, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_PAYLOAD_DREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000001" +                      //       NFTA_PAYLOAD_BASE (nla_len 8) = 1 (NFT_PAYLOAD_NETWORK_HEADER)
              "0800 0300 0000000c" +                      //       NFTA_PAYLOAD_OFFSET (nla_len 8) = 12
              "0800 0400 00000002" +                      //       NFTA_PAYLOAD_LEN (nla_len 8) = 2
          "2c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0800 0100 636d7000" +                        //     NFTA_EXPR_NAME (nla_len 8) = "cmp\0"
            "2000 0280" +                                 //     NFTA_EXPR_DATA (nla_len 32, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_CMP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000000" +                      //       NFTA_CMP_OP (nla_len 8) = 0 (NFT_CMP_EQ)
              "0c00 0380" +                               //       NFTA_CMP_DATA (nla_len 12, NLA_F_NESTED)
                "0600 0100 0a5b 0000" +                   //         NFTA_DATA_VALUE (nla_len 6) = 0a5b, 2 pad
          "2400 0180" +                                   //   NFTA_LIST_ELEM (nla_len 36, NLA_F_NESTED)
            "0900 0100 6d65746100 000000" +               //     NFTA_EXPR_NAME (nla_len 9) = "meta\0", 3 pad
            "1400 0280" +                                 //     NFTA_EXPR_DATA (nla_len 20, NLA_F_NESTED)
              "0800 0200 00000010" +                      //       NFTA_META_KEY (nla_len 8) = 16 (NFT_META_L4PROTO)
              "0800 0100 00000001" +                      //       NFTA_META_DREG (nla_len 8) = 1 (NFT_REG_1)
          "2c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0800 0100 636d7000" +                        //     NFTA_EXPR_NAME (nla_len 8) = "cmp\0"
            "2000 0280" +                                 //     NFTA_EXPR_DATA (nla_len 32, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_CMP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000000" +                      //       NFTA_CMP_OP (nla_len 8) = 0 (NFT_CMP_EQ)
              "0c00 0380" +                               //       NFTA_CMP_DATA (nla_len 12, NLA_F_NESTED)
                "0500 0100 06 000000" +                   //         NFTA_DATA_VALUE (nla_len 5) = 6, 3 pad
          "2c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0e00 0100 696d6d65646961746500 0000" +       //     NFTA_EXPR_NAME (nla_len 14) = "immediate\0", 2 pad
            "1800 0280" +                                 //     NFTA_EXPR_DATA (nla_len 24, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_IMMEDIATE_DREG (nla_len 8) = 1 (NFT_REG_1)
              "0c00 0280" +                               //       NFTA_IMMEDIATE_DATA (nla_len 12, NLA_F_NESTED)
                "0600 0100 0400 0000" +                   //         NFTA_DATA_VALUE (nla_len 6) = 0400, 2 pad
          "2c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0e00 0100 696d6d65646961746500 0000" +       //     NFTA_EXPR_NAME (nla_len 14) = "immediate\0", 2 pad
            "1800 0280" +                                 //     NFTA_EXPR_DATA (nla_len 24, NLA_F_NESTED)
              "0800 0100 00000002" +                      //       NFTA_IMMEDIATE_DREG (nla_len 8) = 2 (NFT_REG_2)
              "0c00 0280" +                               //       NFTA_IMMEDIATE_DATA (nla_len 12, NLA_F_NESTED)
                "0600 0100 ffff 0000" +                   //         NFTA_DATA_VALUE (nla_len 6) = ffff, 2 pad
          "2c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0900 0100 6d61737100 000000" +               //     NFTA_EXPR_NAME (nla_len 9) = "masq\0", 3 pad
            "1c00 0280" +                                 //     NFTA_EXPR_DATA (nla_len 28, NLA_F_NESTED)
              "0800 0100 00000002" +                      //       NFTA_MASQ_FLAGS (nla_len 8) = 0x2
              "0800 0200 00000001" +                      //       NFTA_MASQ_REG_PROTO_MIN (nla_len 8) = 1 (NFT_REG_1)
              "0800 0300 00000002";                       //       NFTA_MASQ_REG_PROTO_MAX (nla_len 8) = 2 (NFT_REG_2)

    /// <summary>nft -f: add rule inet containernet prerouting fib daddr type local dnat ip addr . port to meta l4proto . th dport map @ports</summary>
    private const string AddRuleDnatMap =
        "50010000 060a 010c 01000000 00000000" +          // nlmsghdr: len 336, NFT_MSG_NEWRULE, NLM_F_REQUEST|NLM_F_CREATE|NLM_F_APPEND, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_RULE_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0f00 0200 707265726f7574696e6700 00" +           // NFTA_RULE_CHAIN (nla_len 15) = "prerouting\0", 1 pad
        "1801 0480" +                                     // NFTA_RULE_EXPRESSIONS (nla_len 280, NLA_F_NESTED)
          "2800 0180" +                                   //   NFTA_LIST_ELEM (nla_len 40, NLA_F_NESTED)
            "0800 0100 66696200" +                        //     NFTA_EXPR_NAME (nla_len 8) = "fib\0"
            "1c00 0280" +                                 //     NFTA_EXPR_DATA (nla_len 28, NLA_F_NESTED)
              "0800 0300 00000002" +                      //       NFTA_FIB_FLAGS (nla_len 8) = 0x2
              "0800 0200 00000003" +                      //       NFTA_FIB_RESULT (nla_len 8) = 3 (NFT_FIB_RESULT_ADDRTYPE)
              "0800 0100 00000001" +                      //       NFTA_FIB_DREG (nla_len 8) = 1 (NFT_REG_1)
          "2c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0800 0100 636d7000" +                        //     NFTA_EXPR_NAME (nla_len 8) = "cmp\0"
            "2000 0280" +                                 //     NFTA_EXPR_DATA (nla_len 32, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_CMP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000000" +                      //       NFTA_CMP_OP (nla_len 8) = 0 (NFT_CMP_EQ)
              "0c00 0380" +                               //       NFTA_CMP_DATA (nla_len 12, NLA_F_NESTED)
                "0800 0100 02000000" +                    //         NFTA_DATA_VALUE (nla_len 8) = 02000000
          "2400 0180" +                                   //   NFTA_LIST_ELEM (nla_len 36, NLA_F_NESTED)
            "0900 0100 6d65746100 000000" +               //     NFTA_EXPR_NAME (nla_len 9) = "meta\0", 3 pad
            "1400 0280" +                                 //     NFTA_EXPR_DATA (nla_len 20, NLA_F_NESTED)
              "0800 0200 00000010" +                      //       NFTA_META_KEY (nla_len 8) = 16 (NFT_META_L4PROTO)
              "0800 0100 00000001" +                      //       NFTA_META_DREG (nla_len 8) = 1 (NFT_REG_1)
          "3400 0180" +                                   //   NFTA_LIST_ELEM (nla_len 52, NLA_F_NESTED)
            "0c00 0100 7061796c6f616400" +                //     NFTA_EXPR_NAME (nla_len 12) = "payload\0"
            "2400 0280" +                                 //     NFTA_EXPR_DATA (nla_len 36, NLA_F_NESTED)
              "0800 0100 00000009" +                      //       NFTA_PAYLOAD_DREG (nla_len 8) = 9 (NFT_REG32_01)
              "0800 0200 00000002" +                      //       NFTA_PAYLOAD_BASE (nla_len 8) = 2 (NFT_PAYLOAD_TRANSPORT_HEADER)
              "0800 0300 00000002" +                      //       NFTA_PAYLOAD_OFFSET (nla_len 8) = 2
              "0800 0400 00000002" +                      //       NFTA_PAYLOAD_LEN (nla_len 8) = 2
          "3800 0180" +                                   //   NFTA_LIST_ELEM (nla_len 56, NLA_F_NESTED)
            "0b00 0100 6c6f6f6b757000 00" +               //     NFTA_EXPR_NAME (nla_len 11) = "lookup\0", 1 pad
            "2800 0280" +                                 //     NFTA_EXPR_DATA (nla_len 40, NLA_F_NESTED)
              "0800 0200 00000001" +                      //       NFTA_LOOKUP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0300 00000001" +                      //       NFTA_LOOKUP_DREG (nla_len 8) = 1 (NFT_REG_1)
              "0a00 0100 706f72747300 0000" +             //       NFTA_LOOKUP_SET (nla_len 10) = "ports\0", 2 pad
              "0800 0400 00000003" +                      //       NFTA_LOOKUP_SET_ID (nla_len 8) = 3
          "3000 0180" +                                   //   NFTA_LIST_ELEM (nla_len 48, NLA_F_NESTED)
            "0800 0100 6e617400" +                        //     NFTA_EXPR_NAME (nla_len 8) = "nat\0"
            "2400 0280" +                                 //     NFTA_EXPR_DATA (nla_len 36, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_NAT_TYPE (nla_len 8) = 1 (NFT_NAT_DNAT)
              "0800 0200 00000002" +                      //       NFTA_NAT_FAMILY (nla_len 8) = 2 (NFPROTO_IPV4)
              "0800 0300 00000001" +                      //       NFTA_NAT_REG_ADDR_MIN (nla_len 8) = 1 (NFT_REG_1)
              "0800 0500 00000009";                       //       NFTA_NAT_REG_PROTO_MIN (nla_len 8) = 9 (NFT_REG32_01)

    /// <summary>nft -f: add rule inet containernet prerouting ip daddr 203.0.113.2 tcp dport 8080 dnat ip to 10.88.0.2:80</summary>
    private const string AddRuleDnatFixed =
        "2c020000 060a 010c 01000000 00000000" +          // nlmsghdr: len 556, NFT_MSG_NEWRULE, NLM_F_REQUEST|NLM_F_CREATE|NLM_F_APPEND, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_RULE_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0f00 0200 707265726f7574696e6700 00" +           // NFTA_RULE_CHAIN (nla_len 15) = "prerouting\0", 1 pad
        "f401 0480" +                                     // NFTA_RULE_EXPRESSIONS (nla_len 500, NLA_F_NESTED)
          "2400 0180" +                                   //   NFTA_LIST_ELEM (nla_len 36, NLA_F_NESTED)
            "0900 0100 6d65746100 000000" +               //     NFTA_EXPR_NAME (nla_len 9) = "meta\0", 3 pad
            "1400 0280" +                                 //     NFTA_EXPR_DATA (nla_len 20, NLA_F_NESTED)
              "0800 0200 0000000f" +                      //       NFTA_META_KEY (nla_len 8) = 15 (NFT_META_NFPROTO)
              "0800 0100 00000001" +                      //       NFTA_META_DREG (nla_len 8) = 1 (NFT_REG_1)
          "2c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0800 0100 636d7000" +                        //     NFTA_EXPR_NAME (nla_len 8) = "cmp\0"
            "2000 0280" +                                 //     NFTA_EXPR_DATA (nla_len 32, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_CMP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000000" +                      //       NFTA_CMP_OP (nla_len 8) = 0 (NFT_CMP_EQ)
              "0c00 0380" +                               //       NFTA_CMP_DATA (nla_len 12, NLA_F_NESTED)
                "0500 0100 02 000000" +                   //         NFTA_DATA_VALUE (nla_len 5) = 2, 3 pad
          "3400 0180" +                                   //   NFTA_LIST_ELEM (nla_len 52, NLA_F_NESTED)
            "0c00 0100 7061796c6f616400" +                //     NFTA_EXPR_NAME (nla_len 12) = "payload\0"
            "2400 0280" +                                 //     NFTA_EXPR_DATA (nla_len 36, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_PAYLOAD_DREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000001" +                      //       NFTA_PAYLOAD_BASE (nla_len 8) = 1 (NFT_PAYLOAD_NETWORK_HEADER)
              "0800 0300 00000010" +                      //       NFTA_PAYLOAD_OFFSET (nla_len 8) = 16
              "0800 0400 00000004" +                      //       NFTA_PAYLOAD_LEN (nla_len 8) = 4
          "2c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0800 0100 636d7000" +                        //     NFTA_EXPR_NAME (nla_len 8) = "cmp\0"
            "2000 0280" +                                 //     NFTA_EXPR_DATA (nla_len 32, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_CMP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000000" +                      //       NFTA_CMP_OP (nla_len 8) = 0 (NFT_CMP_EQ)
              "0c00 0380" +                               //       NFTA_CMP_DATA (nla_len 12, NLA_F_NESTED)
                "0800 0100 cb007102" +                    //         NFTA_DATA_VALUE (nla_len 8) = cb007102
          "2400 0180" +                                   //   NFTA_LIST_ELEM (nla_len 36, NLA_F_NESTED)
            "0900 0100 6d65746100 000000" +               //     NFTA_EXPR_NAME (nla_len 9) = "meta\0", 3 pad
            "1400 0280" +                                 //     NFTA_EXPR_DATA (nla_len 20, NLA_F_NESTED)
              "0800 0200 00000010" +                      //       NFTA_META_KEY (nla_len 8) = 16 (NFT_META_L4PROTO)
              "0800 0100 00000001" +                      //       NFTA_META_DREG (nla_len 8) = 1 (NFT_REG_1)
          "2c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0800 0100 636d7000" +                        //     NFTA_EXPR_NAME (nla_len 8) = "cmp\0"
            "2000 0280" +                                 //     NFTA_EXPR_DATA (nla_len 32, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_CMP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000000" +                      //       NFTA_CMP_OP (nla_len 8) = 0 (NFT_CMP_EQ)
              "0c00 0380" +                               //       NFTA_CMP_DATA (nla_len 12, NLA_F_NESTED)
                "0500 0100 06 000000" +                   //         NFTA_DATA_VALUE (nla_len 5) = 6, 3 pad
          "3400 0180" +                                   //   NFTA_LIST_ELEM (nla_len 52, NLA_F_NESTED)
            "0c00 0100 7061796c6f616400" +                //     NFTA_EXPR_NAME (nla_len 12) = "payload\0"
            "2400 0280" +                                 //     NFTA_EXPR_DATA (nla_len 36, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_PAYLOAD_DREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000002" +                      //       NFTA_PAYLOAD_BASE (nla_len 8) = 2 (NFT_PAYLOAD_TRANSPORT_HEADER)
              "0800 0300 00000002" +                      //       NFTA_PAYLOAD_OFFSET (nla_len 8) = 2
              "0800 0400 00000002" +                      //       NFTA_PAYLOAD_LEN (nla_len 8) = 2
          "2c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0800 0100 636d7000" +                        //     NFTA_EXPR_NAME (nla_len 8) = "cmp\0"
            "2000 0280" +                                 //     NFTA_EXPR_DATA (nla_len 32, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_CMP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000000" +                      //       NFTA_CMP_OP (nla_len 8) = 0 (NFT_CMP_EQ)
              "0c00 0380" +                               //       NFTA_CMP_DATA (nla_len 12, NLA_F_NESTED)
                "0600 0100 1f90 0000" +                   //         NFTA_DATA_VALUE (nla_len 6) = 1f90, 2 pad
          "2c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0e00 0100 696d6d65646961746500 0000" +       //     NFTA_EXPR_NAME (nla_len 14) = "immediate\0", 2 pad
            "1800 0280" +                                 //     NFTA_EXPR_DATA (nla_len 24, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_IMMEDIATE_DREG (nla_len 8) = 1 (NFT_REG_1)
              "0c00 0280" +                               //       NFTA_IMMEDIATE_DATA (nla_len 12, NLA_F_NESTED)
                "0800 0100 0a580002" +                    //         NFTA_DATA_VALUE (nla_len 8) = 0a580002
          "2c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0e00 0100 696d6d65646961746500 0000" +       //     NFTA_EXPR_NAME (nla_len 14) = "immediate\0", 2 pad
            "1800 0280" +                                 //     NFTA_EXPR_DATA (nla_len 24, NLA_F_NESTED)
              "0800 0100 00000002" +                      //       NFTA_IMMEDIATE_DREG (nla_len 8) = 2 (NFT_REG_2)
              "0c00 0280" +                               //       NFTA_IMMEDIATE_DATA (nla_len 12, NLA_F_NESTED)
                "0600 0100 0050 0000" +                   //         NFTA_DATA_VALUE (nla_len 6) = 0050, 2 pad
          "3800 0180" +                                   //   NFTA_LIST_ELEM (nla_len 56, NLA_F_NESTED)
            "0800 0100 6e617400" +                        //     NFTA_EXPR_NAME (nla_len 8) = "nat\0"
            "2c00 0280" +                                 //     NFTA_EXPR_DATA (nla_len 44, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_NAT_TYPE (nla_len 8) = 1 (NFT_NAT_DNAT)
              "0800 0200 00000002" +                      //       NFTA_NAT_FAMILY (nla_len 8) = 2 (NFPROTO_IPV4)
              "0800 0300 00000001" +                      //       NFTA_NAT_REG_ADDR_MIN (nla_len 8) = 1 (NFT_REG_1)
              "0800 0500 00000002" +                      //       NFTA_NAT_REG_PROTO_MIN (nla_len 8) = 2 (NFT_REG_2)
              "0800 0700 00000002";                       //       NFTA_NAT_FLAGS (nla_len 8) = 0x2

    /// <summary>nft -f: add rule inet containernet postrouting oifname "eth0" snat ip to 203.0.113.2</summary>
    private const string AddRuleSnat =
        "ec000000 060a 010c 01000000 00000000" +                 // nlmsghdr: len 236, NFT_MSG_NEWRULE, NLM_F_REQUEST|NLM_F_CREATE|NLM_F_APPEND, seq 1, pid 0
        "01 00 0000" +                                           // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +          // NFTA_RULE_TABLE (nla_len 17) = "containernet\0", 3 pad
        "1000 0200 706f7374726f7574696e6700" +                   // NFTA_RULE_CHAIN (nla_len 16) = "postrouting\0"
        "b400 0480" +                                            // NFTA_RULE_EXPRESSIONS (nla_len 180, NLA_F_NESTED)
          "2400 0180" +                                          //   NFTA_LIST_ELEM (nla_len 36, NLA_F_NESTED)
            "0900 0100 6d65746100 000000" +                      //     NFTA_EXPR_NAME (nla_len 9) = "meta\0", 3 pad
            "1400 0280" +                                        //     NFTA_EXPR_DATA (nla_len 20, NLA_F_NESTED)
              "0800 0200 00000007" +                             //       NFTA_META_KEY (nla_len 8) = 7 (NFT_META_OIFNAME)
              "0800 0100 00000001" +                             //       NFTA_META_DREG (nla_len 8) = 1 (NFT_REG_1)
          "3800 0180" +                                          //   NFTA_LIST_ELEM (nla_len 56, NLA_F_NESTED)
            "0800 0100 636d7000" +                               //     NFTA_EXPR_NAME (nla_len 8) = "cmp\0"
            "2c00 0280" +                                        //     NFTA_EXPR_DATA (nla_len 44, NLA_F_NESTED)
              "0800 0100 00000001" +                             //       NFTA_CMP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000000" +                             //       NFTA_CMP_OP (nla_len 8) = 0 (NFT_CMP_EQ)
              "1800 0380" +                                      //       NFTA_CMP_DATA (nla_len 24, NLA_F_NESTED)
                "1400 0100 65746830000000000000000000000000" +   //         NFTA_DATA_VALUE (nla_len 20) = "eth0" padded to IFNAMSIZ
          "2c00 0180" +                                          //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0e00 0100 696d6d65646961746500 0000" +              //     NFTA_EXPR_NAME (nla_len 14) = "immediate\0", 2 pad
            "1800 0280" +                                        //     NFTA_EXPR_DATA (nla_len 24, NLA_F_NESTED)
              "0800 0100 00000001" +                             //       NFTA_IMMEDIATE_DREG (nla_len 8) = 1 (NFT_REG_1)
              "0c00 0280" +                                      //       NFTA_IMMEDIATE_DATA (nla_len 12, NLA_F_NESTED)
                "0800 0100 cb007102" +                           //         NFTA_DATA_VALUE (nla_len 8) = cb007102
          "2800 0180" +                                          //   NFTA_LIST_ELEM (nla_len 40, NLA_F_NESTED)
            "0800 0100 6e617400" +                               //     NFTA_EXPR_NAME (nla_len 8) = "nat\0"
            "1c00 0280" +                                        //     NFTA_EXPR_DATA (nla_len 28, NLA_F_NESTED)
              "0800 0100 00000000" +                             //       NFTA_NAT_TYPE (nla_len 8) = 0 (NFT_NAT_SNAT)
              "0800 0200 00000002" +                             //       NFTA_NAT_FAMILY (nla_len 8) = 2 (NFPROTO_IPV4)
              "0800 0300 00000001";                              //       NFTA_NAT_REG_ADDR_MIN (nla_len 8) = 1 (NFT_REG_1)

    /// <summary>nft -f: add rule inet containernet prerouting udp dport 53 redirect to :5353</summary>
    private const string AddRuleRedir =
        "3c010000 060a 010c 01000000 00000000" +          // nlmsghdr: len 316, NFT_MSG_NEWRULE, NLM_F_REQUEST|NLM_F_CREATE|NLM_F_APPEND, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_RULE_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0f00 0200 707265726f7574696e6700 00" +           // NFTA_RULE_CHAIN (nla_len 15) = "prerouting\0", 1 pad
        "0401 0480" +                                     // NFTA_RULE_EXPRESSIONS (nla_len 260, NLA_F_NESTED)
          "2400 0180" +                                   //   NFTA_LIST_ELEM (nla_len 36, NLA_F_NESTED)
            "0900 0100 6d65746100 000000" +               //     NFTA_EXPR_NAME (nla_len 9) = "meta\0", 3 pad
            "1400 0280" +                                 //     NFTA_EXPR_DATA (nla_len 20, NLA_F_NESTED)
              "0800 0200 00000010" +                      //       NFTA_META_KEY (nla_len 8) = 16 (NFT_META_L4PROTO)
              "0800 0100 00000001" +                      //       NFTA_META_DREG (nla_len 8) = 1 (NFT_REG_1)
          "2c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0800 0100 636d7000" +                        //     NFTA_EXPR_NAME (nla_len 8) = "cmp\0"
            "2000 0280" +                                 //     NFTA_EXPR_DATA (nla_len 32, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_CMP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000000" +                      //       NFTA_CMP_OP (nla_len 8) = 0 (NFT_CMP_EQ)
              "0c00 0380" +                               //       NFTA_CMP_DATA (nla_len 12, NLA_F_NESTED)
                "0500 0100 11 000000" +                   //         NFTA_DATA_VALUE (nla_len 5) = 17, 3 pad
          "3400 0180" +                                   //   NFTA_LIST_ELEM (nla_len 52, NLA_F_NESTED)
            "0c00 0100 7061796c6f616400" +                //     NFTA_EXPR_NAME (nla_len 12) = "payload\0"
            "2400 0280" +                                 //     NFTA_EXPR_DATA (nla_len 36, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_PAYLOAD_DREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000002" +                      //       NFTA_PAYLOAD_BASE (nla_len 8) = 2 (NFT_PAYLOAD_TRANSPORT_HEADER)
              "0800 0300 00000002" +                      //       NFTA_PAYLOAD_OFFSET (nla_len 8) = 2
              "0800 0400 00000002" +                      //       NFTA_PAYLOAD_LEN (nla_len 8) = 2
          "2c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0800 0100 636d7000" +                        //     NFTA_EXPR_NAME (nla_len 8) = "cmp\0"
            "2000 0280" +                                 //     NFTA_EXPR_DATA (nla_len 32, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_CMP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000000" +                      //       NFTA_CMP_OP (nla_len 8) = 0 (NFT_CMP_EQ)
              "0c00 0380" +                               //       NFTA_CMP_DATA (nla_len 12, NLA_F_NESTED)
                "0600 0100 0035 0000" +                   //         NFTA_DATA_VALUE (nla_len 6) = 0035, 2 pad
          "2c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0e00 0100 696d6d65646961746500 0000" +       //     NFTA_EXPR_NAME (nla_len 14) = "immediate\0", 2 pad
            "1800 0280" +                                 //     NFTA_EXPR_DATA (nla_len 24, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_IMMEDIATE_DREG (nla_len 8) = 1 (NFT_REG_1)
              "0c00 0280" +                               //       NFTA_IMMEDIATE_DATA (nla_len 12, NLA_F_NESTED)
                "0600 0100 14e9 0000" +                   //         NFTA_DATA_VALUE (nla_len 6) = 14e9, 2 pad
          "2400 0180" +                                   //   NFTA_LIST_ELEM (nla_len 36, NLA_F_NESTED)
            "0a00 0100 726564697200 0000" +               //     NFTA_EXPR_NAME (nla_len 10) = "redir\0", 2 pad
            "1400 0280" +                                 //     NFTA_EXPR_DATA (nla_len 20, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_REDIR_REG_PROTO_MIN (nla_len 8) = 1 (NFT_REG_1)
              "0800 0300 00000002";                       //       NFTA_REDIR_FLAGS (nla_len 8) = 0x2

    /// <summary>
    /// ip saddr 10.88.0.0/16 oifname != "cn0" masquerade comment "net:default"
    /// [ meta load nfproto => reg 1 ] [ cmp eq reg 1 0x00000002 ] [ payload load 2b @ network header + 12 => reg 1 ]
    /// [ cmp eq reg 1 0x0000580a ] [ meta load oifname => reg 1 ] [ cmp neq reg 1 0x00306e63 0x0 0x0 0x0 ] [ masq ]
    /// userdata = { \x00\x0cnet:default\x00 }
    /// </summary>
    [Fact]
    public void Masquerade_a_subnet_leaving_by_any_other_interface_with_a_comment() =>
        NftGolden.AssertEncodes(AddRuleMasq, Add(Rule("postrouting",
        [
            .. IsIPv4, NetworkField(12, 2), Eq(10, 88), Meta(NFT_META_OIFNAME), Cmp(NFT_CMP_NEQ, IfName("cn0")), new MasqExpression(),
        ]) with { Comment = "net:default" }));

    /// <summary>ip saddr 10.90.0.0/16 masquerade fully-random: [ masq flags 0x10 ]</summary>
    [Fact]
    public void Masquerade_with_flags() =>
        NftGolden.AssertEncodes(AddRuleMasqFlags, Add(Rule("postrouting",
        [
            .. IsIPv4, NetworkField(12, 2), Eq(10, 90), new MasqExpression(Flags: NfNatConstants.NF_NAT_RANGE_PROTO_RANDOM_FULLY),
        ])));

    /// <summary>
    /// ip saddr 10.91.0.0/16 meta l4proto tcp masquerade to :1024-65535
    /// [ immediate reg 1 0x00000004 ] [ immediate reg 2 0x0000ffff ] [ masq flags 0x2 proto_min reg 1 proto_max reg 2 ]
    /// </summary>
    [Fact]
    public void Masquerade_to_a_port_range_held_in_registers() =>
        NftGolden.AssertEncodes(AddRuleMasqPorts, Add(Rule("postrouting",
        [
            .. IsIPv4, NetworkField(12, 2), Eq(10, 91), Meta(NFT_META_L4PROTO), Eq(6),
            ImmediateExpression.Value(R1, Port16(1024)), ImmediateExpression.Value(NFT_REG_2, Port16(65535)),
            new MasqExpression(NfNatConstants.NF_NAT_RANGE_PROTO_SPECIFIED, R1, NFT_REG_2),
        ])));

    /// <summary>
    /// fib daddr type local dnat ip addr . port to meta l4proto . th dport map @ports
    /// [ fib daddr type => reg 1 ] [ cmp eq reg 1 0x00000002 ] [ meta load l4proto => reg 1 ]
    /// [ payload load 2b @ transport header + 2 => reg 9 ] [ lookup reg 1 set ports dreg 1 ]
    /// [ nat dnat ip addr_min reg 1 proto_min reg 9 ]
    /// </summary>
    [Fact]
    public void DNAT_through_the_ports_map_for_traffic_to_a_local_address() =>
        NftGolden.AssertEncodes(AddRuleDnatMap, Add(Rule("prerouting",
            new FibExpression(NFT_FIB_RESULT_ADDRTYPE, NFTA_FIB_F_DADDR, R1),
            Eq(RouteConstants.RTN_LOCAL, 0, 0, 0),
            Meta(NFT_META_L4PROTO),
            TransportField(2, 2, NFT_REG32_01),
            new LookupExpression("ports", R1, DestinationRegister: R1, SetId: 3),
            new NatExpression(NFT_NAT_DNAT, NfConstants.NFPROTO_IPV4, AddressMinRegister: R1, ProtoMinRegister: NFT_REG32_01))));

    /// <summary>
    /// ip daddr 203.0.113.2 tcp dport 8080 dnat ip to 10.88.0.2:80
    /// [ immediate reg 1 0x0200580a ] [ immediate reg 2 0x00005000 ] [ nat dnat ip addr_min reg 1 proto_min reg 2 flags 0x2 ]
    /// </summary>
    [Fact]
    public void DNAT_to_a_fixed_address_and_port() =>
        NftGolden.AssertEncodes(AddRuleDnatFixed, Add(Rule("prerouting",
        [
            .. IsIPv4, NetworkField(16, 4), Eq(203, 0, 113, 2), Meta(NFT_META_L4PROTO), Eq(6), TransportField(2, 2), Eq(Port16(8080)),
            ImmediateExpression.Value(R1, IPv4(10, 88, 0, 2)), ImmediateExpression.Value(NFT_REG_2, Port16(80)),
            new NatExpression(NFT_NAT_DNAT, NfConstants.NFPROTO_IPV4, AddressMinRegister: R1, ProtoMinRegister: NFT_REG_2,
                Flags: NfNatConstants.NF_NAT_RANGE_PROTO_SPECIFIED),
        ])));

    /// <summary>oifname "eth0" snat ip to 203.0.113.2: [ immediate reg 1 0x027100cb ] [ nat snat ip addr_min reg 1 ]</summary>
    [Fact]
    public void SNAT_to_a_fixed_address() =>
        NftGolden.AssertEncodes(AddRuleSnat, Add(Rule("postrouting",
            Meta(NFT_META_OIFNAME), Eq(IfName("eth0")), ImmediateExpression.Value(R1, IPv4(203, 0, 113, 2)),
            new NatExpression(NFT_NAT_SNAT, NfConstants.NFPROTO_IPV4, AddressMinRegister: R1))));

    /// <summary>udp dport 53 redirect to :5353: [ immediate reg 1 0x0000e914 ] [ redir proto_min reg 1 flags 0x2 ]</summary>
    [Fact]
    public void Redirect_to_a_local_port() =>
        NftGolden.AssertEncodes(AddRuleRedir, Add(Rule("prerouting",
            Meta(NFT_META_L4PROTO), Eq(17), TransportField(2, 2), Eq(Port16(53)), ImmediateExpression.Value(R1, Port16(5353)),
            new RedirExpression(ProtoMinRegister: R1, Flags: NfNatConstants.NF_NAT_RANGE_PROTO_SPECIFIED))));
}
