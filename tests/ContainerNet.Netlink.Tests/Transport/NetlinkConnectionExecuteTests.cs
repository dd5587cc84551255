using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Errors;
using ContainerNet.Netlink.Route.Links;
using ContainerNet.Netlink.Route.Links.Kinds;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Transport;

namespace ContainerNet.Netlink.Tests.Transport;

/// <summary>
/// NetlinkConnection.Execute/ExecuteAll over the recording transport, answered with the kernel's real
/// replies (Fixtures/) where one exists and with KernelReply's identical layout otherwise.
/// </summary>
public sealed class NetlinkConnectionExecuteTests
{
    [Fact]
    public void Execute_sends_one_datagram_and_returns_on_the_ack()
    {
        var transport = new RecordingTransport();
        transport.Enqueue(Fixture.Load("ack-mtu-capped.hex"));
        using var connection = new NetlinkConnection(transport, firstSequence: 2);

        connection.Execute(new SetLinkRequest { Index = 3, Mtu = 1400 });

        // The exact bytes capture.sh sent to get that ack.
        Assert.Equal("28000000100005000200000000000000000000000300000000000000000000000800040078050000", Hex.Format(Assert.Single(transport.Sent)));
        Assert.Equal(1, transport.ReceiveCount);
    }

    [Theory]
    [InlineData("error-mtu-extack-capped.hex", 1u)]          // our socket: NETLINK_CAP_ACK
    [InlineData("error-mtu-extack.hex", 1795556909u)]        // ip's socket: the whole request echoed
    public void Execute_throws_the_errno_and_the_kernels_extack_text(string fixture, uint sequence)
    {
        var transport = new RecordingTransport();
        transport.Enqueue(Fixture.Load(fixture));
        using var connection = new NetlinkConnection(transport, firstSequence: sequence);

        var error = Assert.Throws<NetlinkException>(() => connection.Execute(new SetLinkRequest { Index = 3, Mtu = 10 }));

        Assert.Equal(22, error.Errno); // EINVAL
        Assert.Equal("mtu less than device minimum", error.KernelMessage);
        Assert.Equal(RtnetlinkConstants.RTM_NEWLINK, error.RequestType);
        Assert.Equal(sequence, error.Sequence);
        Assert.EndsWith("Kernel: mtu less than device minimum.", error.Message);
    }

    [Fact]
    public void Execute_throws_a_plain_errno_when_there_is_no_extack()
    {
        var transport = new RecordingTransport();
        transport.Enqueue(Fixture.Load("error-enotconn-peer-up.hex"));
        using var connection = new NetlinkConnection(transport, firstSequence: 1795556907);

        var error = Assert.Throws<NetlinkException>(() => connection.Execute(
            new NewLinkRequest { Name = "vup", Kind = new VethKind { PeerName = "eth2", PeerNamespaceFd = 4 } }));

        Assert.Equal(107, error.Errno); // ENOTCONN
        Assert.Null(error.KernelMessage);
    }

    [Fact]
    public void ExecuteAll_pipelines_requests_in_one_send_and_maps_out_of_order_replies_by_sequence()
    {
        INetlinkRequest[] requests =
        [
            new SetLinkRequest { Index = 3, Mtu = 10 },        // seq 1: refused
            new SetLinkRequest { Index = 3, Up = true },       // seq 2
            new SetLinkRequest { Index = 3, MasterIndex = 2 }, // seq 3
        ];
        var transport = new RecordingTransport();
        transport.Enqueue(
            KernelReply.Datagram(KernelReply.Ack(Golden.Encode(requests[2], 3)), KernelReply.Ack(Golden.Encode(requests[1], 2))),
            Fixture.Load("error-mtu-extack-capped.hex"));
        using var connection = new NetlinkConnection(transport);

        NetlinkException?[] results = connection.ExecuteAll(requests);

        var sent = SentMessages.Split(Assert.Single(transport.Sent));
        Assert.Equal([1u, 2u, 3u], sent.Select(m => m.Header.Sequence));
        Assert.Equal(Golden.Encode(requests[1], 2), sent[1].Bytes);
        Assert.Equal(22, results[0]?.Errno);
        Assert.Equal("mtu less than device minimum", results[0]?.KernelMessage);
        Assert.Equal(1u, results[0]?.Sequence);
        Assert.Null(results[1]);
        Assert.Null(results[2]);
        Assert.Equal(2, transport.ReceiveCount);
    }

