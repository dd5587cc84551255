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
/// test): matches: conntrack state and direction, prefixes (bitwise), port ranges (two cmps, or range when
/// negated), set lookups (plain and inverted) with a counter, and notrack. nft loads the first value into
/// NFT_REG_1 and the further fields of a concatenation into NFT_REG32_01.. (the 4-byte registers behind
/// NFT_REG_1's 16 bytes); it matches IPv4 in an inet table with `meta nfproto` first, and a /16 as a 2-byte
/// load without bitwise. Set references carry the id nft's cache gave the set (hosts 1, ports 3, bridges 4).
/// </summary>
public sealed class RuleRequestMatchTests
{
    /// <summary>nft -f: add rule inet containernet forward ct state established,related accept</summary>
    private const string AddRuleCt =
        "f8000000 060a 010c 01000000 00000000" +          // nlmsghdr: len 248, NFT_MSG_NEWRULE, NLM_F_REQUEST|NLM_F_CREATE|NLM_F_APPEND, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_RULE_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0c00 0200 666f727761726400" +                    // NFTA_RULE_CHAIN (nla_len 12) = "forward\0"
        "c400 0480" +                                     // NFTA_RULE_EXPRESSIONS (nla_len 196, NLA_F_NESTED)
          "2000 0180" +                                   //   NFTA_LIST_ELEM (nla_len 32, NLA_F_NESTED)
            "0700 0100 637400 00" +                       //     NFTA_EXPR_NAME (nla_len 7) = "ct\0", 1 pad
            "1400 0280" +                                 //     NFTA_EXPR_DATA (nla_len 20, NLA_F_NESTED)
              "0800 0200 00000000" +                      //       NFTA_CT_KEY (nla_len 8) = 0 (NFT_CT_STATE)
              "0800 0100 00000001" +                      //       NFTA_CT_DREG (nla_len 8) = 1 (NFT_REG_1)
          "4400 0180" +                                   //   NFTA_LIST_ELEM (nla_len 68, NLA_F_NESTED)
            "0c00 0100 6269747769736500" +                //     NFTA_EXPR_NAME (nla_len 12) = "bitwise\0"
            "3400 0280" +                                 //     NFTA_EXPR_DATA (nla_len 52, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_BITWISE_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000001" +                      //       NFTA_BITWISE_DREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0300 00000004" +                      //       NFTA_BITWISE_LEN (nla_len 8) = 4
              "0c00 0480" +                               //       NFTA_BITWISE_MASK (nla_len 12, NLA_F_NESTED)
                "0800 0100 06000000" +                    //         NFTA_DATA_VALUE (nla_len 8) = 06000000
              "0c00 0580" +                               //       NFTA_BITWISE_XOR (nla_len 12, NLA_F_NESTED)
                "0800 0100 00000000" +                    //         NFTA_DATA_VALUE (nla_len 8) = 00000000
          "2c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0800 0100 636d7000" +                        //     NFTA_EXPR_NAME (nla_len 8) = "cmp\0"
            "2000 0280" +                                 //     NFTA_EXPR_DATA (nla_len 32, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_CMP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000001" +                      //       NFTA_CMP_OP (nla_len 8) = 1 (NFT_CMP_NEQ)
              "0c00 0380" +                               //       NFTA_CMP_DATA (nla_len 12, NLA_F_NESTED)
                "0800 0100 00000000" +                    //         NFTA_DATA_VALUE (nla_len 8) = 00000000
          "3000 0180" +                                   //   NFTA_LIST_ELEM (nla_len 48, NLA_F_NESTED)
            "0e00 0100 696d6d65646961746500 0000" +       //     NFTA_EXPR_NAME (nla_len 14) = "immediate\0", 2 pad
            "1c00 0280" +                                 //     NFTA_EXPR_DATA (nla_len 28, NLA_F_NESTED)
              "0800 0100 00000000" +                      //       NFTA_IMMEDIATE_DREG (nla_len 8) = 0 (NFT_REG_VERDICT)
              "1000 0280" +                               //       NFTA_IMMEDIATE_DATA (nla_len 16, NLA_F_NESTED)
                "0c00 0280" +                             //         NFTA_DATA_VERDICT (nla_len 12, NLA_F_NESTED)
                  "0800 0100 00000001";                   //           NFTA_VERDICT_CODE (nla_len 8) = 1 (NF_ACCEPT)

