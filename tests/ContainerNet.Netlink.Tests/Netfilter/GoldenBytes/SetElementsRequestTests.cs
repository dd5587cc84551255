using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter;
using ContainerNet.Netlink.Netfilter.Data;
using ContainerNet.Netlink.Netfilter.Elements;
using ContainerNet.Netlink.Tests.Netfilter.Support;
using static ContainerNet.Netlink.Tests.Netfilter.Support.NftBytes;

namespace ContainerNet.Netlink.Tests.Netfilter.GoldenBytes;

/// <summary>
/// Set element messages against nft 1.0.6's bytes (captured as TableRequestTests describes). nft numbers
/// the element nests 1, 2, ... and sends NFTA_SET_ELEM_LIST_SET_ID with the id its cache gave the set
/// (hosts 1, subnets 2, ports 3, bridges 4, ranges 5 in the capture: the order of `nft list sets`); we set
/// the same ids. Keys and data are raw bytes, each concatenated field in a whole 4-byte register (tcp is
/// 06 000000, port 8080 is 1f90 0000). An interval set takes ranges as start and end elements, the end
/// flagged NFT_SET_ELEM_INTERVAL_END; nft starts with an end element at 0.0.0.0 when the first range
/// does not. A concatenated interval set takes a range as KEY and KEY_END of one element.
/// </summary>
public sealed class SetElementsRequestTests
{
    /// <summary>nft -f: add element inet containernet hosts { 10.88.0.2, 10.88.0.3 }</summary>
    private const string AddElemHosts =
        "60000000 0c0a 0104 01000000 00000000" +          // nlmsghdr: len 96, NFT_MSG_NEWSETELEM, NLM_F_REQUEST|NLM_F_CREATE, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_SET_ELEM_LIST_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0a00 0200 686f73747300 0000" +                   // NFTA_SET_ELEM_LIST_SET (nla_len 10) = "hosts\0", 2 pad
        "0800 0400 00000001" +                            // NFTA_SET_ELEM_LIST_SET_ID (nla_len 8) = 1
        "2400 0380" +                                     // NFTA_SET_ELEM_LIST_ELEMENTS (nla_len 36, NLA_F_NESTED)
          "1000 0180" +                                   //   element 1 (nla_len 16, NLA_F_NESTED)
            "0c00 0180" +                                 //     NFTA_SET_ELEM_KEY (nla_len 12, NLA_F_NESTED)
              "0800 0100 0a580002" +                      //       NFTA_DATA_VALUE (nla_len 8) = 0a580002 (10.88.0.2)
          "1000 0280" +                                   //   element 2 (nla_len 16, NLA_F_NESTED)
            "0c00 0180" +                                 //     NFTA_SET_ELEM_KEY (nla_len 12, NLA_F_NESTED)
              "0800 0100 0a580003";                       //       NFTA_DATA_VALUE (nla_len 8) = 0a580003 (10.88.0.3)

    /// <summary>nft -f: add element inet containernet subnets { 10.88.0.0/16, 10.90.0.0/16 }</summary>
    private const string AddElemSubnets =
        "a8000000 0c0a 0104 01000000 00000000" +          // nlmsghdr: len 168, NFT_MSG_NEWSETELEM, NLM_F_REQUEST|NLM_F_CREATE, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_SET_ELEM_LIST_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0c00 0200 7375626e65747300" +                    // NFTA_SET_ELEM_LIST_SET (nla_len 12) = "subnets\0"
        "0800 0400 00000002" +                            // NFTA_SET_ELEM_LIST_SET_ID (nla_len 8) = 2
        "6c00 0380" +                                     // NFTA_SET_ELEM_LIST_ELEMENTS (nla_len 108, NLA_F_NESTED)
          "1800 0180" +                                   //   element 1 (nla_len 24, NLA_F_NESTED)
            "0800 0300 00000001" +                        //     NFTA_SET_ELEM_FLAGS (nla_len 8) = NFT_SET_ELEM_INTERVAL_END
            "0c00 0180" +                                 //     NFTA_SET_ELEM_KEY (nla_len 12, NLA_F_NESTED)
              "0800 0100 00000000" +                      //       NFTA_DATA_VALUE (nla_len 8) = 00000000 (0.0.0.0)
          "1000 0280" +                                   //   element 2 (nla_len 16, NLA_F_NESTED)
            "0c00 0180" +                                 //     NFTA_SET_ELEM_KEY (nla_len 12, NLA_F_NESTED)
              "0800 0100 0a580000" +                      //       NFTA_DATA_VALUE (nla_len 8) = 0a580000 (10.88.0.0)
          "1800 0380" +                                   //   element 3 (nla_len 24, NLA_F_NESTED)
            "0800 0300 00000001" +                        //     NFTA_SET_ELEM_FLAGS (nla_len 8) = NFT_SET_ELEM_INTERVAL_END
            "0c00 0180" +                                 //     NFTA_SET_ELEM_KEY (nla_len 12, NLA_F_NESTED)
              "0800 0100 0a590000" +                      //       NFTA_DATA_VALUE (nla_len 8) = 0a590000 (10.89.0.0)
          "1000 0480" +                                   //   element 4 (nla_len 16, NLA_F_NESTED)
            "0c00 0180" +                                 //     NFTA_SET_ELEM_KEY (nla_len 12, NLA_F_NESTED)
              "0800 0100 0a5a0000" +                      //       NFTA_DATA_VALUE (nla_len 8) = 0a5a0000 (10.90.0.0)
          "1800 0580" +                                   //   element 5 (nla_len 24, NLA_F_NESTED)
            "0800 0300 00000001" +                        //     NFTA_SET_ELEM_FLAGS (nla_len 8) = NFT_SET_ELEM_INTERVAL_END
            "0c00 0180" +                                 //     NFTA_SET_ELEM_KEY (nla_len 12, NLA_F_NESTED)
              "0800 0100 0a5b0000";                       //       NFTA_DATA_VALUE (nla_len 8) = 0a5b0000 (10.91.0.0)

