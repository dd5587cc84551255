namespace ContainerNet.Netlink.Transport;

/// <summary>
/// Datagram transport to the kernel. The real one is <see cref="NetlinkSocket"/>; tests swap in a
/// recording fake that returns canned kernel replies.
/// </summary>
public interface INetlinkTransport : IDisposable
{
    /// <summary>Sends one datagram holding one or more netlink messages.</summary>
    void Send(ReadOnlySpan<byte> datagram);

    /// <summary>Receives one datagram into <paramref name="buffer"/> and returns its length.</summary>
    int Receive(Span<byte> buffer);
}
