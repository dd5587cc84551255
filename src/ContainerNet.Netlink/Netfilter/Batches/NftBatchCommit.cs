using ContainerNet.Netlink.Netfilter.Generation;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Batches;

/// <summary>Commits an <see cref="NftBatch"/> over a NETLINK_NETFILTER connection.</summary>
public static class NftBatchCommit
{
    /// <summary>
    /// Sends the batch in one datagram and GETGEN in a second one as the barrier (see
    /// <see cref="NftBatchReplies"/>), reads until the barrier's ack, and returns the ruleset generation
    /// after the commit (null if the kernel did not report it). Throws <see cref="NftBatchException"/>
    /// when the kernel did not apply the batch; then nothing of it took effect.
    /// </summary>
    public static NftGeneration? Commit(this NetlinkConnection connection, NftBatch batch)
    {
        NftBatchReplies? replies = null;
        connection.Exchange(batch.SequenceCount + 1,
        [
            (writer, first) =>
            {
                replies = new NftBatchReplies(first, batch.Count);
                batch.Encode(writer, first);
            },
            (writer, _) => GetGenerationRequest.Instance.Encode(writer, replies!.BarrierSequence),
        ],
            (in NetlinkMessageHeader header, ReadOnlySpan<byte> payload) => replies!.Accept(header, payload));
        return replies!.Complete(batch);
    }
}
