using System.Net;
using ContainerNet.Core.Addressing;
using ContainerNet.Netlink.Netfilter;

namespace ContainerNet.Core.Firewall;

/// <summary>
/// Byte layouts of set keys and map data. In a concatenation every field starts on a 4-byte register
/// boundary: an ipv4_addr takes 4 bytes, ipv6_addr 16, ifname 16, inet_proto 1 (+3 padding),
/// inet_service 2 in network order (+2 padding).
/// </summary>
internal static class FirewallKeys
{
    public const int IfNameSize = 16;

    public static byte[] Concat(params byte[][] fields)
    {
        var result = new List<byte>();
        foreach (byte[] field in fields)
        {
            result.AddRange(field);
            int padding = (4 - field.Length % 4) % 4;
            result.AddRange(new byte[padding]);
        }
        return result.ToArray();
    }

    public static byte[] Protocol(TransportProtocol protocol) => new[] { (byte)protocol };

    public static byte[] Port(int port) => new[] { (byte)(port >> 8), (byte)port };

    public static byte[] IfName(string name) => NftWire.PaddedString(name, IfNameSize);

    /// <summary>The last address of a network (all host bits set).</summary>
    public static IPAddress LastAddress(IPPrefix network)
    {
        byte[] bytes = network.Network.GetAddressBytes();
        for (int bit = network.PrefixLength; bit < bytes.Length * 8; bit++)
            bytes[bit / 8] |= (byte)(0x80 >> (bit % 8));
        return new IPAddress(bytes);
    }

    /// <summary>The address after <paramref name="address"/>, or null past the end of the family's space.</summary>
    public static byte[]? Next(IPAddress address)
    {
        byte[] bytes = address.GetAddressBytes();
        for (int i = bytes.Length - 1; i >= 0; i--)
        {
            if (++bytes[i] != 0)
                return bytes;
        }
        return null;
    }

    public static string ReadIfName(ReadOnlySpan<byte> bytes)
    {
        int end = bytes.IndexOf((byte)0);
        return System.Text.Encoding.ASCII.GetString(end < 0 ? bytes : bytes[..end]);
    }

    public static int ReadPort(ReadOnlySpan<byte> bytes) => (bytes[0] << 8) | bytes[1];
}
