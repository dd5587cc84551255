using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Tests.Support;

/// <summary>Encodes a request the way NetlinkConnection does and compares it with reference bytes.</summary>
internal static class Golden
{
    public static byte[] Encode(INetlinkRequest request, uint sequence)
    {
        var writer = new NetlinkMessageWriter();
        request.Encode(writer, sequence);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>Compares as hex strings so a failure shows the first differing offset.</summary>
    public static void AssertEncodes(string expectedHex, INetlinkRequest request, uint sequence) =>
        Assert.Equal(Hex.Format(Hex.Parse(expectedHex)), Hex.Format(Encode(request, sequence)));
}