    /// <summary>nft -f: add rule inet containernet forward ct original ip daddr 10.88.0.2 accept</summary>
    private const string AddRuleCtOriginal =
        "bc000000 060a 010c 01000000 00000000" +          // nlmsghdr: len 188, NFT_MSG_NEWRULE, NLM_F_REQUEST|NLM_F_CREATE|NLM_F_APPEND, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_RULE_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0c00 0200 666f727761726400" +                    // NFTA_RULE_CHAIN (nla_len 12) = "forward\0"
        "8800 0480" +                                     // NFTA_RULE_EXPRESSIONS (nla_len 136, NLA_F_NESTED)
          "2800 0180" +                                   //   NFTA_LIST_ELEM (nla_len 40, NLA_F_NESTED)
            "0700 0100 637400 00" +                       //     NFTA_EXPR_NAME (nla_len 7) = "ct\0", 1 pad
            "1c00 0280" +                                 //     NFTA_EXPR_DATA (nla_len 28, NLA_F_NESTED)
              "0800 0200 00000014" +                      //       NFTA_CT_KEY (nla_len 8) = 20 (NFT_CT_DST_IP)
              "0800 0100 00000001" +                      //       NFTA_CT_DREG (nla_len 8) = 1 (NFT_REG_1)
              "0500 0300 00 000000" +                     //       NFTA_CT_DIRECTION (nla_len 5) = 0, 3 pad
          "2c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0800 0100 636d7000" +                        //     NFTA_EXPR_NAME (nla_len 8) = "cmp\0"
            "2000 0280" +                                 //     NFTA_EXPR_DATA (nla_len 32, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_CMP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000000" +                      //       NFTA_CMP_OP (nla_len 8) = 0 (NFT_CMP_EQ)
              "0c00 0380" +                               //       NFTA_CMP_DATA (nla_len 12, NLA_F_NESTED)
                "0800 0100 0a580002" +                    //         NFTA_DATA_VALUE (nla_len 8) = 0a580002
          "3000 0180" +                                   //   NFTA_LIST_ELEM (nla_len 48, NLA_F_NESTED)
            "0e00 0100 696d6d65646961746500 0000" +       //     NFTA_EXPR_NAME (nla_len 14) = "immediate\0", 2 pad
            "1c00 0280" +                                 //     NFTA_EXPR_DATA (nla_len 28, NLA_F_NESTED)
              "0800 0100 00000000" +                      //       NFTA_IMMEDIATE_DREG (nla_len 8) = 0 (NFT_REG_VERDICT)
              "1000 0280" +                               //       NFTA_IMMEDIATE_DATA (nla_len 16, NLA_F_NESTED)
                "0c00 0280" +                             //         NFTA_DATA_VERDICT (nla_len 12, NLA_F_NESTED)
                  "0800 0100 00000001";                   //           NFTA_VERDICT_CODE (nla_len 8) = 1 (NF_ACCEPT)

