using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter;
using ContainerNet.Netlink.Netfilter.Sets;
using ContainerNet.Netlink.Netfilter.UserData;
using ContainerNet.Netlink.Tests.Netfilter.Support;

namespace ContainerNet.Netlink.Tests.Netfilter.GoldenBytes;

/// <summary>
/// Set and map messages against nft 1.0.6's bytes (captured as TableRequestTests describes). Key and data
/// types are nft's datatype numbers (NftDataType), lengths are bytes with each concatenated field in whole
/// 4-byte registers. nft gives every set it creates NFTA_SET_ID 1 in a one-command batch and writes its own
/// userdata (libnftnl/udata.h NFTNL_UDATA_SET_*: TLVs of type u8, len u8, u32s in host order); the tests
/// rebuild that userdata with NftUserData so that the whole message matches.
/// </summary>
public sealed class SetRequestTests
{
    /// <summary>nft -f: add set inet containernet hosts { type ipv4_addr; }</summary>
    private const string AddSetHosts =
        "60000000 090a 0104 01000000 00000000" +          // nlmsghdr: len 96, NFT_MSG_NEWSET, NLM_F_REQUEST|NLM_F_CREATE, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_SET_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0a00 0200 686f73747300 0000" +                   // NFTA_SET_NAME (nla_len 10) = "hosts\0", 2 pad
        "0800 0300 00000000" +                            // NFTA_SET_FLAGS (nla_len 8) = 0x0
        "0800 0400 00000007" +                            // NFTA_SET_KEY_TYPE (nla_len 8) = 7 (ipv4_addr)
        "0800 0500 00000004" +                            // NFTA_SET_KEY_LEN (nla_len 8) = 4
        "0800 0a00 00000001" +                            // NFTA_SET_ID (nla_len 8) = 1
        "0a00 0d00 000402000000 0000";                    // NFTA_SET_USERDATA (nla_len 10): KEYBYTEORDER (0, len 4) = 2 (big endian), 2 pad

    /// <summary>nft -f: add set inet containernet subnets { type ipv4_addr; flags interval; }</summary>
    private const string AddSetSubnets =
        "60000000 090a 0104 01000000 00000000" +          // nlmsghdr: len 96, NFT_MSG_NEWSET, NLM_F_REQUEST|NLM_F_CREATE, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_SET_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0c00 0200 7375626e65747300" +                    // NFTA_SET_NAME (nla_len 12) = "subnets\0"
        "0800 0300 00000004" +                            // NFTA_SET_FLAGS (nla_len 8) = NFT_SET_INTERVAL
        "0800 0400 00000007" +                            // NFTA_SET_KEY_TYPE (nla_len 8) = 7 (ipv4_addr)
        "0800 0500 00000004" +                            // NFTA_SET_KEY_LEN (nla_len 8) = 4
        "0800 0a00 00000001" +                            // NFTA_SET_ID (nla_len 8) = 1
        "0a00 0d00 000402000000 0000";                    // NFTA_SET_USERDATA (nla_len 10): KEYBYTEORDER (0, len 4) = 2 (big endian), 2 pad

