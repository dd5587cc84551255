namespace ContainerNet.Netlink.Tests.Support;

/// <summary>Hex literals as written in the tests: any whitespace between digits is layout, not data.</summary>
internal static class Hex
{
    public static byte[] Parse(string hex)
    {
        var digits = new System.Text.StringBuilder(hex.Length);
        foreach (char c in hex)
        {
            if (!char.IsWhiteSpace(c))
                digits.Append(c);
        }
        return Convert.FromHexString(digits.ToString());
    }

    public static string Format(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
