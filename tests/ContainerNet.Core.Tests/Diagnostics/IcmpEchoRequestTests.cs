using System.Net.Sockets;
using ContainerNet.Core.Diagnostics;
using static ContainerNet.Core.Tests.Diagnostics.IcmpFixtures;

namespace ContainerNet.Core.Tests.Diagnostics;

public class IcmpEchoRequestTests
{
    [Fact]
    public void Ipv4RequestIsByteForByteWhatPingSends()
    {
        byte[] expected = Hex(PingV4Request);
        byte[] built = IcmpEchoRequest.Build(AddressFamily.InterNetwork, 0x1055, 1, expected.AsSpan(8));
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(built));
    }

    [Fact]
    public void Ipv6RequestIsByteForByteWhatPingSendsWithTheChecksumLeftToTheKernel()
    {
        byte[] expected = Hex(PingV6Request);
        byte[] built = IcmpEchoRequest.Build(AddressFamily.InterNetworkV6, 0x105a, 1, expected.AsSpan(8));
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(built));
    }

    [Theory]
    [InlineData(AddressFamily.InterNetwork, ScriptV4Request)]
    [InlineData(AddressFamily.InterNetworkV6, ScriptV6Request)]
    public void MatchesTheCapturedScriptRequests(AddressFamily family, string hex)
    {
        byte[] built = IcmpEchoRequest.Build(family, Identifier, Sequence, Payload);
        Assert.Equal(hex.Replace(" ", ""), Convert.ToHexString(built).ToLowerInvariant());
    }

    [Fact]
    public void OddLengthPayloadStillChecksums()
    {
        byte[] built = IcmpEchoRequest.Build(AddressFamily.InterNetwork, 0xffff, 0xffff, new byte[] { 1, 2, 3 });
        Assert.Equal(11, built.Length);
        Assert.True(InternetChecksum.IsValid(built));
    }

    [Fact]
    public void RefusesOtherFamilies() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IcmpEchoRequest.Build(AddressFamily.Unix, 1, 1, []));
}
