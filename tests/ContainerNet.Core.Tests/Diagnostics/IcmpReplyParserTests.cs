using System.Net;
using System.Net.Sockets;
using ContainerNet.Core.Diagnostics;
using static ContainerNet.Core.Tests.Diagnostics.IcmpFixtures;

namespace ContainerNet.Core.Tests.Diagnostics;

public class IcmpReplyParserTests
{
    private static IcmpReply Parse(string hex, AddressFamily family, bool withIpHeader)
    {
        Assert.True(IcmpReplyParser.TryParse(Hex(hex), family, withIpHeader, out IcmpReply? reply));
        return reply!;
    }

    [Fact]
    public void ReadsPingsOwnReplyBehindTheIpv4Header()
    {
        IcmpReply reply = Parse(PingV4Reply, AddressFamily.InterNetwork, withIpHeader: true);
        Assert.Equal(IcmpReplyKind.EchoReply, reply.Kind);
        Assert.Equal(0x1055, reply.Identifier);
        Assert.Equal(1, reply.Sequence);
        Assert.Equal(Hex(PingV4Request)[8..], reply.Payload);
        Assert.Equal(IPAddress.Loopback, reply.Source);
    }

    [Fact]
    public void ReadsARawIpv4EchoReplyWithBothAddresses()
    {
        IcmpReply reply = Parse(RawV4EchoReply, AddressFamily.InterNetwork, withIpHeader: true);
        Assert.Equal(IcmpReplyKind.EchoReply, reply.Kind);
        Assert.Equal(Identifier, reply.Identifier);
        Assert.Equal(Sequence, reply.Sequence);
        Assert.Equal(Payload, reply.Payload);
        Assert.Equal(IPAddress.Parse("10.99.2.254"), reply.Source);
        Assert.Equal(IPAddress.Parse("10.99.2.1"), reply.Destination); // our source address
    }

    [Fact]
    public void ReadsARawIcmpv6EchoReply()
    {
        IcmpReply reply = Parse(RawV6EchoReply, AddressFamily.InterNetworkV6, withIpHeader: true);
        Assert.Equal(IcmpReplyKind.EchoReply, reply.Kind);
        Assert.Equal(Identifier, reply.Identifier);
        Assert.Equal(Sequence, reply.Sequence);
        Assert.Equal(Payload, reply.Payload);
        Assert.Null(reply.Source); // IPv6 raw sockets get no IP header: the sender comes from recvfrom
    }

    [Theory]
    [InlineData(DatagramV4EchoReply, AddressFamily.InterNetwork, 0x14fb)]
    [InlineData(DatagramV6EchoReply, AddressFamily.InterNetworkV6, 0x14fc)]
    public void ReadsDatagramSocketRepliesWithTheKernelsIdentifier(string hex, AddressFamily family, int identifier)
    {
        IcmpReply reply = Parse(hex, family, withIpHeader: false);
        Assert.Equal(IcmpReplyKind.EchoReply, reply.Kind);
        Assert.Equal(identifier, reply.Identifier);
        Assert.Equal(Sequence, reply.Sequence);
        Assert.Equal(Payload, reply.Payload);
    }

    [Theory]
    [InlineData(RawV4NetUnreachable, AddressFamily.InterNetwork, IcmpReplyKind.DestinationUnreachable, "Destination network unreachable")]
    [InlineData(RawV4TimeExceeded, AddressFamily.InterNetwork, IcmpReplyKind.TimeExceeded, "Time to live exceeded")]
    [InlineData(RawV6NoRoute, AddressFamily.InterNetworkV6, IcmpReplyKind.DestinationUnreachable, "No route to destination")]
    [InlineData(RawV6HopLimitExceeded, AddressFamily.InterNetworkV6, IcmpReplyKind.TimeExceeded, "Hop limit exceeded")]
    public void ReadsRouterErrorsAndTheRequestTheyQuote(string hex, AddressFamily family, IcmpReplyKind kind, string text)
    {
        IcmpReply reply = Parse(hex, family, withIpHeader: true);
        Assert.Equal(kind, reply.Kind);
        Assert.Equal(Identifier, reply.Identifier);
        Assert.Equal(Sequence, reply.Sequence);
        Assert.Empty(reply.Payload);
        Assert.Equal(text, reply.Describe());
        if (family == AddressFamily.InterNetwork)
            Assert.Equal(IPAddress.Parse("10.99.2.254"), reply.Source);
    }

