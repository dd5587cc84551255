using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Errors;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Transport;

/// <summary>
/// Request/reply on one netlink transport: sequence numbers, acks matched by sequence, pipelined
/// batches (many requests in one send, then all acks), and dumps with NLM_F_DUMP_INTR retry.
/// Not re-entrant: one operation at a time (guarded by a lock).
/// </summary>
public sealed class NetlinkConnection : IDisposable
{
    /// <summary>Requests sent before reading their acks; bounded so acks never overflow the receive buffer.</summary>
    public const int PipelineWindow = 128;

    private const int MaxDumpAttempts = 5;

    private readonly INetlinkTransport _transport;
    // Dumps can carry messages up to 64 KiB; the buffer is rented per operation, not held per
    // connection: one connection per namespace would otherwise pin 256 KiB each (the large object heap).
    private const int ReceiveBufferSize = 256 * 1024;

    private readonly NetlinkMessageWriter _writer = new(1024);
    private readonly object _gate = new();
    private uint _lastSequence;

    public NetlinkConnection(INetlinkTransport transport, uint firstSequence = 1)
    {
        _transport = transport;
        _lastSequence = firstSequence - 1;
    }

    /// <summary>Sends one request that asks for an ack (NLM_F_ACK); throws the kernel's error.</summary>
    public void Execute(INetlinkRequest request)
    {
        NetlinkException?[] errors = ExecuteAll(new[] { request });
        if (errors[0] is { } error)
            throw error;
    }

    /// <summary>
    /// Sends all requests pipelined and returns, per request, the kernel's error or null. The kernel
    /// handles each message of a datagram in order and acks each one, so one failure does not stop
    /// the others: callers decide what to undo.
    /// </summary>
    public NetlinkException?[] ExecuteAll(IReadOnlyList<INetlinkRequest> requests)
    {
        var results = new NetlinkException?[requests.Count];
        lock (_gate)
        {
            byte[] receiveBuffer = System.Buffers.ArrayPool<byte>.Shared.Rent(ReceiveBufferSize);
            try
            {
                for (int offset = 0; offset < requests.Count; offset += PipelineWindow)
                    SendWindow(requests, offset, Math.Min(PipelineWindow, requests.Count - offset), results, receiveBuffer);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(receiveBuffer);
            }
        }
        return results;
    }

    private void SendWindow(IReadOnlyList<INetlinkRequest> requests, int offset, int count,
        NetlinkException?[] results, byte[] receiveBuffer)
    {
        // Acks are matched by their distance from the window's first sequence number, so a
        // window must not span the wrap, where NextSequence skips 0: start it again at 1.
        if (_lastSequence > uint.MaxValue - (uint)count)
            _lastSequence = 0;
        uint firstSequence = _lastSequence + 1;
        _writer.Reset();
        var types = new ushort[count];
        for (int i = 0; i < count; i++)
        {
            int start = _writer.Length;
            requests[offset + i].Encode(_writer, NextSequence());
            types[i] = NetlinkMessageHeader.Read(_writer.WrittenSpan[start..]).Type;
        }
        _transport.Send(_writer.WrittenSpan);
        ReceiveAcks(firstSequence, types, results.AsSpan(offset, count), receiveBuffer);
    }

    /// <summary>
    /// Sends one GET request (single object or NLM_F_DUMP) and passes every reply message to the
    /// handler. Returns false when the kernel flagged the dump as interrupted (NLM_F_DUMP_INTR):
    /// the data changed while it was read and the caller should start again.
    /// </summary>
    public bool Query(INetlinkRequest request, NetlinkMessageHandler handler)
    {
        lock (_gate)
        {
            _writer.Reset();
            uint sequence = NextSequence();
            request.Encode(_writer, sequence);
            var sent = NetlinkMessageHeader.Read(_writer.WrittenSpan);
            bool isDump = (sent.Flags & NetlinkConstants.NLM_F_DUMP) != 0;
            bool wantsAck = sent.HasFlag(NetlinkConstants.NLM_F_ACK);
            _transport.Send(_writer.WrittenSpan);

            byte[] receiveBuffer = System.Buffers.ArrayPool<byte>.Shared.Rent(ReceiveBufferSize);
            try
            {
                return ReceiveReplies(sequence, sent.Type, isDump, wantsAck, handler, receiveBuffer);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(receiveBuffer);
            }
        }
    }

