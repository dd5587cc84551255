using System.Globalization;
using System.Security.Cryptography;
using ContainerNet.Core.Errors;

namespace ContainerNet.Core.Links;

/// <summary>48-bit Ethernet addresses: parsing, formatting, and random locally administered unicast ones.</summary>
public static class MacAddress
{
    public static bool TryParse(string? text, out byte[] bytes)
    {
        bytes = Array.Empty<byte>();
        if (string.IsNullOrWhiteSpace(text))
            return false;
        string[] parts = text.Split(':', '-');
        if (parts.Length != 6)
            return false;
        var result = new byte[6];
        for (int i = 0; i < 6; i++)
        {
            if (parts[i].Length is < 1 or > 2 || !byte.TryParse(parts[i], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out result[i]))
                return false;
        }
        bytes = result;
        return true;
    }

    public static byte[] Parse(string text, string role = "MAC address")
    {
        if (!TryParse(text, out byte[] bytes))
            throw new ContainerNetException("InvalidMacAddress", ErrorKind.InvalidArgument, text,
                $"'{text}' is not a valid {role}. Use six hex bytes separated by ':', e.g. 02:42:ac:11:00:02.");
        if (bytes.All(b => b == 0))
            throw new ContainerNetException("InvalidMacAddress", ErrorKind.InvalidArgument, text,
                $"'{text}' is the all-zero address, which the kernel refuses for an interface. Use a unicast address, e.g. 02:42:ac:11:00:02.");
        if ((bytes[0] & 1) != 0)
            throw new ContainerNetException("InvalidMacAddress", ErrorKind.InvalidArgument, text,
                $"'{text}' is a multicast address and cannot be given to an interface. Use a unicast address (even first byte), e.g. 02:42:ac:11:00:02.");
        return bytes;
    }

    public static string Format(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 0 ? "" : string.Join(":", bytes.ToArray().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    /// <summary>A random unicast address with the locally administered bit set, as the kernel's eth_random_addr.</summary>
    public static byte[] NewRandom()
    {
        byte[] bytes = RandomNumberGenerator.GetBytes(6);
        bytes[0] = (byte)((bytes[0] & 0xfe) | 0x02);
        return bytes;
    }
}
