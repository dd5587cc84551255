namespace ContainerNet.Core.Diagnostics;

/// <summary>ICMP and ICMPv6 numbers, named and valued as in linux/icmp.h and linux/icmpv6.h.</summary>
public static class IcmpConstants
{
    // linux/icmp.h: types
    public const byte ICMP_ECHOREPLY = 0;
    public const byte ICMP_DEST_UNREACH = 3;
    public const byte ICMP_ECHO = 8;
    public const byte ICMP_TIME_EXCEEDED = 11;

    // linux/icmp.h: codes for ICMP_DEST_UNREACH
    public const byte ICMP_NET_UNREACH = 0;
    public const byte ICMP_HOST_UNREACH = 1;
    public const byte ICMP_PROT_UNREACH = 2;
    public const byte ICMP_PORT_UNREACH = 3;
    public const byte ICMP_FRAG_NEEDED = 4;
    public const byte ICMP_NET_UNKNOWN = 6;
    public const byte ICMP_HOST_UNKNOWN = 7;
    public const byte ICMP_NET_ANO = 9;
    public const byte ICMP_HOST_ANO = 10;
    public const byte ICMP_PKT_FILTERED = 13;

    // linux/icmp.h: socket option at level SOL_RAW; a set bit blocks that type (types 0-31).
    public const int ICMP_FILTER = 1;

    // linux/icmpv6.h: types
    public const byte ICMPV6_DEST_UNREACH = 1;
    public const byte ICMPV6_PKT_TOOBIG = 2;
    public const byte ICMPV6_TIME_EXCEED = 3;
    public const byte ICMPV6_ECHO_REQUEST = 128;
    public const byte ICMPV6_ECHO_REPLY = 129;

    // linux/icmpv6.h: codes for ICMPV6_DEST_UNREACH
    public const byte ICMPV6_NOROUTE = 0;
    public const byte ICMPV6_ADM_PROHIBITED = 1;
    public const byte ICMPV6_NOT_NEIGHBOUR = 2;
    public const byte ICMPV6_ADDR_UNREACH = 3;
    public const byte ICMPV6_PORT_UNREACH = 4;
    public const byte ICMPV6_POLICY_FAIL = 5;
    public const byte ICMPV6_REJECT_ROUTE = 6;

    // linux/icmpv6.h: socket option at level IPPROTO_ICMPV6; struct icmp6_filter is 8 u32, a set bit blocks that type.
    public const int ICMPV6_FILTER = 1;

    // bits/socket.h
    public const int SOL_RAW = 255;

    /// <summary>The ICMP echo header: type, code, checksum, identifier, sequence (RFC 792, RFC 4443).</summary>
    public const int EchoHeaderLength = 8;
}