    /// <summary>nft -f: add rule inet containernet net-default ip daddr 172.16.0.0/12 drop</summary>
    private const string AddRulePrefix =
        "60010000 060a 010c 01000000 00000000" +          // nlmsghdr: len 352, NFT_MSG_NEWRULE, NLM_F_REQUEST|NLM_F_CREATE|NLM_F_APPEND, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_RULE_TABLE (nla_len 17) = "containernet\0", 3 pad
        "1000 0200 6e65742d64656661756c7400" +            // NFTA_RULE_CHAIN (nla_len 16) = "net-default\0"
        "2801 0480" +                                     // NFTA_RULE_EXPRESSIONS (nla_len 296, NLA_F_NESTED)
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
          "4400 0180" +                                   //   NFTA_LIST_ELEM (nla_len 68, NLA_F_NESTED)
            "0c00 0100 6269747769736500" +                //     NFTA_EXPR_NAME (nla_len 12) = "bitwise\0"
            "3400 0280" +                                 //     NFTA_EXPR_DATA (nla_len 52, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_BITWISE_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000001" +                      //       NFTA_BITWISE_DREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0300 00000004" +                      //       NFTA_BITWISE_LEN (nla_len 8) = 4
              "0c00 0480" +                               //       NFTA_BITWISE_MASK (nla_len 12, NLA_F_NESTED)
                "0800 0100 fff00000" +                    //         NFTA_DATA_VALUE (nla_len 8) = fff00000
              "0c00 0580" +                               //       NFTA_BITWISE_XOR (nla_len 12, NLA_F_NESTED)
                "0800 0100 00000000" +                    //         NFTA_DATA_VALUE (nla_len 8) = 00000000
          "2c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0800 0100 636d7000" +                        //     NFTA_EXPR_NAME (nla_len 8) = "cmp\0"
            "2000 0280" +                                 //     NFTA_EXPR_DATA (nla_len 32, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_CMP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000000" +                      //       NFTA_CMP_OP (nla_len 8) = 0 (NFT_CMP_EQ)
              "0c00 0380" +                               //       NFTA_CMP_DATA (nla_len 12, NLA_F_NESTED)
                "0800 0100 ac100000" +                    //         NFTA_DATA_VALUE (nla_len 8) = ac100000
          "3000 0180" +                                   //   NFTA_LIST_ELEM (nla_len 48, NLA_F_NESTED)
            "0e00 0100 696d6d65646961746500 0000" +       //     NFTA_EXPR_NAME (nla_len 14) = "immediate\0", 2 pad
            "1c00 0280" +                                 //     NFTA_EXPR_DATA (nla_len 28, NLA_F_NESTED)
              "0800 0100 00000000" +                      //       NFTA_IMMEDIATE_DREG (nla_len 8) = 0 (NFT_REG_VERDICT)
              "1000 0280" +                               //       NFTA_IMMEDIATE_DATA (nla_len 16, NLA_F_NESTED)
                "0c00 0280" +                             //         NFTA_DATA_VERDICT (nla_len 12, NLA_F_NESTED)
                  "0800 0100 00000000";                   //           NFTA_VERDICT_CODE (nla_len 8) = 0 (NF_DROP)

    /// <summary>nft -f: add rule inet containernet forward tcp dport 8000-8100 accept</summary>
    private const string AddRuleRange =
        "44010000 060a 010c 01000000 00000000" +          // nlmsghdr: len 324, NFT_MSG_NEWRULE, NLM_F_REQUEST|NLM_F_CREATE|NLM_F_APPEND, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_RULE_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0c00 0200 666f727761726400" +                    // NFTA_RULE_CHAIN (nla_len 12) = "forward\0"
        "1001 0480" +                                     // NFTA_RULE_EXPRESSIONS (nla_len 272, NLA_F_NESTED)
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
              "0800 0200 00000005" +                      //       NFTA_CMP_OP (nla_len 8) = 5 (NFT_CMP_GTE)
              "0c00 0380" +                               //       NFTA_CMP_DATA (nla_len 12, NLA_F_NESTED)
                "0600 0100 1f40 0000" +                   //         NFTA_DATA_VALUE (nla_len 6) = 1f40, 2 pad
          "2c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0800 0100 636d7000" +                        //     NFTA_EXPR_NAME (nla_len 8) = "cmp\0"
            "2000 0280" +                                 //     NFTA_EXPR_DATA (nla_len 32, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_CMP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000003" +                      //       NFTA_CMP_OP (nla_len 8) = 3 (NFT_CMP_LTE)
              "0c00 0380" +                               //       NFTA_CMP_DATA (nla_len 12, NLA_F_NESTED)
                "0600 0100 1fa4 0000" +                   //         NFTA_DATA_VALUE (nla_len 6) = 1fa4, 2 pad
          "3000 0180" +                                   //   NFTA_LIST_ELEM (nla_len 48, NLA_F_NESTED)
            "0e00 0100 696d6d65646961746500 0000" +       //     NFTA_EXPR_NAME (nla_len 14) = "immediate\0", 2 pad
            "1c00 0280" +                                 //     NFTA_EXPR_DATA (nla_len 28, NLA_F_NESTED)
              "0800 0100 00000000" +                      //       NFTA_IMMEDIATE_DREG (nla_len 8) = 0 (NFT_REG_VERDICT)
              "1000 0280" +                               //       NFTA_IMMEDIATE_DATA (nla_len 16, NLA_F_NESTED)
                "0c00 0280" +                             //         NFTA_DATA_VERDICT (nla_len 12, NLA_F_NESTED)
                  "0800 0100 00000001";                   //           NFTA_VERDICT_CODE (nla_len 8) = 1 (NF_ACCEPT)

