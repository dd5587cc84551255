using System.Buffers.Binary;
using System.Net.Sockets;

namespace ContainerNet.Core.Diagnostics;

/// <summary>Builds ICMP (IPv4) and ICMPv6 echo requests as they go to a raw or datagram ICMP socket: no IP header.</summary>
public static class IcmpEchoRequest
{
    public static byte[] Build(AddressFamily family, ushort identifier, ushort sequence, ReadOnlySpan<byte> payload)
    {
        bool v6 = family switch
        {
            AddressFamily.InterNetwork => false,
            AddressFamily.InterNetworkV6 => true,
            _ => throw new ArgumentOutOfRangeException(nameof(family), family, "ICMP echo is for IPv4 and IPv6."),
        };
        byte[] packet = new byte[IcmpConstants.EchoHeaderLength + payload.Length];
        packet[0] = v6 ? IcmpConstants.ICMPV6_ECHO_REQUEST : IcmpConstants.ICMP_ECHO;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(4), identifier);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(6), sequence);
        payload.CopyTo(packet.AsSpan(IcmpConstants.EchoHeaderLength));
        // The ICMPv6 checksum covers a pseudo-header with both addresses, which only the kernel knows
        // for sure; it fills it in on raw and datagram ICMPv6 sockets (RFC 3542 3.1). ICMP's is ours.
        if (!v6)
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), InternetChecksum.Compute(packet));
        return packet;
    }
}