    [Theory]
    [InlineData(RawV6NeighbourAdvertisement, AddressFamily.InterNetworkV6, false)]
    [InlineData(RawV6NeighbourSolicitation, AddressFamily.InterNetworkV6, false)]
    [InlineData(ScriptV6Request, AddressFamily.InterNetworkV6, false)]  // an echo request (someone pinging us)
    [InlineData(ScriptV4Request, AddressFamily.InterNetwork, false)]
    [InlineData(RawV6EchoReply, AddressFamily.InterNetwork, false)]     // not behind an IPv4 header
    [InlineData(RawV4EchoReply, AddressFamily.Unix, true)]
    public void RefusesWhatDoesNotAnswerAnEcho(string hex, AddressFamily family, bool withIpHeader) =>
        Assert.False(IcmpReplyParser.TryParse(Hex(hex), family, withIpHeader, out _));

    [Fact]
    public void RefusesAnIpv4ReplyWithABadChecksum()
    {
        byte[] packet = Hex(RawV4EchoReply);
        packet[^1] ^= 0x01;
        Assert.False(IcmpReplyParser.TryParse(packet, AddressFamily.InterNetwork, withIpHeader: true, out _));
    }

    [Fact]
    public void RefusesAnIpv4HeaderOfAnotherProtocol()
    {
        byte[] packet = Hex(RawV4EchoReply);
        packet[9] = 6; // TCP
        Assert.False(IcmpReplyParser.TryParse(packet, AddressFamily.InterNetwork, withIpHeader: true, out _));
    }

    [Fact]
    public void SkipsIpv4Options()
    {
        // The same reply behind a 24-byte header (IHL 6: one 4-byte option of NOPs).
        byte[] original = Hex(RawV4EchoReply);
        byte[] packet = [.. original[..20], 1, 1, 1, 1, .. original[20..]];
        packet[0] = 0x46;
        Assert.True(IcmpReplyParser.TryParse(packet, AddressFamily.InterNetwork, withIpHeader: true, out IcmpReply? reply));
        Assert.Equal(Payload, reply!.Payload);
    }

    [Fact]
    public void RefusesAnErrorThatQuotesSomethingOtherThanAnEchoRequest()
    {
        byte[] packet = Hex(RawV4NetUnreachable);
        int quotedIcmp = 20 + 8 + 20;
        packet[quotedIcmp] = 17; // not ICMP_ECHO
        // keep the outer checksum right, so only the quote is wrong
        packet[22] = packet[23] = 0;
        ushort sum = InternetChecksum.Compute(packet.AsSpan(20));
        packet[22] = (byte)(sum >> 8);
        packet[23] = (byte)sum;
        Assert.False(IcmpReplyParser.TryParse(packet, AddressFamily.InterNetwork, withIpHeader: true, out _));
    }

    public static TheoryData<string, AddressFamily, bool> AllFixtures => new()
    {
        { PingV4Reply, AddressFamily.InterNetwork, true },
        { RawV4EchoReply, AddressFamily.InterNetwork, true },
        { RawV4NetUnreachable, AddressFamily.InterNetwork, true },
        { RawV4TimeExceeded, AddressFamily.InterNetwork, true },
        { RawV6EchoReply, AddressFamily.InterNetworkV6, false },
        { RawV6NoRoute, AddressFamily.InterNetworkV6, false },
        { RawV6HopLimitExceeded, AddressFamily.InterNetworkV6, false },
        { DatagramV4EchoReply, AddressFamily.InterNetwork, false },
        { DatagramV6EchoReply, AddressFamily.InterNetworkV6, false },
    };

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void RefusesEveryTruncationWithoutThrowing(string hex, AddressFamily family, bool withIpHeader)
    {
        byte[] packet = Hex(hex);
        Assert.True(IcmpReplyParser.TryParse(packet, family, withIpHeader, out _));
        for (int length = 0; length < packet.Length; length++)
        {
            // A shorter echo reply is still a (shorter) reply; it must never throw, and whatever is
            // read must lie within the bytes given.
            if (IcmpReplyParser.TryParse(packet.AsSpan(0, length), family, withIpHeader, out IcmpReply? reply))
                Assert.True(reply!.Payload.Length <= length);
        }
    }

    [Fact]
    public void SurvivesRandomBytes()
    {
        var random = new Random(4);
        foreach (AddressFamily family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
        foreach (bool withIpHeader in new[] { true, false })
            for (int i = 0; i < 20000; i++)
            {
                byte[] packet = new byte[random.Next(0, 128)];
                random.NextBytes(packet);
                if (packet.Length > 0 && random.Next(2) == 0)
                    packet[0] = (byte)(random.Next(2) == 0 ? 0x45 : 0x81); // reach deeper paths more often
                IcmpReplyParser.TryParse(packet, family, withIpHeader, out _);
            }
    }
}
