using System.Net;
using static ContainerNet.Core.Diagnostics.IcmpConstants;

namespace ContainerNet.Core.Diagnostics;

/// <summary>
/// An ICMP message that answers an echo request: the echo reply itself, or an error that quotes the
/// request (then <see cref="Identifier"/> and <see cref="Sequence"/> are the quoted request's).
/// </summary>
public sealed record IcmpReply
{
    public required IcmpReplyKind Kind { get; init; }
    public byte Type { get; init; }
    public byte Code { get; init; }
    public ushort Identifier { get; init; }
    public ushort Sequence { get; init; }

    /// <summary>The echoed data of an echo reply; empty for errors.</summary>
    public byte[] Payload { get; init; } = [];

    /// <summary>Sender and receiver from the IPv4 header, when the datagram carried one (raw IPv4 sockets).</summary>
    public IPAddress? Source { get; init; }
    public IPAddress? Destination { get; init; }

    public bool IsV6 { get; init; }

    /// <summary>What an error means, in the words ping uses.</summary>
    public string Describe() => (IsV6, Kind) switch
    {
        (_, IcmpReplyKind.EchoReply) => "Echo reply",
        (_, IcmpReplyKind.PacketTooBig) => "Packet too big",
        (false, IcmpReplyKind.TimeExceeded) => Code == 1 ? "Fragment reassembly time exceeded" : "Time to live exceeded",
        (true, IcmpReplyKind.TimeExceeded) => Code == 1 ? "Fragment reassembly time exceeded" : "Hop limit exceeded",
        (false, _) => Code switch
        {
            ICMP_NET_UNREACH => "Destination network unreachable",
            ICMP_HOST_UNREACH => "Destination host unreachable",
            ICMP_PROT_UNREACH => "Destination protocol unreachable",
            ICMP_PORT_UNREACH => "Destination port unreachable",
            ICMP_FRAG_NEEDED => "Fragmentation needed",
            ICMP_NET_UNKNOWN => "Destination network unknown",
            ICMP_HOST_UNKNOWN => "Destination host unknown",
            ICMP_NET_ANO or ICMP_HOST_ANO or ICMP_PKT_FILTERED => "Communication administratively prohibited",
            _ => $"Destination unreachable (code {Code})",
        },
        (true, _) => Code switch
        {
            ICMPV6_NOROUTE => "No route to destination",
            ICMPV6_ADM_PROHIBITED => "Communication administratively prohibited",
            ICMPV6_NOT_NEIGHBOUR => "Beyond scope of source address",
            ICMPV6_ADDR_UNREACH => "Destination address unreachable",
            ICMPV6_PORT_UNREACH => "Destination port unreachable",
            ICMPV6_POLICY_FAIL => "Source address failed ingress/egress policy",
            ICMPV6_REJECT_ROUTE => "Reject route to destination",
            _ => $"Destination unreachable (code {Code})",
        },
    };
}
