using ContainerNet.Netlink.Transport;

namespace ContainerNet.Core.Tests.Support;

/// <summary>A transport that must not be used: counts sends and fails receives, proving validation stops early.</summary>
internal sealed class CountingTransport : INetlinkTransport
{
    public int Sends { get; private set; }

    public void Send(ReadOnlySpan<byte> datagram) => Sends++;

    public int Receive(Span<byte> buffer) => throw new InvalidOperationException("No reply expected in this test.");

    public void Dispose() { }
}