    /// <summary>nft -f: add map inet containernet ports { type inet_proto . inet_service : ipv4_addr . inet_service; }</summary>
    private const string AddMapPorts =
        "90000000 090a 0104 01000000 00000000" +                                                          // nlmsghdr: len 144, NFT_MSG_NEWSET, NLM_F_REQUEST|NLM_F_CREATE, seq 1, pid 0
        "01 00 0000" +                                                                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +                                                   // NFTA_SET_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0a00 0200 706f72747300 0000" +                                                                   // NFTA_SET_NAME (nla_len 10) = "ports\0", 2 pad
        "0800 0300 00000008" +                                                                            // NFTA_SET_FLAGS (nla_len 8) = NFT_SET_MAP
        "0800 0400 0000030d" +                                                                            // NFTA_SET_KEY_TYPE (nla_len 8) = 781 (inet_proto 12 << 6 | inet_service 13)
        "0800 0500 00000008" +                                                                            // NFTA_SET_KEY_LEN (nla_len 8) = 8
        "0800 0600 000001cd" +                                                                            // NFTA_SET_DATA_TYPE (nla_len 8) = 461 (ipv4_addr . inet_service)
        "0800 0700 00000008" +                                                                            // NFTA_SET_DATA_LEN (nla_len 8) = 8
        "0800 0a00 00000001" +                                                                            // NFTA_SET_ID (nla_len 8) = 1
        "2a00 0d00 000400000000010400000000030800040d0000000100040800040d0000000100060400000000 0000";    // NFTA_SET_USERDATA (nla_len 42): KEYBYTEORDER (0) = 0, DATABYTEORDER (1) = 0, KEY_TYPEOF (3, len 8) { TYPEOF_EXPR (0) = 13, TYPEOF_DATA (1) empty }, DATA_TYPEOF (4) the same, DATA_INTERVAL (6) = 0; 2 pad

    /// <summary>nft -f: add map inet containernet bridges { type ifname : verdict; }</summary>
    private const string AddMapBridges =
        "7c000000 090a 0104 01000000 00000000" +                  // nlmsghdr: len 124, NFT_MSG_NEWSET, NLM_F_REQUEST|NLM_F_CREATE, seq 1, pid 0
        "01 00 0000" +                                            // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +           // NFTA_SET_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0c00 0200 6272696467657300" +                            // NFTA_SET_NAME (nla_len 12) = "bridges\0"
        "0800 0300 00000008" +                                    // NFTA_SET_FLAGS (nla_len 8) = NFT_SET_MAP
        "0800 0400 00000029" +                                    // NFTA_SET_KEY_TYPE (nla_len 8) = 41 (ifname)
        "0800 0500 00000010" +                                    // NFTA_SET_KEY_LEN (nla_len 8) = 16
        "0800 0600 ffffff00" +                                    // NFTA_SET_DATA_TYPE (nla_len 8) = NFT_DATA_VERDICT
        "0800 0700 00000000" +                                    // NFTA_SET_DATA_LEN (nla_len 8) = 0
        "0800 0a00 00000001" +                                    // NFTA_SET_ID (nla_len 8) = 1
        "1600 0d00 000401000000010400000000060400000000 0000";    // NFTA_SET_USERDATA (nla_len 22): KEYBYTEORDER (0) = 1 (host), DATABYTEORDER (1) = 0, DATA_INTERVAL (6) = 0; 2 pad

    /// <summary>nft -f: add set inet containernet ranges { type ipv4_addr . inet_service; flags interval; }</summary>
    private const string AddSetRanges =
        "88000000 090a 0104 01000000 00000000" +          // nlmsghdr: len 136, NFT_MSG_NEWSET, NLM_F_REQUEST|NLM_F_CREATE, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_SET_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0b00 0200 72616e67657300 00" +                   // NFTA_SET_NAME (nla_len 11) = "ranges\0", 1 pad
        "0800 0300 00000084" +                            // NFTA_SET_FLAGS (nla_len 8) = NFT_SET_INTERVAL|NFT_SET_CONCAT
        "0800 0400 000001cd" +                            // NFTA_SET_KEY_TYPE (nla_len 8) = 461 (ipv4_addr 7 << 6 | inet_service 13)
        "0800 0500 00000008" +                            // NFTA_SET_KEY_LEN (nla_len 8) = 8
        "0800 0a00 00000001" +                            // NFTA_SET_ID (nla_len 8) = 1
        "2000 0980" +                                     // NFTA_SET_DESC (nla_len 32, NLA_F_NESTED)
          "1c00 0280" +                                   //   NFTA_SET_DESC_CONCAT (nla_len 28, NLA_F_NESTED)
            "0c00 0180" +                                 //     NFTA_LIST_ELEM (nla_len 12, NLA_F_NESTED)
              "0800 0100 00000004" +                      //       NFTA_SET_FIELD_LEN (nla_len 8) = 4 (bytes: ipv4_addr)
            "0c00 0180" +                                 //     NFTA_LIST_ELEM (nla_len 12, NLA_F_NESTED)
              "0800 0100 00000002" +                      //       NFTA_SET_FIELD_LEN (nla_len 8) = 2 (bytes: inet_service)
        "1400 0d00 000400000000030800040d0000000100";     // NFTA_SET_USERDATA (nla_len 20): KEYBYTEORDER (0) = 0, KEY_TYPEOF (3, len 8) { TYPEOF_EXPR (0) = 13, TYPEOF_DATA (1) empty }