    /// <summary>nft -f: add element inet containernet ports { tcp . 8080 : 10.88.0.2 . 80, udp . 5353 : 10.88.0.3 . 53 }</summary>
    private const string AddElemPorts =
        "88000000 0c0a 0104 01000000 00000000" +          // nlmsghdr: len 136, NFT_MSG_NEWSETELEM, NLM_F_REQUEST|NLM_F_CREATE, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_SET_ELEM_LIST_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0a00 0200 706f72747300 0000" +                   // NFTA_SET_ELEM_LIST_SET (nla_len 10) = "ports\0", 2 pad
        "0800 0400 00000003" +                            // NFTA_SET_ELEM_LIST_SET_ID (nla_len 8) = 3
        "4c00 0380" +                                     // NFTA_SET_ELEM_LIST_ELEMENTS (nla_len 76, NLA_F_NESTED)
          "2400 0180" +                                   //   element 1 (nla_len 36, NLA_F_NESTED)
            "1000 0180" +                                 //     NFTA_SET_ELEM_KEY (nla_len 16, NLA_F_NESTED)
              "0c00 0100 060000001f900000" +              //       NFTA_DATA_VALUE (nla_len 12) = 060000001f900000 (tcp . 8080)
            "1000 0280" +                                 //     NFTA_SET_ELEM_DATA (nla_len 16, NLA_F_NESTED)
              "0c00 0100 0a58000200500000" +              //       NFTA_DATA_VALUE (nla_len 12) = 0a58000200500000 (10.88.0.2 . 80)
          "2400 0280" +                                   //   element 2 (nla_len 36, NLA_F_NESTED)
            "1000 0180" +                                 //     NFTA_SET_ELEM_KEY (nla_len 16, NLA_F_NESTED)
              "0c00 0100 1100000014e90000" +              //       NFTA_DATA_VALUE (nla_len 12) = 1100000014e90000 (udp . 5353)
            "1000 0280" +                                 //     NFTA_SET_ELEM_DATA (nla_len 16, NLA_F_NESTED)
              "0c00 0100 0a58000300350000";               //       NFTA_DATA_VALUE (nla_len 12) = 0a58000300350000 (10.88.0.3 . 53)

    /// <summary>nft -f: add element inet containernet bridges { "cn0" : jump net-default }</summary>
    private const string AddElemBridges =
        "7c000000 0c0a 0104 01000000 00000000" +               // nlmsghdr: len 124, NFT_MSG_NEWSETELEM, NLM_F_REQUEST|NLM_F_CREATE, seq 1, pid 0
        "01 00 0000" +                                         // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +        // NFTA_SET_ELEM_LIST_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0c00 0200 6272696467657300" +                         // NFTA_SET_ELEM_LIST_SET (nla_len 12) = "bridges\0"
        "0800 0400 00000004" +                                 // NFTA_SET_ELEM_LIST_SET_ID (nla_len 8) = 4
        "4000 0380" +                                          // NFTA_SET_ELEM_LIST_ELEMENTS (nla_len 64, NLA_F_NESTED)
          "3c00 0180" +                                        //   element 1 (nla_len 60, NLA_F_NESTED)
            "1800 0180" +                                      //     NFTA_SET_ELEM_KEY (nla_len 24, NLA_F_NESTED)
              "1400 0100 636e3000000000000000000000000000" +   //       NFTA_DATA_VALUE (nla_len 20) = 636e3000000000000000000000000000 ("cn0" padded to IFNAMSIZ)
            "2000 0280" +                                      //     NFTA_SET_ELEM_DATA (nla_len 32, NLA_F_NESTED)
              "1c00 0280" +                                    //       NFTA_DATA_VERDICT (nla_len 28, NLA_F_NESTED)
                "0800 0100 fffffffd" +                         //         NFTA_VERDICT_CODE (nla_len 8) = -3 (NFT_JUMP)
                "1000 0200 6e65742d64656661756c7400";          //         NFTA_VERDICT_CHAIN (nla_len 16) = "net-default\0"