    [Fact]
    public void ExecuteAll_ignores_stale_acks_duplicates_and_notifications()
    {
        var request = new SetLinkRequest { Index = 3, Mtu = 1400 };
        var transport = new RecordingTransport();
        transport.Enqueue(
            KernelReply.Datagram(
                KernelReply.Error(Golden.Encode(request, 41), 22, "left over from an abandoned request"), // stale sequence
                Fixture.Load("link-vweb-lookup.hex")), // an RTM_NEWLINK in the ack stream is not an ack
            KernelReply.Datagram(
                KernelReply.Ack(Golden.Encode(request, 42)),
                KernelReply.Error(Golden.Encode(request, 42), 16, "duplicate for the same sequence"))); // answered already
        using var connection = new NetlinkConnection(transport, firstSequence: 42);

        NetlinkException?[] results = connection.ExecuteAll([request]);

        Assert.Null(Assert.Single(results));
        Assert.Equal(2, transport.ReceiveCount);
    }

    [Fact]
    public void ExecuteAll_splits_large_batches_into_pipeline_windows_with_continuing_sequences()
    {
        int total = NetlinkConnection.PipelineWindow + 2;
        var requests = Enumerable.Range(0, total).Select(i => (INetlinkRequest)DeleteLinkRequest.ByIndex(100 + i)).ToArray();
        var transport = new RecordingTransport(sent => [KernelReply.Datagram(SentMessages.Split(sent).Select(m => KernelReply.Ack(m.Bytes)).ToArray())]);
        using var connection = new NetlinkConnection(transport);

        NetlinkException?[] results = connection.ExecuteAll(requests);

        Assert.All(results, Assert.Null);
        Assert.Equal(2, transport.Sent.Count);
        var first = SentMessages.Split(transport.Sent[0]);
        var second = SentMessages.Split(transport.Sent[1]);
        Assert.Equal(NetlinkConnection.PipelineWindow, first.Count);
        Assert.Equal(2, second.Count);
        Assert.Equal(Enumerable.Range(1, total).Select(i => (uint)i), first.Concat(second).Select(m => m.Header.Sequence));
    }

    [Fact]
    public void Sequence_numbers_skip_zero_when_they_wrap()
    {
        var transport = new RecordingTransport(sent => [KernelReply.Ack(sent)]);
        using var connection = new NetlinkConnection(transport, firstSequence: uint.MaxValue);

        connection.Execute(DeleteLinkRequest.ByIndex(2));
        connection.Execute(DeleteLinkRequest.ByIndex(2));

        Assert.Equal([uint.MaxValue, 1u], transport.Sent.Select(d => SentMessages.Split(d).Single().Header.Sequence));
    }

    [Theory]
    [InlineData(uint.MaxValue - 1)]
    [InlineData(0u)]
    public void A_pipelined_window_that_would_wrap_starts_again_at_one_and_matches_its_acks(uint firstSequence)
    {
        var transport = new RecordingTransport(sent => [KernelReply.Datagram(SentMessages.Split(sent).Select(m => KernelReply.Ack(m.Bytes)).ToArray())]);
        using var connection = new NetlinkConnection(transport, firstSequence);

        NetlinkException?[] results = connection.ExecuteAll([DeleteLinkRequest.ByIndex(2), DeleteLinkRequest.ByIndex(3), DeleteLinkRequest.ByIndex(4)]);

        Assert.All(results, Assert.Null);
        Assert.Equal([1u, 2u, 3u], SentMessages.Split(Assert.Single(transport.Sent)).Select(m => m.Header.Sequence));
    }

    [Fact]
    public void Dispose_disposes_the_transport()
    {
        var transport = new RecordingTransport();

        new NetlinkConnection(transport).Dispose();

        Assert.True(transport.IsDisposed);
    }
}
