using System.Buffers.Binary;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter;
using ContainerNet.Netlink.Netfilter.Batches;
using ContainerNet.Netlink.Netfilter.Data;
using ContainerNet.Netlink.Netfilter.Elements;
using ContainerNet.Netlink.Netfilter.Generation;
using ContainerNet.Netlink.Netfilter.Tables;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Tests.Transport;
using ContainerNet.Netlink.Wire;
using static ContainerNet.Netlink.Tests.Netfilter.Support.NftBytes;

namespace ContainerNet.Netlink.Tests.Netfilter.GoldenBytes;

/// <summary>
/// The batch around the messages: NFNL_MSG_BATCH_BEGIN and NFNL_MSG_BATCH_END as nft 1.0.6 frames them
/// (NLM_F_REQUEST, nfgenmsg AF_UNSPEC, res_id NFNL_SUBSYS_NFTABLES in network order), every message with
/// NLM_F_ACK added (nft asks for none), the whole batch in one datagram, and the GETGEN barrier after it.
/// Field layout: linux/netlink.h, linux/netfilter/nfnetlink.h, linux/netfilter/nf_tables.h.
/// </summary>
public sealed class NftBatchFramingTests
{
    /// <summary>The datagram `nft -f` sent for `add table inet containernet` (capture step add_table), sequences 0, 1, 2.</summary>
    private const string NftAddTable =
"14000000 1000 0100 00000000 00000000" +                  // nlmsghdr: len 20, NFNL_MSG_BATCH_BEGIN, NLM_F_REQUEST, seq 0, pid 0
        "00 00 000a" +                                    // nfgenmsg: family NFPROTO_UNSPEC, NFNETLINK_V0, res_id 10
        "30000000 000a 0100 01000000 00000000" +          // nlmsghdr: len 48, NFT_MSG_NEWTABLE, NLM_F_REQUEST, seq 1, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_TABLE_NAME (nla_len 17) = "containernet\0", 3 pad
        "0800 0200 00000000" +                            // NFTA_TABLE_FLAGS (nla_len 8) = 0x0
        "14000000 1100 0100 02000000 00000000" +          // nlmsghdr: len 20, NFNL_MSG_BATCH_END, NLM_F_REQUEST, seq 2, pid 0
        "00 00 000a";                                     // nfgenmsg: family NFPROTO_UNSPEC, NFNETLINK_V0, res_id 10

    /// <summary>
    /// The batch capture-nftables.sh's python step sent to get Fixtures/nft-batch-ok.hex: elements 10.88.0.11
    /// in hosts, udp . 6000 : 10.88.0.3 . 6000 in ports, first sequence 27, no set ids (the sets exist).
    /// </summary>
    private const string OkBatch =
        "14000000 1000 0100 1b000000 00000000" +          // nlmsghdr: len 20, NFNL_MSG_BATCH_BEGIN, NLM_F_REQUEST, seq 27, pid 0
        "00 00 000a" +                                    // nfgenmsg: family NFPROTO_UNSPEC, NFNETLINK_V0, res_id 10
        "48000000 0c0a 0504 1c000000 00000000" +          // nlmsghdr: len 72, NFT_MSG_NEWSETELEM, NLM_F_REQUEST|NLM_F_ACK|NLM_F_CREATE, seq 28, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_SET_ELEM_LIST_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0a00 0200 686f73747300 0000" +                   // NFTA_SET_ELEM_LIST_SET (nla_len 10) = "hosts\0", 2 pad
        "1400 0380" +                                     // NFTA_SET_ELEM_LIST_ELEMENTS (nla_len 20, NLA_F_NESTED)
          "1000 0180" +                                   //   element 1 (nla_len 16, NLA_F_NESTED)
            "0c00 0180" +                                 //     NFTA_SET_ELEM_KEY (nla_len 12, NLA_F_NESTED)
              "0800 0100 0a58000b" +                      //       NFTA_DATA_VALUE (nla_len 8) = 0a58000b
        "5c000000 0c0a 0504 1d000000 00000000" +          // nlmsghdr: len 92, NFT_MSG_NEWSETELEM, NLM_F_REQUEST|NLM_F_ACK|NLM_F_CREATE, seq 29, pid 0
        "01 00 0000" +                                    // nfgenmsg: family NFPROTO_INET, NFNETLINK_V0, res_id 0
        "1100 0100 636f6e7461696e65726e657400 000000" +   // NFTA_SET_ELEM_LIST_TABLE (nla_len 17) = "containernet\0", 3 pad
        "0a00 0200 706f72747300 0000" +                   // NFTA_SET_ELEM_LIST_SET (nla_len 10) = "ports\0", 2 pad
        "2800 0380" +                                     // NFTA_SET_ELEM_LIST_ELEMENTS (nla_len 40, NLA_F_NESTED)
          "2400 0180" +                                   //   element 1 (nla_len 36, NLA_F_NESTED)
            "1000 0180" +                                 //     NFTA_SET_ELEM_KEY (nla_len 16, NLA_F_NESTED)
              "0c00 0100 1100000017700000" +              //       NFTA_DATA_VALUE (nla_len 12) = 1100000017700000
            "1000 0280" +                                 //     NFTA_SET_ELEM_DATA (nla_len 16, NLA_F_NESTED)
              "0c00 0100 0a58000317700000" +              //       NFTA_DATA_VALUE (nla_len 12) = 0a58000317700000
        "14000000 1100 0100 1e000000 00000000" +          // nlmsghdr: len 20, NFNL_MSG_BATCH_END, NLM_F_REQUEST, seq 30, pid 0
        "00 00 000a";                                     // nfgenmsg: family NFPROTO_UNSPEC, NFNETLINK_V0, res_id 10