    /// <summary>nft -f: add rule inet containernet forward tcp dport != 8000-8100 drop</summary>
    private const string AddRuleRangeNeq =
        "28010000 060a 010c 01000000 00000000" +          // nlmsghdr: len 296, NFT_MSG_NEWRULE, NLM_F_REQUEST|NLM_F_CREATE|NLM_F_APPEND, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_RULE_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0c00 0200 666f727761726400" +                    // NFTA_RULE_CHAIN (nla_len 12) = "forward\0"
        "f400 0480" +                                     // NFTA_RULE_EXPRESSIONS (nla_len 244, NLA_F_NESTED)
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
          "3c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 60, NLA_F_NESTED)
            "0a00 0100 72616e676500 0000" +               //     NFTA_EXPR_NAME (nla_len 10) = "range\0", 2 pad
            "2c00 0280" +                                 //     NFTA_EXPR_DATA (nla_len 44, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_RANGE_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0200 00000001" +                      //       NFTA_RANGE_OP (nla_len 8) = 1 (NFT_RANGE_NEQ)
              "0c00 0380" +                               //       NFTA_RANGE_FROM_DATA (nla_len 12, NLA_F_NESTED)
                "0600 0100 1f40 0000" +                   //         NFTA_DATA_VALUE (nla_len 6) = 1f40, 2 pad
              "0c00 0480" +                               //       NFTA_RANGE_TO_DATA (nla_len 12, NLA_F_NESTED)
                "0600 0100 1fa4 0000" +                   //         NFTA_DATA_VALUE (nla_len 6) = 1fa4, 2 pad
          "3000 0180" +                                   //   NFTA_LIST_ELEM (nla_len 48, NLA_F_NESTED)
            "0e00 0100 696d6d65646961746500 0000" +       //     NFTA_EXPR_NAME (nla_len 14) = "immediate\0", 2 pad
            "1c00 0280" +                                 //     NFTA_EXPR_DATA (nla_len 28, NLA_F_NESTED)
              "0800 0100 00000000" +                      //       NFTA_IMMEDIATE_DREG (nla_len 8) = 0 (NFT_REG_VERDICT)
              "1000 0280" +                               //       NFTA_IMMEDIATE_DATA (nla_len 16, NLA_F_NESTED)
                "0c00 0280" +                             //         NFTA_DATA_VERDICT (nla_len 12, NLA_F_NESTED)
                  "0800 0100 00000000";                   //           NFTA_VERDICT_CODE (nla_len 8) = 0 (NF_DROP)

    /// <summary>nft -f: add rule inet containernet forward ip saddr @hosts counter drop</summary>
    private const string AddRuleLookup =
        "30010000 060a 010c 01000000 00000000" +          // nlmsghdr: len 304, NFT_MSG_NEWRULE, NLM_F_REQUEST|NLM_F_CREATE|NLM_F_APPEND, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_RULE_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0c00 0200 666f727761726400" +                    // NFTA_RULE_CHAIN (nla_len 12) = "forward\0"
        "fc00 0480" +                                     // NFTA_RULE_EXPRESSIONS (nla_len 252, NLA_F_NESTED)
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
              "0800 0400 00000004" +                      //       NFTA_PAYLOAD_LEN (nla_len 8) = 4
          "3000 0180" +                                   //   NFTA_LIST_ELEM (nla_len 48, NLA_F_NESTED)
            "0b00 0100 6c6f6f6b757000 00" +               //     NFTA_EXPR_NAME (nla_len 11) = "lookup\0", 1 pad
            "2000 0280" +                                 //     NFTA_EXPR_DATA (nla_len 32, NLA_F_NESTED)
              "0800 0200 00000001" +                      //       NFTA_LOOKUP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0a00 0100 686f73747300 0000" +             //       NFTA_LOOKUP_SET (nla_len 10) = "hosts\0", 2 pad
              "0800 0400 00000001" +                      //       NFTA_LOOKUP_SET_ID (nla_len 8) = 1
          "1400 0180" +                                   //   NFTA_LIST_ELEM (nla_len 20, NLA_F_NESTED)
            "0c00 0100 636f756e74657200" +                //     NFTA_EXPR_NAME (nla_len 12) = "counter\0"
            "0400 0280" +                                 //     NFTA_EXPR_DATA (nla_len 4, NLA_F_NESTED)
          "3000 0180" +                                   //   NFTA_LIST_ELEM (nla_len 48, NLA_F_NESTED)
            "0e00 0100 696d6d65646961746500 0000" +       //     NFTA_EXPR_NAME (nla_len 14) = "immediate\0", 2 pad
            "1c00 0280" +                                 //     NFTA_EXPR_DATA (nla_len 28, NLA_F_NESTED)
              "0800 0100 00000000" +                      //       NFTA_IMMEDIATE_DREG (nla_len 8) = 0 (NFT_REG_VERDICT)
              "1000 0280" +                               //       NFTA_IMMEDIATE_DATA (nla_len 16, NLA_F_NESTED)
                "0c00 0280" +                             //         NFTA_DATA_VERDICT (nla_len 12, NLA_F_NESTED)
                  "0800 0100 00000000";                   //           NFTA_VERDICT_CODE (nla_len 8) = 0 (NF_DROP)

