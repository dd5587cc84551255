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
/// test): verdicts and placement: a verdict map, a jump, setting the mark, appending after a rule, inserting
/// at the top, deleting by handle. nft loads the first value into NFT_REG_1 and the further fields of a
/// concatenation into NFT_REG32_01.. (the 4-byte registers behind NFT_REG_1's 16 bytes); it matches IPv4 in
/// an inet table with `meta nfproto` first, and a /16 as a 2-byte load without bitwise. Set references carry
/// the id nft's cache gave the set (hosts 1, ports 3, bridges 4).
/// </summary>
public sealed class RuleRequestVerdictTests
{
    /// <summary>nft -f: add rule inet containernet forward iifname vmap @bridges</summary>
    private const string AddRuleVmap =
        "94000000 060a 010c 01000000 00000000" +          // nlmsghdr: len 148, NFT_MSG_NEWRULE, NLM_F_REQUEST|NLM_F_CREATE|NLM_F_APPEND, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_RULE_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0c00 0200 666f727761726400" +                    // NFTA_RULE_CHAIN (nla_len 12) = "forward\0"
        "6000 0480" +                                     // NFTA_RULE_EXPRESSIONS (nla_len 96, NLA_F_NESTED)
          "2400 0180" +                                   //   NFTA_LIST_ELEM (nla_len 36, NLA_F_NESTED)
            "0900 0100 6d65746100 000000" +               //     NFTA_EXPR_NAME (nla_len 9) = "meta\0", 3 pad
            "1400 0280" +                                 //     NFTA_EXPR_DATA (nla_len 20, NLA_F_NESTED)
              "0800 0200 00000006" +                      //       NFTA_META_KEY (nla_len 8) = 6 (NFT_META_IIFNAME)
              "0800 0100 00000001" +                      //       NFTA_META_DREG (nla_len 8) = 1 (NFT_REG_1)
          "3800 0180" +                                   //   NFTA_LIST_ELEM (nla_len 56, NLA_F_NESTED)
            "0b00 0100 6c6f6f6b757000 00" +               //     NFTA_EXPR_NAME (nla_len 11) = "lookup\0", 1 pad
            "2800 0280" +                                 //     NFTA_EXPR_DATA (nla_len 40, NLA_F_NESTED)
              "0800 0200 00000001" +                      //       NFTA_LOOKUP_SREG (nla_len 8) = 1 (NFT_REG_1)
              "0800 0300 00000000" +                      //       NFTA_LOOKUP_DREG (nla_len 8) = 0 (NFT_REG_VERDICT)
              "0c00 0100 6272696467657300" +              //       NFTA_LOOKUP_SET (nla_len 12) = "bridges\0"
              "0800 0400 00000004";                       //       NFTA_LOOKUP_SET_ID (nla_len 8) = 4

    /// <summary>nft -f: add rule inet containernet forward oifname "cn0" jump net-default</summary>
    private const string AddRuleJump =
        "d4000000 060a 010c 01000000 00000000" +                 // nlmsghdr: len 212, NFT_MSG_NEWRULE, NLM_F_REQUEST|NLM_F_CREATE|NLM_F_APPEND, seq 1, pid 0
        "01 00 0000" +                                           // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +          // NFTA_RULE_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0c00 0200 666f727761726400" +                           // NFTA_RULE_CHAIN (nla_len 12) = "forward\0"
        "a000 0480" +                                            // NFTA_RULE_EXPRESSIONS (nla_len 160, NLA_F_NESTED)
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
                "1400 0100 636e3000000000000000000000000000" +   //         NFTA_DATA_VALUE (nla_len 20) = "cn0" padded to IFNAMSIZ
          "4000 0180" +                                          //   NFTA_LIST_ELEM (nla_len 64, NLA_F_NESTED)
            "0e00 0100 696d6d65646961746500 0000" +              //     NFTA_EXPR_NAME (nla_len 14) = "immediate\0", 2 pad
            "2c00 0280" +                                        //     NFTA_EXPR_DATA (nla_len 44, NLA_F_NESTED)
              "0800 0100 00000000" +                             //       NFTA_IMMEDIATE_DREG (nla_len 8) = 0 (NFT_REG_VERDICT)
              "2000 0280" +                                      //       NFTA_IMMEDIATE_DATA (nla_len 32, NLA_F_NESTED)
                "1c00 0280" +                                    //         NFTA_DATA_VERDICT (nla_len 28, NLA_F_NESTED)
                  "0800 0100 fffffffd" +                         //           NFTA_VERDICT_CODE (nla_len 8) = -3 (NFT_JUMP)
                  "1000 0200 6e65742d64656661756c7400";          //           NFTA_VERDICT_CHAIN (nla_len 16) = "net-default\0"

