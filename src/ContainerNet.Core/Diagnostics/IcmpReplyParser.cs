using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using static ContainerNet.Core.Diagnostics.IcmpConstants;

namespace ContainerNet.Core.Diagnostics;

/// <summary>
/// Reads what an ICMP socket receives. A raw IPv4 socket gets the IP header first; raw ICMPv6 and
/// datagram (ping) sockets get the ICMP message alone. Anything that is not an echo reply, or an error
/// quoting one of our echo requests, is refused (false), never an exception: a raw socket sees every
/// ICMP packet of its namespace, including other programs' and garbage.
/// </summary>
public static class IcmpReplyParser
{
    private const int Ipv4MinHeaderLength = 20;
    private const int Ipv6HeaderLength = 40;
    private const byte ProtocolIcmp = 1;
    private const byte NextHeaderIcmpV6 = 58;

    public static bool TryParse(ReadOnlySpan<byte> datagram, AddressFamily family, bool withIpHeader, out IcmpReply? reply)
    {
        reply = null;
        bool v6 = family == AddressFamily.InterNetworkV6;
        if (!v6 && family != AddressFamily.InterNetwork)
            return false;

        IPAddress? source = null, destination = null;
        ReadOnlySpan<byte> icmp = datagram;
        if (withIpHeader && !v6)
        {
            if (!TrySkipIpv4Header(datagram, out int headerLength))
                return false;
            source = new IPAddress(datagram.Slice(12, 4));
            destination = new IPAddress(datagram.Slice(16, 4));
            icmp = datagram[headerLength..];
        }
        if (icmp.Length < EchoHeaderLength)
            return false;
        // The kernel checks ICMP checksums only after raw sockets got their copy. ICMPv6's needs the
        // pseudo-header (both addresses): the kernel checked it before delivering to ICMPv6 sockets.
        if (!v6 && !InternetChecksum.IsValid(icmp))
            return false;

        byte type = icmp[0], code = icmp[1];
        if (type == (v6 ? ICMPV6_ECHO_REPLY : ICMP_ECHOREPLY))
        {
            reply = new IcmpReply
            {
                Kind = IcmpReplyKind.EchoReply,
                Type = type,
                Code = code,
                Identifier = BinaryPrimitives.ReadUInt16BigEndian(icmp[4..]),
                Sequence = BinaryPrimitives.ReadUInt16BigEndian(icmp[6..]),
                Payload = icmp[EchoHeaderLength..].ToArray(),
                Source = source,
                Destination = destination,
                IsV6 = v6,
            };
            return true;
        }
        IcmpReplyKind? kind = (v6, type) switch
        {
            (true, ICMPV6_DEST_UNREACH) or (false, ICMP_DEST_UNREACH) => IcmpReplyKind.DestinationUnreachable,
            (true, ICMPV6_TIME_EXCEED) or (false, ICMP_TIME_EXCEEDED) => IcmpReplyKind.TimeExceeded,
            (true, ICMPV6_PKT_TOOBIG) => IcmpReplyKind.PacketTooBig,
            _ => null,
        };
        if (kind is null)
            return false;

        // An error quotes the offending packet after its own 8 bytes: its IP header and at least the
        // first 8 bytes of its payload (RFC 792; RFC 4443 as much as fits), here our echo request.
        ReadOnlySpan<byte> quoted = icmp[EchoHeaderLength..];
        if (!TryReadQuotedEchoRequest(quoted, v6, out ushort identifier, out ushort sequence))
            return false;
        reply = new IcmpReply
        {
            Kind = kind.Value,
            Type = type,
            Code = code,
            Identifier = identifier,
            Sequence = sequence,
            Source = source,
            Destination = destination,
            IsV6 = v6,
        };
        return true;
    }

    private static bool TrySkipIpv4Header(ReadOnlySpan<byte> datagram, out int headerLength)
    {
        headerLength = 0;
        if (datagram.Length < Ipv4MinHeaderLength || datagram[0] >> 4 != 4)
            return false;
        headerLength = (datagram[0] & 0x0f) * 4;
        return headerLength >= Ipv4MinHeaderLength && datagram.Length >= headerLength && datagram[9] == ProtocolIcmp;
    }

    private static bool TryReadQuotedEchoRequest(ReadOnlySpan<byte> quoted, bool v6, out ushort identifier, out ushort sequence)
    {
        identifier = sequence = 0;
        ReadOnlySpan<byte> request;
        if (v6)
        {
            // No extension headers: ours carry none.
            if (quoted.Length < Ipv6HeaderLength + EchoHeaderLength || quoted[0] >> 4 != 6 || quoted[6] != NextHeaderIcmpV6)
                return false;
            request = quoted[Ipv6HeaderLength..];
            if (request[0] != ICMPV6_ECHO_REQUEST)
                return false;
        }
        else
        {
            if (!TrySkipIpv4Header(quoted, out int headerLength) || quoted.Length < headerLength + EchoHeaderLength)
                return false;
            request = quoted[headerLength..];
            if (request[0] != ICMP_ECHO)
                return false;
        }
        identifier = BinaryPrimitives.ReadUInt16BigEndian(request[4..]);
        sequence = BinaryPrimitives.ReadUInt16BigEndian(request[6..]);
        return true;
    }
}
