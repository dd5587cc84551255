using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Tests.Support;

/// <summary>
/// Kernel replies captured by Fixtures/capture.sh, one datagram per .hex file: '#' lines say what was
/// captured and how, the rest is the datagram in hex.
/// </summary>
internal static class Fixture
{
    public static byte[] Load(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
        var hex = new System.Text.StringBuilder();
        int? declaredLength = null;
        foreach (string line in File.ReadLines(path))
        {
            if (!line.StartsWith('#'))
                hex.Append(line);
            else if (line.EndsWith(" bytes") && int.TryParse(line[1..^6], out int length))
                declaredLength = length;
        }
        byte[] bytes = Hex.Parse(hex.ToString());
        if (declaredLength is { } declared && declared != bytes.Length)
            throw new InvalidDataException($"{name} declares {declared} bytes but holds {bytes.Length}.");
        return bytes;
    }

    /// <summary>The payload (after nlmsghdr, up to nlmsg_len) of the fixture's first message.</summary>
    public static byte[] FirstPayload(string name)
    {
        byte[] datagram = Load(name);
        return datagram[NetlinkMessageHeader.Size..(int)NetlinkMessageHeader.Read(datagram).Length];
    }

    public static IEnumerable<string> All() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.hex")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal);
}
