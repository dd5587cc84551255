using System.Net;
using ContainerNet.Core.Addressing;
using ContainerNet.Core.Errors;
using ContainerNet.Core.Ipam;

namespace ContainerNet.Core.Tests.Ipam;

public class AddressAllocatorTests
{
    private static IPPrefix P(string text) => IPPrefix.Parse(text);
    private static IPAddress A(string text) => IPAddress.Parse(text);
    private static readonly IPAddress[] None = Array.Empty<IPAddress>();

    [Fact]
    public void GatewayDefaultsToTheFirstHostAndTheFirstEndpointGetsTheNext()
    {
        var allocator = new AddressAllocator(P("10.88.0.0/16"));
        Assert.Equal(A("10.88.0.1"), allocator.Gateway);
        Assert.Equal(A("10.88.0.2"), allocator.Next(None));
    }

    [Fact]
    public void HandsOutTheLowestFreeAddressFillingGaps()
    {
        var allocator = new AddressAllocator(P("10.88.0.0/16"));
        var used = new[] { A("10.88.0.2"), A("10.88.0.4") };
        Assert.Equal(A("10.88.0.3"), allocator.Next(used));
    }

    [Fact]
    public void SkipsAGatewayInTheMiddle()
    {
        var allocator = new AddressAllocator(P("10.90.0.0/24"), gateway: A("10.90.0.2"));
        Assert.Equal(A("10.90.0.1"), allocator.Next(None));
        Assert.Equal(A("10.90.0.3"), allocator.Next(new[] { A("10.90.0.1") }));
    }

    [Fact]
    public void StaysInsideTheIPRange()
    {
        var allocator = new AddressAllocator(P("10.88.0.0/16"), range: P("10.88.5.0/24"));
        // 10.88.5.0 is an ordinary host address of 10.88.0.0/16: only the subnet's own network address is reserved.
        Assert.Equal(A("10.88.5.0"), allocator.Next(None));
        Assert.Equal(A("10.88.5.1"), allocator.Next(new[] { A("10.88.5.0") }));
        var full = Enumerable.Range(0, 256).Select(i => A($"10.88.5.{i}")).ToArray();
        Assert.Equal("SubnetExhausted", Assert.Throws<ContainerNetException>(() => allocator.Next(full)).ErrorId);
    }

    [Fact]
    public void NeverTheBroadcastOfAnIPv4Subnet()
    {
        var allocator = new AddressAllocator(P("10.91.0.0/30")); // .1 gateway, .2 only, .3 broadcast
        Assert.Equal(A("10.91.0.2"), allocator.Next(None));
        var error = Assert.Throws<ContainerNetException>(() => allocator.Next(new[] { A("10.91.0.2") }));
        Assert.Equal("SubnetExhausted", error.ErrorId);
        Assert.Equal(ErrorKind.ResourceBusy, error.Kind);
    }

    [Fact]
    public void IPv6HasNoBroadcastAndCountsInHex()
    {
        var allocator = new AddressAllocator(P("2001:db8:1::/64"));
        Assert.Equal(A("2001:db8:1::1"), allocator.Gateway);
        var used = Enumerable.Range(2, 14).Select(i => A($"2001:db8:1::{i:x}")).ToArray();
        Assert.Equal(A("2001:db8:1::10"), allocator.Next(used));
    }

    [Theory]
    [InlineData("10.99.0.5", "AddressOutsideSubnet")]
    [InlineData("10.88.0.0", "AddressOutsideRange")]
    [InlineData("10.88.255.255", "AddressOutsideRange")]
    [InlineData("10.88.0.1", "AddressIsGateway")]
    [InlineData("10.88.0.7", "AddressInUse")]
    public void ExplicitAddressesAreChecked(string wanted, string errorId)
    {
        var allocator = new AddressAllocator(P("10.88.0.0/16"));
        var error = Assert.Throws<ContainerNetException>(() => allocator.Check(A(wanted), new[] { A("10.88.0.7") }));
        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(wanted, error.Target);
    }

    [Fact]
    public void AnExplicitFreeAddressInsideTheRangeIsAccepted() =>
        Assert.Equal(A("10.88.3.4"), new AddressAllocator(P("10.88.0.0/16")).Check(A("10.88.3.4"), None));

    [Fact]
    public void ExplicitAddressOutsideTheIPRangeIsRefused()
    {
        var allocator = new AddressAllocator(P("10.88.0.0/16"), range: P("10.88.5.0/24"));
        var error = Assert.Throws<ContainerNetException>(() => allocator.Check(A("10.88.6.1"), None));
        Assert.Equal("AddressOutsideRange", error.ErrorId);
    }

    [Theory]
    [InlineData("10.88.0.0/16", "10.89.0.1", null, "GatewayOutsideSubnet")]
    [InlineData("10.88.0.0/16", null, "10.89.0.0/24", "RangeOutsideSubnet")]
    [InlineData("10.88.0.0/16", null, "10.0.0.0/8", "RangeOutsideSubnet")]
    [InlineData("10.88.0.5/16", null, null, "InvalidSubnet")]
    public void BadNetworkDefinitionsAreRefused(string subnet, string? gateway, string? range, string errorId)
    {
        var error = Assert.Throws<ContainerNetException>(() => new AddressAllocator(P(subnet),
            gateway is null ? null : A(gateway), range is null ? null : P(range)));
        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }
}
