using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Transport;

/// <summary>Receives one reply message of a query or dump; the payload is valid only during the call.</summary>
public delegate void NetlinkMessageHandler(in NetlinkMessageHeader header, ReadOnlySpan<byte> payload);