    /// <summary>nft -f: add set inet containernet hosts6 { type ipv6_addr; comment "v6 hosts"; }</summary>
    private const string AddSetComment =
        "6c000000 090a 0104 01000000 00000000" +                  // nlmsghdr: len 108, NFT_MSG_NEWSET, NLM_F_REQUEST|NLM_F_CREATE, seq 1, pid 0
        "01 00 0000" +                                            // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +           // NFTA_SET_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0b00 0200 686f7374733600 00" +                           // NFTA_SET_NAME (nla_len 11) = "hosts6\0", 1 pad
        "0800 0300 00000000" +                                    // NFTA_SET_FLAGS (nla_len 8) = 0x0
        "0800 0400 00000008" +                                    // NFTA_SET_KEY_TYPE (nla_len 8) = 8 (ipv6_addr)
        "0800 0500 00000010" +                                    // NFTA_SET_KEY_LEN (nla_len 8) = 16
        "0800 0a00 00000001" +                                    // NFTA_SET_ID (nla_len 8) = 1
        "1500 0d00 0004020000000709763620686f73747300 000000";    // NFTA_SET_USERDATA (nla_len 21): KEYBYTEORDER (0) = 2, COMMENT (7, len 9) = "v6 hosts\0"; 3 pad

    /// <summary>nft -f: delete set inet containernet hosts</summary>
    private const string DelSet =
        "34000000 0b0a 0100 01000000 00000000" +          // nlmsghdr: len 52, NFT_MSG_DELSET, NLM_F_REQUEST, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_SET_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0a00 0200 686f73747300 0000";                    // NFTA_SET_NAME (nla_len 10) = "hosts\0", 2 pad

    private static NftSet Set(string name) => new()
    {
        Family = NftFamily.Inet, Table = "containernet", Name = name, KeyType = NftDataType.IPv4Address, KeyLength = 4, Id = 1,
        UserData = NftSetUserData.For(NftSetUserData.ByteOrderBig),
    };

    // nft's typeof-style entry for a concatenation: TYPEOF_EXPR = 13 and an empty TYPEOF_DATA.
    private static byte[] ConcatTypeOf() => NftUserData.Concat(
        NftUserData.Entry(NftUserDataTypes.NFTNL_UDATA_SET_TYPEOF_EXPR, 13u),
        NftUserData.Entry(NftUserDataTypes.NFTNL_UDATA_SET_TYPEOF_DATA, ReadOnlySpan<byte>.Empty));

    [Fact]
    public void Set_of_IPv4_addresses() => NftGolden.AssertEncodes(AddSetHosts, new NewSetRequest { Set = Set("hosts") });

    [Fact]
    public void Interval_set_of_IPv4_addresses() =>
        NftGolden.AssertEncodes(AddSetSubnets, new NewSetRequest { Set = Set("subnets") with { Flags = NfTablesConstants.NFT_SET_INTERVAL } });

