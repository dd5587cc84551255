using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter;
using ContainerNet.Netlink.Netfilter.Batches;
using ContainerNet.Netlink.Netfilter.Data;
using ContainerNet.Netlink.Netfilter.Elements;
using ContainerNet.Netlink.Netfilter.Expressions;
using ContainerNet.Netlink.Netfilter.Rules;
using ContainerNet.Netlink.Tests.Netfilter.Support;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Tests.Transport;
using ContainerNet.Netlink.Transport;
using static ContainerNet.Netlink.Tests.Netfilter.Support.NftBytes;

namespace ContainerNet.Netlink.Tests.Netfilter.Batches;

/// <summary>
/// NetlinkConnection.Commit over the recording transport, answered with the kernel's real replies to the
/// same batches (Fixtures/nft-batch-*.hex; the connection numbers its messages as the capture did, and the
/// tests check that it sent the very bytes that drew those replies) and, for what no capture shows, with
/// KernelReply's identical layout. The receive loop must end at the barrier's ack in every case: the
/// recording transport throws when asked for a reply the kernel would never send.
/// </summary>
public sealed class NftBatchCommitTests
{
    /// <summary>The batch and barrier that drew Fixtures/nft-batch-eexist.hex (capture-nftables.sh, python step).</summary>
    private const string EexistBatch =
        "14000000100001000b000000000000000000000a480000000c0a05040c000000000000000100000011000100636f6e7461696e65726e65740000" +
        "00000a000200686f73747300000014000380100001800c000180080001000a5800075c0000000c0a05040d000000000000000100000011000100" +
        "636f6e7461696e65726e6574000000000a000200706f7274730000002800038024000180100001800c0001000600000023820000100002800c00" +
        "01000a580002005a0000a40000000c0a05060e000000000000000100000011000100636f6e7461696e65726e6574000000000a000200706f7274" +
        "730000007000038024000180100001800c0001000600000023830000100002800c0001000a580002005b000024000280100001800c0001000600" +
        "00001f900000100002800c0001000a5800090050000024000380100001800c0001000600000023840000100002800c0001000a580002005c0000" +
        "14000000110001000f000000000000000000000a";

    /// <summary>The batch that drew Fixtures/nft-batch-enoent.hex.</summary>
    private const string EnoentBatch =
        "140000001000010011000000000000000000000a480000000c0a050412000000000000000100000011000100636f6e7461696e65726e65740000" +
        "00000a000200686f73747300000014000380100001800c000180080001000a580008b8000000060a050c1300000000000000010000001100010063" +
        "6f6e7461696e65726e6574000000000c000200666f7277617264008400048024000180090001006d6574610000000014000280080002000000000608" +
        "000100000000012c0001800b0001006c6f6f6b757000001c00028008000200000000010e0001006e6f73756368736574000000300001800e000100" +
        "696d6d6564696174650000001c0002800800010000000000100002800c0002800800010000000001480000000c0a050414000000000000000100" +
        "000011000100636f6e7461696e65726e6574000000000a000200686f73747300000014000380100001800c000180080001000a580009140000001100" +
        "010015000000000000000000000a";

    private static NftSetElement Port(byte protocol, ushort port, byte host, ushort containerPort) => new()
    {
        Key = Concat(Protocol(protocol), NftBytes.Port(port)),
        Data = NftData.FromValue(Concat(IPv4(10, 88, 0, host), NftBytes.Port(containerPort))),
        Label = $"{(protocol == 6 ? "tcp" : "udp")} . {port}",
    };

    /// <summary>[0] add 10.88.0.7 to hosts, [1] add tcp . 9090 to ports, [2] create tcp . 9091, tcp . 8080 (exists), tcp . 9092.</summary>
    private static NftBatch ConflictingPublish() => new NftBatch()
        .AddElements(NftFamily.Inet, "containernet", "hosts", [new NftSetElement { Key = IPv4(10, 88, 0, 7) }])
        .AddElements(NftFamily.Inet, "containernet", "ports", [Port(6, 9090, 2, 90)])
        .AddElements(NftFamily.Inet, "containernet", "ports", [Port(6, 9091, 2, 91), Port(6, 8080, 9, 80), Port(6, 9092, 2, 92)], exclusive: true);

