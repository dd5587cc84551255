using System.Net;
using ContainerNet.Core.Addressing;
using ContainerNet.Core.Firewall;

namespace ContainerNet.Core.Tests.Firewall;

/// <summary>
/// Key layouts of ContainerNet's sets and maps, as `nft --debug=netlink` shows them for the same
/// elements: in a concatenation every field starts on a 4-byte register boundary.
/// </summary>
public class FirewallKeysTests
{
    [Fact]
    public void ConcatenationPadsEveryFieldToFourBytes()
    {
        // publish4 key: ipv4_addr 203.0.113.2 . inet_proto tcp . inet_service 8080
        //   cb 00 71 02 | 06 00 00 00 | 1f 90 00 00
        byte[] key = FirewallKeys.Concat(IPAddress.Parse("203.0.113.2").GetAddressBytes(),
            FirewallKeys.Protocol(TransportProtocol.Tcp), FirewallKeys.Port(8080));
        Assert.Equal(Convert.FromHexString("cb007102" + "06000000" + "1f900000"), key);
    }

    [Fact]
    public void ConcatenationOfIPv6AddressAndIfNameNeedsNoPadding()
    {
        // hairpin6 key: ipv6_addr 2001:db8:71:: (16) . ifname "cn-x" (16, NUL-padded)
        byte[] key = FirewallKeys.Concat(IPAddress.Parse("2001:db8:71::").GetAddressBytes(), FirewallKeys.IfName("cn-x"));
        Assert.Equal(32, key.Length);
        Assert.Equal(Convert.FromHexString("20010db8007100000000000000000000" + "636e2d78000000000000000000000000"), key);
    }

    [Fact]
    public void ConcatenationOfMapDataIsPaddedToo()
    {
        // publish6 data: ipv6_addr . inet_service -> 16 + 4
        byte[] data = FirewallKeys.Concat(IPAddress.Parse("2001:db8::2").GetAddressBytes(), FirewallKeys.Port(443));
        Assert.Equal(20, data.Length);
        Assert.Equal(new byte[] { 0x01, 0xbb, 0, 0 }, data[16..]);
    }