    /// <summary>nft -f: add rule inet containernet forward ip saddr != @hosts counter</summary>
    private const string AddRuleLookupInv =
        "08010000 060a 010c 01000000 00000000" +          // nlmsghdr: len 264, NFT_MSG_NEWRULE, NLM_F_REQUEST|NLM_F_CREATE|NLM_F_APPEND, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_RULE_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0c00 0200 666f727761726400" +                    // NFTA_RULE_CHAIN (nla_len 12) = "forward\0"
        "d400 0480" +                                     // NFTA_RULE_EXPRESSIONS (nla_len 212, NLA_F_NESTED)
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
              "0800 0400 00000004" +                      //       NFTA_PAYLOAD_LEN (nla_len 8) = 4
          "3800 0180" +                                   //   NFTA_LIST_ELEM (nla_len 56, NLA_F_NESTED)
            "0b00 0100 6c6f6f6b757000 00" +               //     NFTA_EXPR_NAME (nla_len 11) = "lookup\0", 1 pad
            "2800 0280" +                                 //     NFTA_EXPR_DATA (nla_len 40, NLA_F_NESTED)
              "0800 0200 00000001" +                      //       NFTA_LOOKUP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0a00 0100 686f73747300 0000" +             //       NFTA_LOOKUP_SET (nla_len 10) = "hosts\0", 2 pad
              "0800 0400 00000001" +                      //       NFTA_LOOKUP_SET_ID (nla_len 8) = 1
              "0800 0500 00000001" +                      //       NFTA_LOOKUP_FLAGS (nla_len 8) = 0x1
          "1400 0180" +                                   //   NFTA_LIST_ELEM (nla_len 20, NLA_F_NESTED)
            "0c00 0100 636f756e74657200" +                //     NFTA_EXPR_NAME (nla_len 12) = "counter\0"
            "0400 0280";                                  //     NFTA_EXPR_DATA (nla_len 4, NLA_F_NESTED)

    /// <summary>nft -f: add rule inet containernet raw udp dport 4789 notrack</summary>
    private const string AddRuleNotrack =
        "f4000000 060a 010c 01000000 00000000" +          // nlmsghdr: len 244, NFT_MSG_NEWRULE, NLM_F_REQUEST|NLM_F_CREATE|NLM_F_APPEND, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_RULE_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0800 0200 72617700" +                            // NFTA_RULE_CHAIN (nla_len 8) = "raw\0"
        "c400 0480" +                                     // NFTA_RULE_EXPRESSIONS (nla_len 196, NLA_F_NESTED)
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
                "0600 0100 12b5 0000" +                   //         NFTA_DATA_VALUE (nla_len 6) = 12b5, 2 pad
          "1000 0180" +                                   //   NFTA_LIST_ELEM (nla_len 16, NLA_F_NESTED)
            "0c00 0100 6e6f747261636b00";                 //     NFTA_EXPR_NAME (nla_len 12) = "notrack\0"

    /// <summary>
    /// ct state established,related accept
    /// [ ct load state => reg 1 ] [ bitwise reg 1 = ( reg 1 &amp; 0x00000006 ) ^ 0x00000000 ] [ cmp neq reg 1 0x00000000 ]
    /// [ immediate reg 0 accept ]
    /// </summary>
    [Fact]
    public void Accept_established_and_related() =>
        NftGolden.AssertEncodes(AddRuleCt, Add(Rule("forward",
            new CtExpression(NFT_CT_STATE, R1),
            new BitwiseExpression(R1, R1, 4,
                BitConverter.GetBytes(NfConntrackConstants.NF_CT_STATE_BIT(NfConntrackConstants.IP_CT_ESTABLISHED)
                    | NfConntrackConstants.NF_CT_STATE_BIT(NfConntrackConstants.IP_CT_RELATED)),
                [0, 0, 0, 0]),
            Cmp(NFT_CMP_NEQ, [0, 0, 0, 0]),
            Verdict(NftVerdict.Accept))));