    private static (RecordingTransport, NetlinkConnection) Answering(string fixture, uint firstSequence)
    {
        var transport = new RecordingTransport();
        transport.Enqueue(NftFixture.PerMessage(fixture));
        return (transport, new NetlinkConnection(transport, firstSequence));
    }

    [Fact]
    public void An_accepted_batch_returns_the_new_generation()
    {
        var (transport, connection) = Answering("nft-batch-ok.hex", 27);
        var batch = new NftBatch()
            .AddElements(NftFamily.Inet, "containernet", "hosts", [new NftSetElement { Key = IPv4(10, 88, 0, 11) }])
            .AddElements(NftFamily.Inet, "containernet", "ports", [Port(17, 6000, 3, 6000)]);

        var generation = connection.Commit(batch);

        Assert.Equal(44u, generation!.Id); // 43 before (Fixtures/nft-gen.hex), one commit
        Assert.Equal(0, transport.QueuedReplies);
        Assert.Equal(2, transport.Sent.Count);
    }

    [Fact]
    public void A_rejected_element_names_the_message_and_the_element()
    {
        var (transport, connection) = Answering("nft-batch-eexist.hex", 11);

        var error = Assert.Throws<NftBatchException>(() => connection.Commit(ConflictingPublish()));

        Assert.Equal(Hex.Format(Hex.Parse(EexistBatch)), Hex.Format(transport.Sent[0]));
        Assert.Equal(2, error.FailedIndex);
        Assert.Equal(17, error.Errno); // EEXIST
        Assert.Equal(14u, error.Sequence);
        Assert.Equal(NftMessage.Type(NfTablesConstants.NFT_MSG_NEWSETELEM), error.RequestType);
        // NLMSGERR_ATTR_OFFS 92 points at the second element's nest.
        Assert.Equal("add set element tcp . 8080 (element 2 of 3) of set 'ports' of table inet containernet", error.FailedDescription);
        Assert.StartsWith("The nf_tables batch of 3 messages was not applied: message 3 (add set element tcp . 8080", error.Message);
        Assert.Single(error.Failures);
        Assert.Equal(0, transport.QueuedReplies);
    }

    [Fact]
    public void A_rule_that_looks_up_a_missing_set_names_the_expression()
    {
        var (transport, connection) = Answering("nft-batch-enoent.hex", 17);
        var rule = new NftRule
        {
            Family = NftFamily.Inet, Table = "containernet", Chain = "forward",
            Expressions =
            [
                MetaExpression.Load(NfTablesConstants.NFT_META_IIFNAME, NfTablesConstants.NFT_REG_1),
                new LookupExpression("nosuchset", NfTablesConstants.NFT_REG_1),
                ImmediateExpression.Verdict(NftVerdict.Accept),
            ],
        };
        var batch = new NftBatch()
            .AddElements(NftFamily.Inet, "containernet", "hosts", [new NftSetElement { Key = IPv4(10, 88, 0, 8) }])
            .AddRule(rule)
            .AddElements(NftFamily.Inet, "containernet", "hosts", [new NftSetElement { Key = IPv4(10, 88, 0, 9) }]);

        var error = Assert.Throws<NftBatchException>(() => connection.Commit(batch));

        Assert.Equal(Hex.Format(Hex.Parse(EnoentBatch)), Hex.Format(transport.Sent[0]));
        Assert.Equal(1, error.FailedIndex);
        Assert.Equal(2, error.Errno); // ENOENT
        Assert.Equal("expression 2 of 3 ('lookup' of set 'nosuchset') of rule (meta lookup immediate) in chain 'forward' of table inet containernet",
            error.FailedDescription);
        // The kernel acked the message after the failure too (it runs them all), and then aborted.
        Assert.Equal(0, transport.QueuedReplies);
    }

