namespace ContainerNet.Netlink.Wire;

/// <summary>Bytes that do not form valid netlink messages or attributes (truncated, oversized, garbage).</summary>
public sealed class NetlinkFormatException : FormatException
{
    public NetlinkFormatException(string message) : base(message) { }
}
