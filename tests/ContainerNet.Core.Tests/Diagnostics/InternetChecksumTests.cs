using ContainerNet.Core.Diagnostics;
using static ContainerNet.Core.Tests.Diagnostics.IcmpFixtures;

namespace ContainerNet.Core.Tests.Diagnostics;

public class InternetChecksumTests
{
    [Fact]
    public void MatchesTheWorkedExampleOfRfc1071()
    {
        // RFC 1071 section 3: the words 0001 f203 f4f5 f6f7 sum to ddf2 (with the carry folded in).
        Assert.Equal(0x220d, InternetChecksum.Compute(Hex("0001 f203 f4f5 f6f7")));
    }

    [Fact]
    public void PadsAnOddLastByteWithZero()
    {
        Assert.Equal(InternetChecksum.Compute(Hex("0001 f203 f4f5 f600")), InternetChecksum.Compute(Hex("0001 f203 f4f5 f6")));
    }

    [Fact]
    public void OfNothingIsAllOnes() => Assert.Equal(0xffff, InternetChecksum.Compute([]));

    [Theory]
    [InlineData(PingV4Request)]
    [InlineData(ScriptV4Request)]
    [InlineData(DatagramV4EchoReply)]
    public void RealIcmpMessagesCarryingTheirChecksumSumToZero(string hex) => Assert.True(InternetChecksum.IsValid(Hex(hex)));

    [Fact]
    public void RealIpv4HeaderIsValid() => Assert.True(InternetChecksum.IsValid(Hex(RawV4EchoReply)[..20]));

    [Fact]
    public void AnyFlippedBitIsDetected()
    {
        byte[] packet = Hex(PingV4Request);
        for (int bit = 0; bit < packet.Length * 8; bit++)
        {
            packet[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(InternetChecksum.IsValid(packet), $"bit {bit}");
            packet[bit / 8] ^= (byte)(1 << (bit % 8));
        }
    }

    [Fact]
    public void HoldsTheLargestDatagramWithoutOverflow()
    {
        byte[] data = Enumerable.Repeat((byte)0xff, 65534).ToArray();
        Assert.Equal(0, InternetChecksum.Compute(data)); // all-ones words sum to all ones: complement 0
    }
}