    [Fact]
    public void A_stale_generation_refuses_the_whole_batch()
    {
        var (transport, connection) = Answering("nft-batch-erestart.hex", 23);
        var batch = new NftBatch { GenerationId = 1 }
            .AddElements(NftFamily.Inet, "containernet", "hosts", [new NftSetElement { Key = IPv4(10, 88, 0, 10) }]);

        var error = Assert.Throws<NftBatchException>(() => connection.Commit(batch));

        Assert.Equal(-1, error.FailedIndex);
        Assert.Equal(85, error.Errno); // ERESTART, for BATCH_BEGIN; the message itself gets no answer
        Assert.Equal(23u, error.Sequence);
        Assert.Contains("no longer at generation 1", error.Message);
        Assert.Equal(0, transport.QueuedReplies);
    }

    [Fact]
    public void A_batch_dropped_without_an_answer_is_reported_as_not_applied()
    {
        // A malformed batch is aborted with no answer at all (nfnetlink_rcv_batch resets its error list);
        // only the barrier answers.
        var transport = new RecordingTransport(sent => Barrier(sent));
        using var connection = new NetlinkConnection(transport);

        var error = Assert.Throws<NftBatchException>(() => connection.Commit(ConflictingPublish()));

        Assert.Equal(-1, error.FailedIndex);
        Assert.Equal(71, error.Errno); // EPROTO
        Assert.Contains("answered 0 of its 3 messages", error.Message);
    }

    [Fact]
    public void A_failed_commit_reported_on_BATCH_BEGIN_fails_the_batch_even_with_every_message_acked()
    {
        // nfnetlink: when ss->commit fails it acks BATCH_BEGIN with the error, then delivers the acks.
        var transport = new RecordingTransport(sent => sent.Length == 20 ? Barrier(sent) : Answers(sent, beginErrno: 12));
        using var connection = new NetlinkConnection(transport);

        var error = Assert.Throws<NftBatchException>(() => connection.Commit(ConflictingPublish()));

        Assert.Equal(-1, error.FailedIndex);
        Assert.Equal(12, error.Errno); // ENOMEM
        Assert.Equal("the batch as a whole", error.FailedDescription);
    }

    [Fact]
    public void Replies_to_other_requests_are_skipped()
    {
        var transport = new RecordingTransport(sent => sent.Length == 20 ? Barrier(sent) : [StaleAck(), .. Answers(sent)]);
        using var connection = new NetlinkConnection(transport, firstSequence: 500);

        connection.Commit(ConflictingPublish());

        Assert.Equal(0, transport.QueuedReplies);
    }

    [Fact]
    public void The_barrier_shares_no_sequence_number_with_the_batch()
    {
        var transport = new RecordingTransport(sent => sent.Length == 20 ? Barrier(sent) : Answers(sent));
        using var connection = new NetlinkConnection(transport, firstSequence: uint.MaxValue - 2);

        connection.Commit(ConflictingPublish());

        // Six numbers (BEGIN, 3 messages, END, barrier) do not fit before the wrap: the batch starts again at 1.
        var sent = SentMessages.Split(transport.Sent[0]);
        Assert.Equal([1u, 2, 3, 4, 5], sent.Select(m => m.Header.Sequence));
        Assert.Equal(6u, SentMessages.Split(transport.Sent[1])[0].Header.Sequence);
    }

    /// <summary>The kernel's answer to the barrier: NEWGEN and the ack, from Fixtures/nft-batch-ok.hex with this number.</summary>
    private static IEnumerable<byte[]> Barrier(byte[] getgen)
    {
        uint sequence = SentMessages.Split(getgen)[0].Header.Sequence;
        return NftFixture.PerMessage("nft-batch-ok.hex")[^2..].Select(m => KernelReply.Resequence(m, sequence));
    }

    /// <summary>An ack per batch message (and, if asked, an error for BATCH_BEGIN first), one datagram each.</summary>
    private static IEnumerable<byte[]> Answers(byte[] batch, int? beginErrno = null)
    {
        var messages = SentMessages.Split(batch);
        if (beginErrno is { } errno)
            yield return KernelReply.Error(messages[0].Bytes, errno);
        foreach (var (_, bytes) in messages.Skip(1).SkipLast(1))
            yield return KernelReply.Ack(bytes);
    }

    private static byte[] StaleAck() =>
        KernelReply.Ack(Golden.Encode(ContainerNet.Netlink.Netfilter.Generation.GetGenerationRequest.Instance, 7));
}