    [Fact]
    public void Map_from_protocol_and_port_to_address_and_port_the_DNAT_shape()
    {
        var set = new NftSet
        {
            Family = NftFamily.Inet, Table = "containernet", Name = "ports", Flags = NfTablesConstants.NFT_SET_MAP,
            KeyType = NftDataType.Concat(NftDataType.InetProtocol, NftDataType.InetService), KeyLength = NftDataType.ConcatLength(1, 2),
            DataType = NftDataType.Concat(NftDataType.IPv4Address, NftDataType.InetService), DataLength = NftDataType.ConcatLength(4, 2),
            Id = 1,
            UserData = NftUserData.Concat(
                NftUserData.Entry(NftUserDataTypes.NFTNL_UDATA_SET_KEYBYTEORDER, NftSetUserData.ByteOrderInvalid),
                NftUserData.Entry(NftUserDataTypes.NFTNL_UDATA_SET_DATABYTEORDER, NftSetUserData.ByteOrderInvalid),
                NftUserData.Entry(NftUserDataTypes.NFTNL_UDATA_SET_KEY_TYPEOF, ConcatTypeOf()),
                NftUserData.Entry(NftUserDataTypes.NFTNL_UDATA_SET_DATA_TYPEOF, ConcatTypeOf()),
                NftUserData.Entry(NftUserDataTypes.NFTNL_UDATA_SET_DATA_INTERVAL, 0u)),
        };

        NftGolden.AssertEncodes(AddMapPorts, new NewSetRequest { Set = set });
    }

    [Fact]
    public void Verdict_map_keyed_by_interface_name()
    {
        var set = new NftSet
        {
            Family = NftFamily.Inet, Table = "containernet", Name = "bridges", Flags = NfTablesConstants.NFT_SET_MAP,
            KeyType = NftDataType.IfName, KeyLength = 16, DataType = NfTablesConstants.NFT_DATA_VERDICT, DataLength = 0, Id = 1,
            UserData = NftUserData.Concat(
                NftSetUserData.For(NftSetUserData.ByteOrderHost, NftSetUserData.ByteOrderInvalid),
                NftUserData.Entry(NftUserDataTypes.NFTNL_UDATA_SET_DATA_INTERVAL, 0u)),
        };

        NftGolden.AssertEncodes(AddMapBridges, new NewSetRequest { Set = set });
    }

    [Fact]
    public void Concatenated_interval_set_describes_its_field_lengths()
    {
        var set = new NftSet
        {
            Family = NftFamily.Inet, Table = "containernet", Name = "ranges",
            Flags = NfTablesConstants.NFT_SET_INTERVAL | NfTablesConstants.NFT_SET_CONCAT,
            KeyType = NftDataType.Concat(NftDataType.IPv4Address, NftDataType.InetService), KeyLength = 8, Id = 1,
            FieldLengths = [4, 2],
            UserData = NftUserData.Concat(
                NftUserData.Entry(NftUserDataTypes.NFTNL_UDATA_SET_KEYBYTEORDER, NftSetUserData.ByteOrderInvalid),
                NftUserData.Entry(NftUserDataTypes.NFTNL_UDATA_SET_KEY_TYPEOF, ConcatTypeOf())),
        };

        NftGolden.AssertEncodes(AddSetRanges, new NewSetRequest { Set = set });
    }

    [Fact]
    public void A_set_comment_goes_in_the_userdata_after_the_byte_order() =>
        NftGolden.AssertEncodes(AddSetComment, new NewSetRequest
        {
            Set = Set("hosts6") with
            {
                KeyType = NftDataType.IPv6Address, KeyLength = 16,
                UserData = NftSetUserData.For(NftSetUserData.ByteOrderBig, comment: "v6 hosts"),
            },
        });

    [Fact]
    public void Delete_set_by_name() =>
        NftGolden.AssertEncodes(DelSet, new DeleteSetRequest { Family = NftFamily.Inet, Table = "containernet", Name = "hosts" });

    [Fact]
    public void The_comment_reads_back_from_the_userdata() =>
        Assert.Equal("v6 hosts", (Set("hosts6") with { UserData = NftSetUserData.For(NftSetUserData.ByteOrderBig, comment: "v6 hosts") }).Comment);
}
