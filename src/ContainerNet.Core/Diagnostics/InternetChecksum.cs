using System.Buffers.Binary;

namespace ContainerNet.Core.Diagnostics;

/// <summary>
/// The RFC 1071 checksum of ICMP (and IPv4 headers): the one's complement of the one's complement sum
/// of the data as big-endian 16-bit words, an odd last byte padded with a zero.
/// </summary>
public static class InternetChecksum
{
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        // 32 bits hold the carries of any IP datagram (at most 32768 words of at most 0xffff).
        uint sum = 0;
        int i = 0;
        for (; i + 1 < data.Length; i += 2)
            sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        if (i < data.Length)
            sum += (uint)data[i] << 8;
        while (sum >> 16 != 0)
            sum = (sum & 0xffff) + (sum >> 16);
        return (ushort)~sum;
    }

    /// <summary>Data that carries its own checksum sums to zero.</summary>
    public static bool IsValid(ReadOnlySpan<byte> data) => Compute(data) == 0;
}
