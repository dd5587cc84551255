using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Errors;
using ContainerNet.Netlink.Netfilter.Generation;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Batches;

/// <summary>
/// Collects the kernel's answers to one committed batch and decides its outcome. What nfnetlink does
/// (net/netfilter/nfnetlink.c, nfnetlink_rcv_batch), all within the sendmsg call of the batch:
/// <list type="bullet">
/// <item>It checks BATCH_BEGIN (subsystem, NFNL_BATCH_GENID, CAP_NET_ADMIN): a refusal is one error
/// carrying BATCH_BEGIN's sequence number, and nothing else.</item>
/// <item>It runs every message, on after a failure, and queues an answer for each that failed or asked
/// for NLM_F_ACK; after BATCH_END it commits (or aborts, when anything failed) and only then delivers
/// the queued answers, in message order. A failed commit adds one error for BATCH_BEGIN's number first.</item>
/// <item>A malformed batch (a message too short, a second BATCH_BEGIN) is aborted with no answer at all.</item>
/// </list>
/// So the number of answers is not known in advance. The barrier settles it: a GETGEN sent in a second
/// datagram right after the batch is answered only after everything the batch produced, so its ack
/// closes the exchange in every case. The batch took effect exactly when BATCH_BEGIN drew no error and
/// every message was acked with 0.
/// </summary>
internal sealed class NftBatchReplies
{
    private readonly uint _begin;
    private readonly uint _barrier;
    private readonly NetlinkErrorMessage?[] _answers;
    private readonly int?[] _offsets;
    private NetlinkErrorMessage? _batchError;
    private NetlinkErrorMessage? _barrierError;

    public NftBatchReplies(uint firstSequence, int messageCount)
    {
        _begin = firstSequence;
        _barrier = firstSequence + (uint)messageCount + 2;
        _answers = new NetlinkErrorMessage?[messageCount];
        _offsets = new int?[messageCount];
    }

    public uint BarrierSequence => _barrier;

    public NftGeneration? Generation { get; private set; }

    /// <summary>Takes one reply message; true once the barrier's ack has arrived.</summary>
    public bool Accept(in NetlinkMessageHeader header, ReadOnlySpan<byte> payload)
    {
        if (header.Sequence == _barrier)
        {
            if (header.Type == NftMessage.Type(NfTablesConstants.NFT_MSG_NEWGEN))
            {
                Generation = NftGeneration.Decode(payload);
                return false;
            }
            if (header.Type != NetlinkConstants.NLMSG_ERROR)
                return false;
            var barrier = NetlinkErrorMessage.Decode(header, payload);
            if (!barrier.IsAck)
                _barrierError = barrier;
            return true;
        }
        // A batch is answered with NLMSG_ERROR only; anything else, or another number, is a late reply to
        // an earlier request on this socket.
        long index = (long)header.Sequence - _begin;
        if (header.Type != NetlinkConstants.NLMSG_ERROR || index < 0 || index > _answers.Length + 1)
            return false;
        var answer = NetlinkErrorMessage.Decode(header, payload);
        if (index == 0 || index == _answers.Length + 1)
        {
            // BATCH_BEGIN's number: the batch was refused or its commit failed. (BATCH_END is answered
            // only when it asks for an ack, on kernels from 6.10; an error there means the same.)
            if (!answer.IsAck)
                _batchError ??= answer;
        }
        else
        {
            _answers[index - 1] = answer;
            _offsets[index - 1] = NftErrorOffset.Read(header, payload);
        }
        return false;
    }

    /// <summary>
    /// Returns the generation the barrier reported (null if it reported none), or throws
    /// <see cref="NftBatchException"/> when the batch did not take effect.
    /// </summary>
    public NftGeneration? Complete(NftBatch batch)
    {
        var failures = new List<NftBatchFailure>();
        for (int i = 0; i < _answers.Length; i++)
        {
            if (_answers[i] is { IsAck: false } error)
            {
                uint sequence = _begin + 1 + (uint)i;
                failures.Add(new NftBatchFailure(i, Describe(batch.Messages[i], sequence, _offsets[i]), -error.Error, error.KernelMessage,
                    sequence, error.Request.Type));
            }
        }
        if (_batchError is { } refused)
            failures.Add(new NftBatchFailure(-1, "the batch as a whole", -refused.Error, refused.KernelMessage, _begin, refused.Request.Type));
        string batchName = $"The nf_tables batch of {batch.Count} message{(batch.Count == 1 ? "" : "s")} was not applied";
        if (failures.Count > 0)
        {
            var first = failures[0];
            string reason = first.Index >= 0
                ? $"message {first.Index + 1} ({first.Description}) failed: {NetlinkException.Describe(first.Errno)}."
                    + (failures.Count > 1 ? $" {failures.Count - 1} more failed." : "")
                : first.Errno == Tmds.Linux.LibC.ERESTART && batch.GenerationId is { } generation
                    ? $"the ruleset is no longer at generation {generation}: another change came first; read it again and retry."
                    : $"the kernel refused it as a whole: {NetlinkException.Describe(first.Errno)}.";
            throw new NftBatchException($"{batchName}: {reason}", first, failures);
        }
        int answered = _answers.Count(a => a is not null);
        if (answered < _answers.Length)
        {
            // No error but missing acks: the kernel dropped the batch unanswered (it does so for malformed
            // batches), so nothing was applied.
            var aborted = new NftBatchFailure(-1, "the batch as a whole", Tmds.Linux.LibC.EPROTO, null, _begin, NfnetlinkConstants.NFNL_MSG_BATCH_BEGIN);
            throw new NftBatchException($"{batchName}: the kernel answered {answered} of its {_answers.Length} messages and dropped it.",
                aborted, [aborted]);
        }
        return _barrierError is null ? Generation : null;
    }

    /// <summary>The message's description, narrowed to the element or expression the kernel's offset points at.</summary>
    private static string Describe(INftBatchMessage message, uint sequence, int? offset)
    {
        if (offset is not { } at)
            return message.Describe();
        // Encoding is deterministic: the same message with the same number gives the bytes that were sent.
        var writer = new NetlinkMessageWriter(1024);
        message.Encode(writer, sequence, NetlinkConstants.NLM_F_ACK);
        return message.DescribeOffset(writer.WrittenSpan, at) ?? message.Describe();
    }
}
