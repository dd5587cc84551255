using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Transport;

/// <summary>Turns one reply message into an object, or null to skip it.</summary>
public delegate T? NetlinkDecoder<T>(in NetlinkMessageHeader header, ReadOnlySpan<byte> payload);