    /// <summary>nft -f: add rule inet containernet forward meta mark set 0x2a</summary>
    private const string AddRuleMetaSet =
        "88000000 060a 010c 01000000 00000000" +          // nlmsghdr: len 136, NFT_MSG_NEWRULE, NLM_F_REQUEST|NLM_F_CREATE|NLM_F_APPEND, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_RULE_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0c00 0200 666f727761726400" +                    // NFTA_RULE_CHAIN (nla_len 12) = "forward\0"
        "5400 0480" +                                     // NFTA_RULE_EXPRESSIONS (nla_len 84, NLA_F_NESTED)
          "2c00 0180" +                                   //   NFTA_LIST_ELEM (nla_len 44, NLA_F_NESTED)
            "0e00 0100 696d6d65646961746500 0000" +       //     NFTA_EXPR_NAME (nla_len 14) = "immediate\0", 2 pad
            "1800 0280" +                                 //     NFTA_EXPR_DATA (nla_len 24, NLA_F_NESTED)
              "0800 0100 00000001" +                      //       NFTA_IMMEDIATE_DREG (nla_len 8) = 1 (NFT_REG_1)
              "0c00 0280" +                               //       NFTA_IMMEDIATE_DATA (nla_len 12, NLA_F_NESTED)
                "0800 0100 2a000000" +                    //         NFTA_DATA_VALUE (nla_len 8) = 2a000000
          "2400 0180" +                                   //   NFTA_LIST_ELEM (nla_len 36, NLA_F_NESTED)
            "0900 0100 6d65746100 000000" +               //     NFTA_EXPR_NAME (nla_len 9) = "meta\0", 3 pad
            "1400 0280" +                                 //     NFTA_EXPR_DATA (nla_len 20, NLA_F_NESTED)
              "0800 0200 00000003" +                      //       NFTA_META_KEY (nla_len 8) = 3 (NFT_META_MARK)
              "0800 0300 00000001";                       //       NFTA_META_SREG (nla_len 8) = 1 (NFT_REG_1)

    /// <summary>nft -f: add rule inet containernet forward position 12 meta l4proto icmp accept</summary>
    private const string AddRulePosition =
        "c4000000 060a 010c 01000000 00000000" +          // nlmsghdr: len 196, NFT_MSG_NEWRULE, NLM_F_REQUEST|NLM_F_CREATE|NLM_F_APPEND, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_RULE_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0c00 0200 666f727761726400" +                    // NFTA_RULE_CHAIN (nla_len 12) = "forward\0"
        "8400 0480" +                                     // NFTA_RULE_EXPRESSIONS (nla_len 132, NLA_F_NESTED)
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
                "0500 0100 01 000000" +                   //         NFTA_DATA_VALUE (nla_len 5) = 1, 3 pad
          "3000 0180" +                                   //   NFTA_LIST_ELEM (nla_len 48, NLA_F_NESTED)
            "0e00 0100 696d6d65646961746500 0000" +       //     NFTA_EXPR_NAME (nla_len 14) = "immediate\0", 2 pad
            "1c00 0280" +                                 //     NFTA_EXPR_DATA (nla_len 28, NLA_F_NESTED)
              "0800 0100 00000000" +                      //       NFTA_IMMEDIATE_DREG (nla_len 8) = 0 (NFT_REG_VERDICT)
              "1000 0280" +                               //       NFTA_IMMEDIATE_DATA (nla_len 16, NLA_F_NESTED)
                "0c00 0280" +                             //         NFTA_DATA_VERDICT (nla_len 12, NLA_F_NESTED)
                  "0800 0100 00000001" +                  //           NFTA_VERDICT_CODE (nla_len 8) = 1 (NF_ACCEPT)
        "0c00 0600 000000000000000c";                     // NFTA_RULE_POSITION (nla_len 12) = 12

