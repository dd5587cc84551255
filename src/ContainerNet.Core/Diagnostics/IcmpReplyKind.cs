namespace ContainerNet.Core.Diagnostics;

/// <summary>The ICMP messages that can answer an echo request.</summary>
public enum IcmpReplyKind
{
    EchoReply,
    DestinationUnreachable,
    TimeExceeded,
    PacketTooBig,
}