    private bool ReceiveReplies(uint sequence, ushort requestType, bool isDump, bool wantsAck,
        NetlinkMessageHandler handler, byte[] receiveBuffer)
    {
        bool interrupted = false;
        while (true)
        {
            int length = _transport.Receive(receiveBuffer);
            var reader = new NetlinkMessageReader(receiveBuffer.AsSpan(0, length));
            while (reader.TryRead(out NetlinkMessageHeader header, out ReadOnlySpan<byte> payload))
            {
                if (header.Sequence != sequence)
                    continue; // a late reply to an earlier, abandoned request
                if (header.HasFlag(NetlinkConstants.NLM_F_DUMP_INTR))
                    interrupted = true;
                switch (header.Type)
                {
                    case NetlinkConstants.NLMSG_ERROR:
                        var error = NetlinkErrorMessage.Decode(header, payload);
                        if (!error.IsAck)
                            throw ToException(error, requestType, sequence);
                        return !interrupted;
                    case NetlinkConstants.NLMSG_DONE:
                        var done = NetlinkErrorMessage.DecodeDone(header, payload);
                        if (done.Error < 0)
                            throw ToException(done, requestType, sequence);
                        return !interrupted;
                    case NetlinkConstants.NLMSG_NOOP:
                        continue;
                    case NetlinkConstants.NLMSG_OVERRUN:
                        throw new NetlinkException(Tmds.Linux.LibC.ENOBUFS, "The kernel reported a netlink overrun: replies were lost.");
                    default:
                        handler(header, payload);
                        if (!isDump && !wantsAck)
                            return !interrupted;
                        break;
                }
            }
        }
    }

    /// <summary>Writes one datagram's messages, numbering them from <paramref name="firstSequence"/>.</summary>
    public delegate void DatagramEncoder(NetlinkMessageWriter writer, uint firstSequence);

    /// <summary>Receives one reply message of an exchange; returns true when the exchange is complete.</summary>
    public delegate bool ExchangeHandler(in NetlinkMessageHeader header, ReadOnlySpan<byte> payload);

    /// <summary>
    /// For protocols that do not answer one ack per request (nfnetlink batches): reserves
    /// <paramref name="sequenceCount"/> consecutive sequence numbers (never across the wrap) and hands the
    /// first to every encoder, sends each encoder's datagram in order (one send each), then passes every
    /// reply message to the handler until it returns true. The handler sees replies to other sequence
    /// numbers too (late ones of abandoned requests) and must skip them; NLMSG_OVERRUN throws.
    /// </summary>
    public void Exchange(int sequenceCount, IReadOnlyList<DatagramEncoder> datagrams, ExchangeHandler handler)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequenceCount);
        lock (_gate)
        {
            if (_lastSequence > uint.MaxValue - (uint)sequenceCount)
                _lastSequence = 0;
            uint firstSequence = _lastSequence + 1;
            _lastSequence += (uint)sequenceCount;
            foreach (var encode in datagrams)
            {
                _writer.Reset();
                encode(_writer, firstSequence);
                _transport.Send(_writer.WrittenSpan);
            }
            byte[] receiveBuffer = System.Buffers.ArrayPool<byte>.Shared.Rent(ReceiveBufferSize);
            try
            {
                while (true)
                {
                    int length = _transport.Receive(receiveBuffer);
                    var reader = new NetlinkMessageReader(receiveBuffer.AsSpan(0, length));
                    while (reader.TryRead(out NetlinkMessageHeader header, out ReadOnlySpan<byte> payload))
                    {
                        if (header.Type == NetlinkConstants.NLMSG_OVERRUN)
                            throw new NetlinkException(Tmds.Linux.LibC.ENOBUFS, "The kernel reported a netlink overrun: replies were lost.");
                        if (handler(header, payload))
                            return;
                    }
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(receiveBuffer);
            }
        }
    }

    /// <summary>Runs a query, decoding each reply, and restarts an interrupted dump a few times.</summary>
    public List<T> QueryAll<T>(INetlinkRequest request, NetlinkDecoder<T> decode)
    {
        var items = new List<T>();
        for (int attempt = 1; ; attempt++)
        {
            items.Clear();
            bool complete = Query(request, (in NetlinkMessageHeader header, ReadOnlySpan<byte> payload) =>
            {
                if (decode(header, payload) is { } item)
                    items.Add(item);
            });
            if (complete || attempt == MaxDumpAttempts)
                return items;
        }
    }

    public void Dispose() => _transport.Dispose();

    private uint NextSequence()
    {
        _lastSequence++;
        if (_lastSequence == 0)
            _lastSequence = 1;
        return _lastSequence;
    }

    private void ReceiveAcks(uint firstSequence, ushort[] types, Span<NetlinkException?> results, byte[] receiveBuffer)
    {
        int outstanding = types.Length;
        var answered = new bool[types.Length];
        while (outstanding > 0)
        {
            int length = _transport.Receive(receiveBuffer);
            var reader = new NetlinkMessageReader(receiveBuffer.AsSpan(0, length));
            while (reader.TryRead(out NetlinkMessageHeader header, out ReadOnlySpan<byte> payload))
            {
                if (header.Type != NetlinkConstants.NLMSG_ERROR)
                    continue;
                long index = (long)header.Sequence - firstSequence;
                if (index < 0 || index >= types.Length || answered[index])
                    continue;
                answered[index] = true;
                outstanding--;
                var error = NetlinkErrorMessage.Decode(header, payload);
                if (!error.IsAck)
                    results[(int)index] = ToException(error, types[index], header.Sequence);
            }
        }
    }

    private static NetlinkException ToException(NetlinkErrorMessage error, ushort requestType, uint sequence)
    {
        int errno = -error.Error;
        return new NetlinkException(errno, $"Netlink request type {requestType} failed: {NetlinkException.Describe(errno)}.",
            error.KernelMessage, requestType, sequence);
    }
}
