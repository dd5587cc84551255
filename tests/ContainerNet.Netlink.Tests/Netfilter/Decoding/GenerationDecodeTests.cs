using ContainerNet.Netlink.Netfilter;
using ContainerNet.Netlink.Netfilter.Generation;
using ContainerNet.Netlink.Tests.Netfilter.Support;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Tests.Transport;
using ContainerNet.Netlink.Transport;

namespace ContainerNet.Netlink.Tests.Netfilter.Decoding;

/// <summary>NftGeneration.Decode on the kernel's reply to GetGenerationRequest (Fixtures/nft-gen.hex).</summary>
public sealed class GenerationDecodeTests
{
    [Fact]
    public void Generation_and_the_asking_process()
    {
        var generation = Assert.Single(NftFixture.Decode("nft-gen.hex", NftGeneration.FromMessage));

        Assert.Equal(43u, generation.Id);
        Assert.NotNull(generation.ProcessId);
        Assert.Equal("python3", generation.ProcessName);
    }

    [Fact]
    public void GetGeneration_asks_with_NLM_F_ACK_and_returns_on_the_ack()
    {
        var transport = new RecordingTransport();
        transport.Enqueue(NftFixture.PerMessage("nft-gen.hex"));
        using var connection = new NetlinkConnection(transport, firstSequence: 1);

        var generation = connection.GetGeneration();

        // capture-nftables.sh: GETGEN NLM_F_REQUEST|NLM_F_ACK, NFPROTO_UNSPEC, sequence 1.
        Assert.Equal("14000000100a0500010000000000000000000000", Hex.Format(Assert.Single(transport.Sent)));
        Assert.Equal(43u, generation.Id);
        Assert.Equal(0, transport.QueuedReplies);
    }
}
