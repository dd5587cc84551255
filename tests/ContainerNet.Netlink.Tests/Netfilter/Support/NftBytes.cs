using System.Buffers.Binary;

namespace ContainerNet.Netlink.Tests.Netfilter.Support;

/// <summary>Key and data bytes as nft lays them out: each field of a concatenation in whole 4-byte registers.</summary>
internal static class NftBytes
{
    public static byte[] IPv4(byte a, byte b, byte c, byte d) => [a, b, c, d];

    /// <summary>inet_proto in a register: the protocol number, 3 bytes of padding.</summary>
    public static byte[] Protocol(byte protocol) => [protocol, 0, 0, 0];

    /// <summary>inet_service in a register: the port big endian, 2 bytes of padding.</summary>
    public static byte[] Port(ushort port)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, port);
        return bytes;
    }

    /// <summary>A port as cmp compares it: 2 bytes, big endian.</summary>
    public static byte[] Port16(ushort port)
    {
        byte[] bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, port);
        return bytes;
    }

    public static byte[] Concat(params byte[][] fields) => fields.SelectMany(f => f).ToArray();
}