    [Fact]
    public void ConcatenationOfNothingAndOfAlignedFields()
    {
        Assert.Empty(FirewallKeys.Concat());
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, FirewallKeys.Concat(new byte[] { 1, 2, 3, 4 }, new byte[] { 5, 6, 7, 8 }));
        Assert.Equal(new byte[] { 1, 2, 3, 0, 4, 0, 0, 0 }, FirewallKeys.Concat(new byte[] { 1, 2, 3 }, new byte[] { 4 }));
    }

    [Theory]
    [InlineData(1, "0001")]
    [InlineData(80, "0050")]
    [InlineData(256, "0100")]
    [InlineData(8080, "1f90")]
    [InlineData(65535, "ffff")]
    public void PortsAreInNetworkByteOrder(int port, string hex)
    {
        byte[] bytes = FirewallKeys.Port(port);
        Assert.Equal(Convert.FromHexString(hex), bytes);
        Assert.Equal(port, FirewallKeys.ReadPort(bytes));
    }

    [Fact]
    public void ReadPortReadsTheFirstTwoBytesOfAPaddedField() =>
        Assert.Equal(8080, FirewallKeys.ReadPort(new byte[] { 0x1f, 0x90, 0xaa, 0xbb }));

    [Theory]
    [InlineData(TransportProtocol.Tcp, 6)]
    [InlineData(TransportProtocol.Udp, 17)]
    public void ProtocolIsTheIanaNumberInOneByte(TransportProtocol protocol, byte number) =>
        Assert.Equal(new[] { number }, FirewallKeys.Protocol(protocol));

    [Fact]
    public void IfNameIsNulPaddedToSixteenBytes()
    {
        byte[] name = FirewallKeys.IfName("cn-x");
        Assert.Equal(16, name.Length);
        Assert.Equal("cn-x"u8.ToArray(), name[..4]);
        Assert.All(name[4..], b => Assert.Equal(0, b));
        Assert.Equal("cn-x", FirewallKeys.ReadIfName(name));
    }

    [Fact]
    public void IfNameTakesFifteenBytesAndRefusesSixteen()
    {
        string longest = new('a', 15);
        Assert.Equal(longest, FirewallKeys.ReadIfName(FirewallKeys.IfName(longest)));
        Assert.Throws<ArgumentException>(() => FirewallKeys.IfName(new string('a', 16)));
    }

    [Fact]
    public void ReadIfNameWithoutNulTakesTheWholeField() =>
        Assert.Equal("abcd", FirewallKeys.ReadIfName("abcd"u8));

    [Theory]
    [InlineData("10.71.0.0", 16, "10.71.255.255")]
    [InlineData("10.100.7.0", 24, "10.100.7.255")]
    [InlineData("10.71.3.4", 16, "10.71.255.255")]      // host bits in the address do not matter
    [InlineData("192.0.2.7", 32, "192.0.2.7")]          // a /32 is its own last address
    [InlineData("0.0.0.0", 0, "255.255.255.255")]       // /0: every address
    [InlineData("10.0.0.0", 7, "11.255.255.255")]       // a prefix that is not on a byte boundary
    [InlineData("255.255.255.0", 24, "255.255.255.255")]
    [InlineData("2001:db8:71::", 64, "2001:db8:71:0:ffff:ffff:ffff:ffff")]
    [InlineData("2001:db8::1", 128, "2001:db8::1")]
    [InlineData("::", 0, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("2001:db8::", 33, "2001:db8:7fff:ffff:ffff:ffff:ffff:ffff")]
    public void LastAddressSetsEveryHostBit(string network, int prefixLength, string expected) =>
        Assert.Equal(IPAddress.Parse(expected), FirewallKeys.LastAddress(new IPPrefix(IPAddress.Parse(network), prefixLength)));

    [Theory]
    [InlineData("10.71.255.255", "10.72.0.0")]           // carries across bytes
    [InlineData("10.0.0.255", "10.0.1.0")]
    [InlineData("10.0.0.1", "10.0.0.2")]
    [InlineData("0.0.0.0", "0.0.0.1")]
    [InlineData("127.255.255.255", "128.0.0.0")]
    [InlineData("255.255.255.254", "255.255.255.255")]
    [InlineData("2001:db8:71:0:ffff:ffff:ffff:ffff", "2001:db8:71:1::")]
    [InlineData("::", "::1")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    public void NextIsTheFollowingAddress(string address, string expected)
    {
        byte[]? next = FirewallKeys.Next(IPAddress.Parse(address));
        Assert.NotNull(next);
        Assert.Equal(IPAddress.Parse(expected), new IPAddress(next));
    }

    [Theory]
    [InlineData("255.255.255.255")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    public void NextIsNullPastTheEndOfTheAddressSpace(string address) =>
        Assert.Null(FirewallKeys.Next(IPAddress.Parse(address)));

    [Fact]
    public void NextDoesNotChangeItsArgument()
    {
        var address = IPAddress.Parse("10.0.0.255");
        _ = FirewallKeys.Next(address);
        Assert.Equal(IPAddress.Parse("10.0.0.255"), address);
    }

    [Theory]
    [InlineData("0.0.0.0", 0)]
    [InlineData("::", 0)]
    public void TheWholeSpaceHasNoIntervalEnd(string network, int prefixLength)
    {
        // A masquerade of /0 is the one interval whose end element cannot be written (there is no
        // address after the last one): the interval is open-ended.
        var prefix = new IPPrefix(IPAddress.Parse(network), prefixLength);
        Assert.Null(FirewallKeys.Next(FirewallKeys.LastAddress(prefix)));
    }

    [Theory]
    [InlineData("10.71.0.0", 16, "10.72.0.0")]
    [InlineData("192.0.2.7", 32, "192.0.2.8")]
    [InlineData("128.0.0.0", 1, null)]
    [InlineData("2001:db8::", 64, "2001:db8:0:1::")]
    public void IntervalEndIsTheAddressAfterTheNetwork(string network, int prefixLength, string? end)
    {
        byte[]? next = FirewallKeys.Next(FirewallKeys.LastAddress(new IPPrefix(IPAddress.Parse(network), prefixLength)));
        Assert.Equal(end is null ? null : IPAddress.Parse(end), next is null ? null : new IPAddress(next));
    }
}