    /// <summary>The barrier the python step sent after it, in a datagram of its own.</summary>
    private const string OkBarrier =
        "14000000 100a 0500 1f000000 00000000" +   // nlmsghdr: len 20, NFT_MSG_GETGEN, NLM_F_REQUEST|NLM_F_ACK, seq 31, pid 0
        "00 00 0000";                              // nfgenmsg: family NFPROTO_UNSPEC, NFNETLINK_V0, res_id 0

    /// <summary>BATCH_BEGIN of the batch that got Fixtures/nft-batch-erestart.hex: NFNL_BATCH_GENID 1.</summary>
    private const string BeginWithGeneration =
        "1c000000 1000 0100 17000000 00000000" +   // nlmsghdr: len 28, NFNL_MSG_BATCH_BEGIN, NLM_F_REQUEST, seq 23, pid 0
        "00 00 000a" +                             // nfgenmsg: family NFPROTO_UNSPEC, NFNETLINK_V0, res_id 10
        "0800 0100 00000001";                      // NFNL_BATCH_GENID (nla_len 8) = 1

    private static byte[] Encode(NftBatch batch, uint firstSequence)
    {
        var writer = new NetlinkMessageWriter();
        batch.Encode(writer, firstSequence);
        return writer.WrittenSpan.ToArray();
    }

    [Fact]
    public void Begin_and_end_are_nfts_and_the_message_adds_NLM_F_ACK()
    {
        var batch = new NftBatch().AddTable(new NftTable { Family = NftFamily.Inet, Name = "containernet" });
        byte[] expected = Hex.Parse(NftAddTable);
        // nft's NEWTABLE (offset 20, flags at +6) has NLM_F_REQUEST only; ours asks for the ack.
        BinaryPrimitives.WriteUInt16LittleEndian(expected.AsSpan(20 + 6), NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK);

        Assert.Equal(Hex.Format(expected), Hex.Format(Encode(batch, firstSequence: 0)));
    }

    [Fact]
    public void A_batch_of_two_element_lists_is_the_captured_datagram()
    {
        var batch = new NftBatch()
            .AddElements(NftFamily.Inet, "containernet", "hosts", [new NftSetElement { Key = IPv4(10, 88, 0, 11) }])
            .AddElements(NftFamily.Inet, "containernet", "ports",
                [new NftSetElement { Key = Concat(Protocol(17), Port(6000)), Data = NftData.FromValue(Concat(IPv4(10, 88, 0, 3), Port(6000))) }]);

        Assert.Equal(5, batch.SequenceCount + 1);
        Assert.Equal(Hex.Format(Hex.Parse(OkBatch)), Hex.Format(Encode(batch, firstSequence: 27)));
        Assert.Equal(Hex.Format(Hex.Parse(OkBarrier)), Hex.Format(Golden.Encode(GetGenerationRequest.Instance, 31)));
    }

    [Fact]
    public void A_generation_guard_goes_in_BATCH_BEGIN()
    {
        var batch = new NftBatch { GenerationId = 1 };

        Assert.StartsWith(Hex.Format(Hex.Parse(BeginWithGeneration)), Hex.Format(Encode(batch, firstSequence: 23)));
    }

    [Fact]
    public void Commit_sends_the_batch_and_the_barrier_as_two_datagrams()
    {
        var transport = new RecordingTransport();
        transport.Enqueue(Support.NftFixture.PerMessage("nft-batch-ok.hex"));
        using var connection = new ContainerNet.Netlink.Transport.NetlinkConnection(transport, firstSequence: 27);
        var batch = new NftBatch()
            .AddElements(NftFamily.Inet, "containernet", "hosts", [new NftSetElement { Key = IPv4(10, 88, 0, 11) }])
            .AddElements(NftFamily.Inet, "containernet", "ports",
                [new NftSetElement { Key = Concat(Protocol(17), Port(6000)), Data = NftData.FromValue(Concat(IPv4(10, 88, 0, 3), Port(6000))) }]);

        connection.Commit(batch);

        Assert.Equal([Hex.Format(Hex.Parse(OkBatch)), Hex.Format(Hex.Parse(OkBarrier))], transport.Sent.Select(d => Hex.Format(d)));
    }

    [Fact]
    public void Long_element_lists_are_split_so_that_no_list_attribute_overflows_nla_len()
    {
        var elements = Enumerable.Range(0, 3000)
            .Select(i => new NftSetElement
            {
                Key = Concat(Protocol(6), Port((ushort)(10000 + i))),
                Data = NftData.FromValue(Concat(IPv4(10, 88, (byte)(i >> 8), (byte)i), Port(80))),
            })
            .ToArray();
        var batch = new NftBatch().AddElements(NftFamily.Inet, "containernet", "ports", elements);

        var messages = batch.Messages.Cast<NewSetElementsRequest>().ToList();
        Assert.True(messages.Count > 1);
        Assert.Equal(elements, messages.SelectMany(m => m.Elements));
        byte[] datagram = Encode(batch, 1);
        var reader = new NetlinkMessageReader(datagram);
        int count = 0;
        while (reader.TryRead(out NetlinkMessageHeader header, out ReadOnlySpan<byte> payload))
        {
            count++;
            if (header.Type != NftMessage.Type(NfTablesConstants.NFT_MSG_NEWSETELEM))
                continue;
            // The one list decodes whole: its nla_len did not wrap.
            Assert.NotEmpty(NftSetElementList.Decode(payload).Elements);
            Assert.True(header.Length < ushort.MaxValue);
        }
        Assert.Equal(messages.Count + 2, count);
    }

    [Fact]
    public void An_empty_element_list_adds_no_message() =>
        Assert.Equal(0, new NftBatch().AddElements(NftFamily.Inet, "containernet", "ports", []).Count);
}