    /// <summary>ct original ip daddr 10.88.0.2 accept: [ ct load dst_ip => reg 1 , dir original ]</summary>
    [Fact]
    public void Conntrack_original_destination_with_a_direction() =>
        NftGolden.AssertEncodes(AddRuleCtOriginal, Add(Rule("forward",
            new CtExpression(NFT_CT_DST_IP, R1, NfConntrackConstants.IP_CT_DIR_ORIGINAL), Eq(10, 88, 0, 2), Verdict(NftVerdict.Accept))));

    /// <summary>
    /// ip daddr 172.16.0.0/12 drop: a prefix that is not whole bytes needs bitwise
    /// [ payload load 4b @ network header + 16 => reg 1 ] [ bitwise reg 1 = ( reg 1 &amp; 0x0000f0ff ) ^ 0x00000000 ] [ cmp eq reg 1 0x000010ac ]
    /// </summary>
    [Fact]
    public void A_prefix_match_masks_with_bitwise() =>
        NftGolden.AssertEncodes(AddRulePrefix, Add(Rule("net-default",
        [
            .. IsIPv4, NetworkField(16, 4), new BitwiseExpression(R1, R1, 4, [0xff, 0xf0, 0, 0], [0, 0, 0, 0]), Eq(172, 16, 0, 0),
            Verdict(NftVerdict.Drop),
        ])));

    /// <summary>tcp dport 8000-8100 accept: nft 1.0.6 writes a range as two cmps, GTE and LTE.</summary>
    [Fact]
    public void A_port_range_as_two_comparisons() =>
        NftGolden.AssertEncodes(AddRuleRange, Add(Rule("forward",
            Meta(NFT_META_L4PROTO), Eq(6), TransportField(2, 2), Cmp(NFT_CMP_GTE, Port16(8000)), Cmp(NFT_CMP_LTE, Port16(8100)),
            Verdict(NftVerdict.Accept))));

    /// <summary>tcp dport != 8000-8100 drop: [ range neq reg 1 0x0000401f 0x0000a41f ]</summary>
    [Fact]
    public void A_negated_port_range_uses_the_range_expression() =>
        NftGolden.AssertEncodes(AddRuleRangeNeq, Add(Rule("forward",
            Meta(NFT_META_L4PROTO), Eq(6), TransportField(2, 2), new RangeExpression(R1, NFT_RANGE_NEQ, Port16(8000), Port16(8100)),
            Verdict(NftVerdict.Drop))));

    /// <summary>
    /// ip saddr @hosts counter drop
    /// [ meta load nfproto => reg 1 ] [ cmp eq reg 1 0x00000002 ] [ payload load 4b @ network header + 12 => reg 1 ]
    /// [ lookup reg 1 set hosts ] [ counter pkts 0 bytes 0 ] [ immediate reg 0 drop ]
    /// </summary>
    [Fact]
    public void Drop_and_count_sources_found_in_a_set() =>
        NftGolden.AssertEncodes(AddRuleLookup, Add(Rule("forward",
        [
            .. IsIPv4, NetworkField(12, 4), new LookupExpression("hosts", R1, SetId: 1), new CounterExpression(), Verdict(NftVerdict.Drop),
        ])));

    /// <summary>ip saddr != @hosts counter: the lookup with NFT_LOOKUP_F_INV, which nft sends only when set.</summary>
    [Fact]
    public void An_inverted_lookup_carries_its_flag() =>
        NftGolden.AssertEncodes(AddRuleLookupInv, Add(Rule("forward",
        [
            .. IsIPv4, NetworkField(12, 4), new LookupExpression("hosts", R1, SetId: 1, Flags: NFT_LOOKUP_F_INV), new CounterExpression(),
        ])));

    /// <summary>udp dport 4789 notrack: notrack sends no NFTA_EXPR_DATA at all.</summary>
    [Fact]
    public void Notrack_has_no_data_nest() =>
        NftGolden.AssertEncodes(AddRuleNotrack, Add(Rule("raw",
            Meta(NFT_META_L4PROTO), Eq(17), TransportField(2, 2), Eq(Port16(4789)), NotrackExpression.Instance)));
}
