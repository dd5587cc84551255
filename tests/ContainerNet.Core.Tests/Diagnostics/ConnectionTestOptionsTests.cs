using ContainerNet.Core.Diagnostics;
using ContainerNet.Core.Errors;

namespace ContainerNet.Core.Tests.Diagnostics;

public class ConnectionTestOptionsTests
{
    [Fact]
    public void DefaultsToOneIcmpEchoWaitingOneSecond()
    {
        var options = new ConnectionTestOptions();
        options.Validate();
        Assert.Equal(ConnectionTestProtocol.Icmp, options.EffectiveProtocol);
        Assert.Equal(1, options.Count);
        Assert.Equal(1000, options.TimeoutMilliseconds);
    }

    [Fact]
    public void APortMeansTcp() => Assert.Equal(ConnectionTestProtocol.Tcp, new ConnectionTestOptions { Port = 80 }.EffectiveProtocol);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65536)]
    public void RefusesPortsOutOfRange(int port) => AssertRefused("InvalidPort", new ConnectionTestOptions { Port = port });

    [Theory]
    [InlineData(1)]
    [InlineData(65535)]
    public void AcceptsThePortRangeEnds(int port) => new ConnectionTestOptions { Port = port }.Validate();

    [Fact]
    public void TcpNeedsAPort() => AssertRefused("PortRequired", new ConnectionTestOptions { Protocol = ConnectionTestProtocol.Tcp });

    [Fact]
    public void IcmpTakesNoPort() =>
        AssertRefused("UnexpectedPort", new ConnectionTestOptions { Protocol = ConnectionTestProtocol.Icmp, Port = 80 });

    [Theory]
    [InlineData(0)]
    [InlineData(ConnectionTestOptions.MaxCount + 1)]
    public void RefusesCountsOutOfRange(int count) => AssertRefused("InvalidCount", new ConnectionTestOptions { Count = count });

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(ConnectionTestOptions.MaxTimeoutMilliseconds + 1)]
    public void RefusesTimeoutsOutOfRange(int timeout) =>
        AssertRefused("InvalidTimeout", new ConnectionTestOptions { TimeoutMilliseconds = timeout });

    private static void AssertRefused(string errorId, ConnectionTestOptions options)
    {
        var failure = Assert.Throws<ContainerNetException>(options.Validate);
        Assert.Equal(errorId, failure.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, failure.Kind);
    }
}
