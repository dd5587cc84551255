using System.Buffers.Binary;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter;
using ContainerNet.Netlink.Netfilter.Chains;
using ContainerNet.Netlink.Netfilter.Elements;
using ContainerNet.Netlink.Netfilter.Generation;
using ContainerNet.Netlink.Netfilter.Rules;
using ContainerNet.Netlink.Netfilter.Sets;
using ContainerNet.Netlink.Netfilter.Tables;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Tests.Netfilter.GoldenBytes;

/// <summary>
/// The GET requests against the ones `nft list ruleset` sent (capture step list_ruleset, `sendto` lines,
/// sequence 0). Our filtered forms (a set or rule dump of one table) are pinned by the decoding tests
/// against the requests of capture-nftables.sh's python step, which drew the fixtures.
/// Field layout: linux/netlink.h (nlmsghdr), linux/netfilter/nfnetlink.h (nfgenmsg), nf_tables.h.
/// </summary>
public sealed class DumpRequestTests
{
    // nlmsghdr: len 20, NFT_MSG_GETGEN, NLM_F_REQUEST, seq 0, pid 0 | nfgenmsg: NFPROTO_UNSPEC, NFNETLINK_V0, res_id 0
    private const string NftGetGen = "14000000 100a 0100 00000000 00000000" + "00 00 0000";

    // nlmsghdr: len 20, NFT_MSG_GETTABLE, NLM_F_REQUEST|NLM_F_DUMP, seq 0, pid 0 | nfgenmsg: NFPROTO_UNSPEC
    private const string NftGetTables = "14000000 010a 0103 00000000 00000000" + "00 00 0000";

    // nlmsghdr: len 20, NFT_MSG_GETCHAIN, NLM_F_REQUEST|NLM_F_DUMP, seq 0, pid 0 | nfgenmsg: NFPROTO_UNSPEC
    private const string NftGetChains = "14000000 040a 0103 00000000 00000000" + "00 00 0000";

    // nlmsghdr: len 20, NFT_MSG_GETSET, NLM_F_REQUEST|NLM_F_DUMP, seq 0, pid 0 | nfgenmsg: NFPROTO_UNSPEC
    private const string NftGetSets = "14000000 0a0a 0103 00000000 00000000" + "00 00 0000";

    // nlmsghdr: len 20, NFT_MSG_GETRULE, NLM_F_REQUEST|NLM_F_DUMP, seq 0, pid 0 | nfgenmsg: NFPROTO_INET
    private const string NftGetRules = "14000000 070a 0103 00000000 00000000" + "01 00 0000";

    /// <summary>nft's GETSETELEM for set subnets: the padding after the table name is left uninitialised ("3q2").</summary>
    private const string NftGetSubnetElements =
        "34000000 0d0a 0103 00000000 00000000" +           // nlmsghdr: len 52, NFT_MSG_GETSETELEM, NLM_F_REQUEST|NLM_F_DUMP, seq 0, pid 0
        "01 00 0000" +                                     // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "0c00 0200 7375626e65747300" +                     // NFTA_SET_ELEM_LIST_SET (nla_len 12) = "subnets\0"
        "1100 0100 636f6e7461696e65726e657400 337132";     // NFTA_SET_ELEM_LIST_TABLE (nla_len 17) = "containernet\0", 3 pad bytes nft did not clear

    [Fact]
    public void Table_chain_set_and_rule_dumps_are_nfts() =>
        Assert.Multiple(
            () => Golden.AssertEncodes(NftGetTables, GetTableRequest.Dump(), 0),
            () => Golden.AssertEncodes(NftGetChains, GetChainRequest.Dump(), 0),
            () => Golden.AssertEncodes(NftGetSets, GetSetRequest.Dump(), 0),
            () => Golden.AssertEncodes(NftGetRules, GetRuleRequest.Dump(NftFamily.Inet), 0));

    [Fact]
    public void The_element_dump_is_nfts_with_its_padding_cleared()
    {
        byte[] nft = Hex.Parse(NftGetSubnetElements);
        ClearPadding(nft);

        Assert.Equal(Hex.Format(nft), Hex.Format(Golden.Encode(GetSetElementsRequest.Dump(NftFamily.Inet, "containernet", "subnets"), 0)));
    }

    [Fact]
    public void The_generation_request_is_nfts_with_NLM_F_ACK()
    {
        // nft reads NEWGEN and stops; we ask for the ack too, so that Query (and the batch barrier) end on it.
        byte[] nft = Hex.Parse(NftGetGen);
        BinaryPrimitives.WriteUInt16LittleEndian(nft.AsSpan(6), NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK);

        Assert.Equal(Hex.Format(nft), Hex.Format(Golden.Encode(GetGenerationRequest.Instance, 0)));
    }

    /// <summary>Zeroes the bytes between each top-level attribute's nla_len and its 4-byte boundary.</summary>
    private static void ClearPadding(byte[] message)
    {
        int offset = NetlinkMessageHeader.Size + NfGenMessage.Size;
        while (offset + NetlinkConstants.NLA_HDRLEN <= message.Length)
        {
            int length = BinaryPrimitives.ReadUInt16LittleEndian(message.AsSpan(offset));
            int end = Math.Min(offset + NetlinkConstants.Align(length), message.Length);
            message.AsSpan(offset + length, end - offset - length).Clear();
            offset = end;
        }
    }
}
