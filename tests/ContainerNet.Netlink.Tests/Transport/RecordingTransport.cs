using ContainerNet.Netlink.Transport;

namespace ContainerNet.Netlink.Tests.Transport;

/// <summary>
/// A fake kernel: records every datagram sent and hands out queued replies, one datagram per Receive.
/// A responder can compute replies from what was sent (to answer with the right sequence numbers).
/// Receiving with nothing queued throws instead of blocking, so a connection that waits for a reply
/// the kernel would never send fails the test at once.
/// </summary>
internal sealed class RecordingTransport : INetlinkTransport
{
    private readonly Queue<byte[]> _replies = new();

    public RecordingTransport(Func<byte[], IEnumerable<byte[]>>? responder = null) => Responder = responder;

    public Func<byte[], IEnumerable<byte[]>>? Responder { get; }

    public List<byte[]> Sent { get; } = [];

    public int ReceiveCount { get; private set; }

    public int QueuedReplies => _replies.Count;

    public bool IsDisposed { get; private set; }

    public void Enqueue(params byte[][] datagrams)
    {
        foreach (byte[] datagram in datagrams)
            _replies.Enqueue(datagram);
    }

    public void Send(ReadOnlySpan<byte> datagram)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        byte[] copy = datagram.ToArray();
        Sent.Add(copy);
        if (Responder is not null)
            Enqueue(Responder(copy).ToArray());
    }

    public int Receive(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        ReceiveCount++;
        if (!_replies.TryDequeue(out byte[]? datagram))
            throw new InvalidOperationException("Receive called with no reply queued: the connection waits for a datagram the kernel would not send.");
        if (datagram.Length > buffer.Length)
            throw new InvalidOperationException($"A {datagram.Length}-byte reply does not fit the {buffer.Length}-byte receive buffer.");
        datagram.CopyTo(buffer);
        return datagram.Length;
    }

    public void Dispose() => IsDisposed = true;
}