    /// <summary>nft -f: add element inet containernet ranges { 10.88.0.0/16 . 8000-8100 }</summary>
    private const string AddElemRanges =
        "64000000 0c0a 0104 01000000 00000000" +          // nlmsghdr: len 100, NFT_MSG_NEWSETELEM, NLM_F_REQUEST|NLM_F_CREATE, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_SET_ELEM_LIST_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0b00 0200 72616e67657300 00" +                   // NFTA_SET_ELEM_LIST_SET (nla_len 11) = "ranges\0", 1 pad
        "0800 0400 00000005" +                            // NFTA_SET_ELEM_LIST_SET_ID (nla_len 8) = 5
        "2800 0380" +                                     // NFTA_SET_ELEM_LIST_ELEMENTS (nla_len 40, NLA_F_NESTED)
          "2400 0180" +                                   //   element 1 (nla_len 36, NLA_F_NESTED)
            "1000 0180" +                                 //     NFTA_SET_ELEM_KEY (nla_len 16, NLA_F_NESTED)
              "0c00 0100 0a5800001f400000" +              //       NFTA_DATA_VALUE (nla_len 12) = 0a5800001f400000 (10.88.0.0 . 8000)
            "1000 0a80" +                                 //     NFTA_SET_ELEM_KEY_END (nla_len 16, NLA_F_NESTED)
              "0c00 0100 0a58ffff1fa40000";               //       NFTA_DATA_VALUE (nla_len 12) = 0a58ffff1fa40000 (10.88.255.255 . 8100)

    /// <summary>nft -f: add element inet containernet hosts { 10.88.0.4 comment "web" }</summary>
    private const string AddElemComment =
        "5c000000 0c0a 0104 01000000 00000000" +          // nlmsghdr: len 92, NFT_MSG_NEWSETELEM, NLM_F_REQUEST|NLM_F_CREATE, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_SET_ELEM_LIST_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0a00 0200 686f73747300 0000" +                   // NFTA_SET_ELEM_LIST_SET (nla_len 10) = "hosts\0", 2 pad
        "0800 0400 00000001" +                            // NFTA_SET_ELEM_LIST_SET_ID (nla_len 8) = 1
        "2000 0380" +                                     // NFTA_SET_ELEM_LIST_ELEMENTS (nla_len 32, NLA_F_NESTED)
          "1c00 0180" +                                   //   element 1 (nla_len 28, NLA_F_NESTED)
            "0c00 0180" +                                 //     NFTA_SET_ELEM_KEY (nla_len 12, NLA_F_NESTED)
              "0800 0100 0a580004" +                      //       NFTA_DATA_VALUE (nla_len 8) = 0a580004 (10.88.0.4)
            "0a00 0600 000477656200 0000";                //     NFTA_SET_ELEM_USERDATA (nla_len 10): COMMENT (0, len 4) = "web\0", 2 pad

    /// <summary>nft -f: create element inet containernet hosts { 10.88.0.5 }</summary>
    private const string CreateElem =
        "50000000 0c0a 0106 01000000 00000000" +          // nlmsghdr: len 80, NFT_MSG_NEWSETELEM, NLM_F_REQUEST|NLM_F_EXCL|NLM_F_CREATE, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_SET_ELEM_LIST_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0a00 0200 686f73747300 0000" +                   // NFTA_SET_ELEM_LIST_SET (nla_len 10) = "hosts\0", 2 pad
        "0800 0400 00000001" +                            // NFTA_SET_ELEM_LIST_SET_ID (nla_len 8) = 1
        "1400 0380" +                                     // NFTA_SET_ELEM_LIST_ELEMENTS (nla_len 20, NLA_F_NESTED)
          "1000 0180" +                                   //   element 1 (nla_len 16, NLA_F_NESTED)
            "0c00 0180" +                                 //     NFTA_SET_ELEM_KEY (nla_len 12, NLA_F_NESTED)
              "0800 0100 0a580005";                       //       NFTA_DATA_VALUE (nla_len 8) = 0a580005 (10.88.0.5)

