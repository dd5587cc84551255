using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Errors;
using ContainerNet.Netlink.Route.Links;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Tests.Transport;

/// <summary>
/// NetlinkConnection.Query/QueryAll over the recording transport, answered with real kernel replies:
/// link-vweb-lookup.hex answers GetLinkRequest.ByName("vweb") at sequence 1795556908 and
/// own-dump-{1,2}.hex answer GetLinkRequest.Dump() at sequence 3, byte for byte as captured.
/// </summary>
public sealed class NetlinkConnectionQueryTests
{
    private static readonly NetlinkDecoder<LinkMessage> DecodeLink = (in NetlinkMessageHeader _, ReadOnlySpan<byte> payload) => LinkMessage.Decode(payload);

    private static readonly string[] DumpNames = ["lo", "cn0", "vweb", "vfull", "vgp", "vg", "scratchp", "scratch"];

    [Fact]
    public void Query_for_one_link_returns_after_its_single_reply()
    {
        var transport = new RecordingTransport();
        transport.Enqueue(Fixture.Load("link-vweb-lookup.hex"));
        using var connection = new NetlinkConnection(transport, firstSequence: 1795556908);
        var links = new List<LinkMessage>();

        bool complete = connection.Query(GetLinkRequest.ByName("vweb"),
            (in NetlinkMessageHeader _, ReadOnlySpan<byte> payload) => links.Add(LinkMessage.Decode(payload)));

        Assert.True(complete);
        Assert.Equal("vweb", Assert.Single(links).Name);
        Assert.Equal(1, transport.ReceiveCount); // no NLM_F_ACK, no dump: nothing more to wait for
        // What `ip link set vweb up` sent to get that reply (Fixtures/capture.sh, step show_dev, fd 4).
        Assert.Equal("34000000120001002c06066b000000000000000000000000000000000000000008001d0009000000090003007677656200000000",
            Hex.Format(Assert.Single(transport.Sent)));
    }

    [Fact]
    public void Query_for_a_missing_link_throws_ENODEV()
    {
        var transport = new RecordingTransport();
        transport.Enqueue(Fixture.Load("error-enodev.hex"));
        using var connection = new NetlinkConnection(transport, firstSequence: 1795556909);

        var error = Assert.Throws<NetlinkException>(() => connection.QueryAll(GetLinkRequest.ByName("nonexistent"), DecodeLink));

        Assert.Equal(19, error.Errno);
        Assert.Equal(RtnetlinkConstants.RTM_GETLINK, error.RequestType);
        // The error echoes our request back: it is the one ip sent (Fixtures/error-enodev.hex).
        Assert.Equal(Hex.Format(Fixture.Load("error-enodev.hex").AsSpan(20, 56)), Hex.Format(Assert.Single(transport.Sent)));
    }

    [Fact]
    public void Dump_spanning_two_datagrams_ends_at_NLMSG_DONE()
    {
        var transport = new RecordingTransport();
        transport.Enqueue(Fixture.Load("own-dump-1.hex"), Fixture.Load("own-dump-2.hex"));
        using var connection = new NetlinkConnection(transport, firstSequence: 3);

        List<LinkMessage> links = connection.QueryAll(GetLinkRequest.Dump(), DecodeLink);

        Assert.Equal(DumpNames, links.Select(l => l.Name));
        Assert.Equal(2, transport.ReceiveCount);
        Assert.Equal(0, transport.QueuedReplies);
    }

    [Fact]
    public void Interrupted_dump_makes_Query_return_false_after_reading_it_to_the_end()
    {
        var transport = new RecordingTransport();
        // The kernel sets NLM_F_DUMP_INTR on the messages after the link table changed mid-dump; here
        // on the real NLMSG_DONE (the flag is the only synthetic part).
        transport.Enqueue(Fixture.Load("own-dump-1.hex"), InterruptedDone(3));
        using var connection = new NetlinkConnection(transport, firstSequence: 3);
        int seen = 0;

        bool complete = connection.Query(GetLinkRequest.Dump(), (in NetlinkMessageHeader _, ReadOnlySpan<byte> _) => seen++);

        Assert.False(complete);
        Assert.Equal(8, seen);
        Assert.Equal(0, transport.QueuedReplies);
    }