    /// <summary>nft -f: insert rule inet containernet forward ct state invalid drop</summary>
    private const string AddRuleInsert =
        "f8000000 060a 0104 01000000 00000000" +          // nlmsghdr: len 248, NFT_MSG_NEWRULE, NLM_F_REQUEST|NLM_F_CREATE, seq 1, pid 0
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
                "0800 0100 01000000" +                    //         NFTA_DATA_VALUE (nla_len 8) = 01000000
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
                  "0800 0100 00000000";                   //           NFTA_VERDICT_CODE (nla_len 8) = 0 (NF_DROP)

    /// <summary>nft -f: delete rule inet containernet forward handle 14</summary>
    private const string DelRule =
        "40000000 080a 0100 01000000 00000000" +          // nlmsghdr: len 64, NFT_MSG_DELRULE, NLM_F_REQUEST, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_RULE_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0c00 0200 666f727761726400" +                    // NFTA_RULE_CHAIN (nla_len 12) = "forward\0"
        "0c00 0300 000000000000000e";                     // NFTA_RULE_HANDLE (nla_len 12) = 14

    /// <summary>iifname vmap @bridges: [ meta load iifname => reg 1 ] [ lookup reg 1 set bridges dreg 0 ]</summary>
    [Fact]
    public void Dispatch_by_input_interface_through_a_verdict_map() =>
        NftGolden.AssertEncodes(AddRuleVmap, Add(Rule("forward",
            Meta(NFT_META_IIFNAME),
            new LookupExpression("bridges", R1, DestinationRegister: NFT_REG_VERDICT, SetId: 4))));

    /// <summary>oifname "cn0" jump net-default: [ meta load oifname => reg 1 ] [ cmp eq reg 1 "cn0" ] [ immediate reg 0 jump -> net-default ]</summary>
    [Fact]
    public void Jump_to_a_regular_chain() =>
        NftGolden.AssertEncodes(AddRuleJump, Add(Rule("forward",
            Meta(NFT_META_OIFNAME), Eq(IfName("cn0")), Verdict(NftVerdict.Jump("net-default")))));

    /// <summary>meta mark set 0x2a: [ immediate reg 1 0x0000002a ] [ meta set mark with reg 1 ]</summary>
    [Fact]
    public void Set_the_mark_from_a_register() =>
        NftGolden.AssertEncodes(AddRuleMetaSet, Add(Rule("forward",
            ImmediateExpression.Value(R1, BitConverter.GetBytes(0x2au)), MetaExpression.Set(NFT_META_MARK, R1))));

    /// <summary>add rule ... forward position 12 meta l4proto icmp accept: NFTA_RULE_POSITION after the expressions.</summary>
    [Fact]
    public void Append_after_a_given_rule() =>
        NftGolden.AssertEncodes(AddRulePosition, Add(Rule("forward", Meta(NFT_META_L4PROTO), Eq(1), Verdict(NftVerdict.Accept)) with { Position = 12 }));

    /// <summary>insert rule ... forward ct state invalid drop: NLM_F_CREATE without NLM_F_APPEND.</summary>
    [Fact]
    public void Insert_at_the_top_of_the_chain() =>
        NftGolden.AssertEncodes(AddRuleInsert, new NewRuleRequest
        {
            Insert = true,
            Rule = Rule("forward",
                new CtExpression(NFT_CT_STATE, R1),
                new BitwiseExpression(R1, R1, 4, BitConverter.GetBytes(NfConntrackConstants.NF_CT_STATE_INVALID_BIT), [0, 0, 0, 0]),
                Cmp(NFT_CMP_NEQ, [0, 0, 0, 0]),
                Verdict(NftVerdict.Drop)),
        });

    [Fact]
    public void Delete_rule_by_handle() =>
        NftGolden.AssertEncodes(DelRule, new DeleteRuleRequest { Family = NftFamily.Inet, Table = "containernet", Chain = "forward", Handle = 14 });
}