    /// <summary>nft -f: delete element inet containernet ports { tcp . 8080 }</summary>
    private const string DelElemPorts =
        "4c000000 0e0a 0100 01000000 00000000" +          // nlmsghdr: len 76, NFT_MSG_DELSETELEM, NLM_F_REQUEST, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_SET_ELEM_LIST_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0a00 0200 706f72747300 0000" +                   // NFTA_SET_ELEM_LIST_SET (nla_len 10) = "ports\0", 2 pad
        "1800 0380" +                                     // NFTA_SET_ELEM_LIST_ELEMENTS (nla_len 24, NLA_F_NESTED)
          "1400 0180" +                                   //   element 1 (nla_len 20, NLA_F_NESTED)
            "1000 0180" +                                 //     NFTA_SET_ELEM_KEY (nla_len 16, NLA_F_NESTED)
              "0c00 0100 060000001f900000";               //       NFTA_DATA_VALUE (nla_len 12) = 060000001f900000 (tcp . 8080)

    private static NewSetElementsRequest Add(string set, uint setId, params NftSetElement[] elements) => new()
    {
        Family = NftFamily.Inet, Table = "containernet", Set = set, SetId = setId, Elements = elements,
    };

    [Fact]
    public void IPv4_addresses() =>
        NftGolden.AssertEncodes(AddElemHosts, Add("hosts", 1,
            new NftSetElement { Key = IPv4(10, 88, 0, 2) },
            new NftSetElement { Key = IPv4(10, 88, 0, 3) }));

    [Fact]
    public void Prefixes_of_an_interval_set_as_start_and_end_elements()
    {
        uint end = NfTablesConstants.NFT_SET_ELEM_INTERVAL_END;
        NftGolden.AssertEncodes(AddElemSubnets, Add("subnets", 2,
            new NftSetElement { Key = IPv4(0, 0, 0, 0), Flags = end },
            new NftSetElement { Key = IPv4(10, 88, 0, 0) },
            new NftSetElement { Key = IPv4(10, 89, 0, 0), Flags = end },
            new NftSetElement { Key = IPv4(10, 90, 0, 0) },
            new NftSetElement { Key = IPv4(10, 91, 0, 0), Flags = end }));
    }

    [Fact]
    public void Published_ports_map_protocol_and_port_to_address_and_port() =>
        NftGolden.AssertEncodes(AddElemPorts, Add("ports", 3,
            new NftSetElement { Key = Concat(Protocol(6), Port(8080)), Data = NftData.FromValue(Concat(IPv4(10, 88, 0, 2), Port(80))) },
            new NftSetElement { Key = Concat(Protocol(17), Port(5353)), Data = NftData.FromValue(Concat(IPv4(10, 88, 0, 3), Port(53))) }));

    [Fact]
    public void A_verdict_map_element_jumps_to_a_chain() =>
        NftGolden.AssertEncodes(AddElemBridges, Add("bridges", 4,
            new NftSetElement { Key = NftWire.PaddedString("cn0", 16), Data = NftVerdict.Jump("net-default") }));

    [Fact]
    public void A_concatenated_range_is_one_element_with_KEY_END() =>
        NftGolden.AssertEncodes(AddElemRanges, Add("ranges", 5,
            new NftSetElement { Key = Concat(IPv4(10, 88, 0, 0), Port(8000)), KeyEnd = Concat(IPv4(10, 88, 255, 255), Port(8100)) }));

    [Fact]
    public void An_element_comment_goes_in_its_userdata() =>
        NftGolden.AssertEncodes(AddElemComment, Add("hosts", 1, new NftSetElement { Key = IPv4(10, 88, 0, 4), Comment = "web" }));

    [Fact]
    public void Exclusive_adds_NLM_F_EXCL_as_nft_create_element_does() =>
        NftGolden.AssertEncodes(CreateElem, new NewSetElementsRequest
        {
            Family = NftFamily.Inet, Table = "containernet", Set = "hosts", SetId = 1, Exclusive = true,
            Elements = [new NftSetElement { Key = IPv4(10, 88, 0, 5) }],
        });

    [Fact]
    public void Delete_element_by_key() =>
        NftGolden.AssertEncodes(DelElemPorts, new DeleteSetElementsRequest
        {
            Family = NftFamily.Inet, Table = "containernet", Set = "ports", Elements = [new NftSetElement { Key = Concat(Protocol(6), Port(8080)) }],
        });

    [Fact]
    public void The_label_names_the_element_in_descriptions_and_is_not_sent()
    {
        var labelled = Add("ports", 3, new NftSetElement { Key = Concat(Protocol(6), Port(8080)), Label = "tcp . 8080" });
        var plain = Add("ports", 3, new NftSetElement { Key = Concat(Protocol(6), Port(8080)) });

        Assert.Equal(NftGolden.Encode(plain), NftGolden.Encode(labelled));
        Assert.Equal("add set element tcp . 8080 of set 'ports' of table inet containernet", labelled.Describe());
        Assert.Equal("add set element 060000001f900000 of set 'ports' of table inet containernet", plain.Describe());
    }
}