    [Fact]
    public void QueryAll_restarts_an_interrupted_dump_and_keeps_only_the_clean_pass()
    {
        int attempt = 0;
        var transport = new RecordingTransport(sent =>
        {
            uint sequence = NetlinkMessageHeader.Read(sent).Sequence;
            byte[] done = attempt++ == 0 ? InterruptedDone(sequence) : KernelReply.Resequence(Fixture.Load("own-dump-2.hex"), sequence);
            return [KernelReply.Resequence(Fixture.Load("own-dump-1.hex"), sequence), done];
        });
        using var connection = new NetlinkConnection(transport, firstSequence: 3);

        List<LinkMessage> links = connection.QueryAll(GetLinkRequest.Dump(), DecodeLink);

        Assert.Equal(DumpNames, links.Select(l => l.Name)); // not 16: the first pass is dropped
        Assert.Equal([3u, 4u], transport.Sent.Select(d => NetlinkMessageHeader.Read(d).Sequence));
    }

    [Fact]
    public void QueryAll_gives_up_after_five_interrupted_passes_and_returns_the_last()
    {
        var transport = new RecordingTransport(sent =>
        {
            uint sequence = NetlinkMessageHeader.Read(sent).Sequence;
            return [KernelReply.Resequence(Fixture.Load("own-dump-1.hex"), sequence), InterruptedDone(sequence)];
        });
        using var connection = new NetlinkConnection(transport);

        List<LinkMessage> links = connection.QueryAll(GetLinkRequest.Dump(), DecodeLink);

        Assert.Equal(5, transport.Sent.Count);
        Assert.Equal(DumpNames, links.Select(l => l.Name));
    }

    [Fact]
    public void Replies_with_a_stale_sequence_number_are_ignored()
    {
        var transport = new RecordingTransport();
        transport.Enqueue(
            // Late answers to an abandoned request (sequence 2): a link and an error that must not surface.
            KernelReply.Datagram(
                KernelReply.Resequence(Fixture.Load("link-vweb-lookup.hex"), 2),
                KernelReply.Resequence(Fixture.Load("error-mtu-extack-capped.hex"), 2)),
            Fixture.Load("own-dump-1.hex"),
            KernelReply.Datagram(KernelReply.Resequence(Fixture.Load("error-enodev.hex"), 2), Fixture.Load("own-dump-2.hex")));
        using var connection = new NetlinkConnection(transport, firstSequence: 3);

        List<LinkMessage> links = connection.QueryAll(GetLinkRequest.Dump(), DecodeLink);

        Assert.Equal(DumpNames, links.Select(l => l.Name));
        Assert.Equal(3, transport.ReceiveCount);
    }

    [Fact]
    public void Dump_that_ends_in_an_error_throws_it()
    {
        // NLMSG_DONE carries an int error; a dump that fails midway ends with a negative one.
        byte[] done = Fixture.Load("own-dump-2.hex");
        BitConverter.TryWriteBytes(done.AsSpan(16), -1); // EPERM
        var transport = new RecordingTransport();
        transport.Enqueue(Fixture.Load("own-dump-1.hex"), done);
        using var connection = new NetlinkConnection(transport, firstSequence: 3);

        var error = Assert.Throws<NetlinkException>(() => connection.QueryAll(GetLinkRequest.Dump(), DecodeLink));

        Assert.Equal(1, error.Errno);
        Assert.Equal(3u, error.Sequence);
    }

    [Fact]
    public void Overrun_throws_ENOBUFS_instead_of_returning_a_partial_dump()
    {
        byte[] overrun = Fixture.Load("own-dump-2.hex");
        BitConverter.TryWriteBytes(overrun.AsSpan(4), NetlinkConstants.NLMSG_OVERRUN);
        var transport = new RecordingTransport();
        transport.Enqueue(Fixture.Load("own-dump-1.hex"), overrun);
        using var connection = new NetlinkConnection(transport, firstSequence: 3);

        var error = Assert.Throws<NetlinkException>(() => connection.QueryAll(GetLinkRequest.Dump(), DecodeLink));

        Assert.Equal(105, error.Errno); // ENOBUFS
    }

    private static byte[] InterruptedDone(uint sequence) =>
        KernelReply.AddFlags(KernelReply.Resequence(Fixture.Load("own-dump-2.hex"), sequence), NetlinkConstants.NLMSG_DONE, NetlinkConstants.NLM_F_DUMP_INTR);
}
