using System.Net;
using System.Net.Sockets;
using ContainerNet.Core.Diagnostics;
using ContainerNet.Core.Errors;
using ContainerNet.Core.Namespaces;

namespace ContainerNet.Core.Tests.Diagnostics;

public class ConnectionTesterTests
{
    [Theory]
    [InlineData("10.88.0.3", "10.88.0.3")]
    [InlineData(" 10.88.0.3 ", "10.88.0.3")]
    [InlineData("2001:db8::3", "2001:db8::3")]
    [InlineData("2001:DB8:0:0::3", "2001:db8::3")]
    [InlineData("fe80::1%2", "fe80::1%2")]
    [InlineData("::ffff:10.1.2.3", "::ffff:10.1.2.3")]
    public void ParsesAddresses(string text, string expected) =>
        Assert.Equal(IPAddress.Parse(expected), ConnectionTester.ParseAddress(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("10.1")]            // IPAddress.Parse would read 10.0.0.1
    [InlineData("10")]
    [InlineData("0x0a.0.0.1")]
    [InlineData("10.88.0.256")]
    [InlineData("10.88.0.3/16")]
    [InlineData("2001:db8::3/64")]
    [InlineData("2001:db8::g")]
    [InlineData("fe80::1%eth0")]    // a zone name would be looked up in the caller's namespace
    [InlineData("web")]
    public void RefusesWhatIsNotAnAddress(string? text)
    {
        var failure = Assert.Throws<ContainerNetException>(() => ConnectionTester.ParseAddress(text));
        Assert.Equal("InvalidAddress", failure.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, failure.Kind);
        Assert.Contains("IP address", failure.Message);
    }

    [Fact]
    public void SummarizesTheMedianAndTheLastError()
    {
        var attempts = new[]
        {
            new ConnectionAttempt { Number = 1, Succeeded = false, Error = "Timed out after 10 ms" },
            new ConnectionAttempt { Number = 2, Succeeded = true, RoundTripTime = TimeSpan.FromMilliseconds(3) },
            new ConnectionAttempt { Number = 3, Succeeded = true, RoundTripTime = TimeSpan.FromMilliseconds(1) },
            new ConnectionAttempt { Number = 4, Succeeded = true, RoundTripTime = TimeSpan.FromMilliseconds(9) },
        };
        ConnectionTestResult result = ConnectionTester.Summarize("web", IPAddress.Loopback, new ConnectionTestOptions(), attempts, null);
        Assert.True(result.Reachable);
        Assert.Equal(TimeSpan.FromMilliseconds(3), result.RoundTripTime);
        Assert.Equal(4, result.Sent);
        Assert.Equal(3, result.Received);
        Assert.Null(result.Error); // reachable: lost attempts show in Attempts, not as the answer's error
        Assert.Equal(ConnectionTestProtocol.Icmp, result.Protocol);
        Assert.Null(result.Port);
    }

    [Fact]
    public void EvenCountsTakeTheMeanOfTheMiddleTwo()
    {
        var attempts = new[] { 1.0, 2.0, 4.0, 8.0 }.Select((ms, i) =>
            new ConnectionAttempt { Number = i + 1, Succeeded = true, RoundTripTime = TimeSpan.FromMilliseconds(ms) }).ToList();
        ConnectionTestResult result = ConnectionTester.Summarize("", IPAddress.Loopback, new ConnectionTestOptions { Port = 1 }, attempts, null);
        Assert.Equal(TimeSpan.FromMilliseconds(3), result.RoundTripTime);
        Assert.Equal(1, result.Port);
    }

    [Fact]
    public void UnreachableCarriesTheLastReason()
    {
        var attempts = new[]
        {
            new ConnectionAttempt { Number = 1, Succeeded = false, Error = "Connection refused" },
            new ConnectionAttempt { Number = 2, Succeeded = false, Error = "Timed out after 5 ms" },
        };
        ConnectionTestResult result = ConnectionTester.Summarize("", IPAddress.Loopback, new ConnectionTestOptions { Port = 80 }, attempts, null);
        Assert.False(result.Reachable);
        Assert.Null(result.RoundTripTime);
        Assert.Equal(0, result.Received);
        Assert.Equal("Timed out after 5 ms", result.Error);
    }

    // The caller's own namespace and its loopback: no privileges needed and nothing changes.

    [Fact]
    public void ConnectsToAListeningPortOnLoopback()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;

        ConnectionTestResult result = new ConnectionTester(new NamespaceRegistry())
            .Test(null, IPAddress.Loopback, new ConnectionTestOptions { Port = port, Count = 2 });

        Assert.True(result.Reachable, result.Error);
        Assert.Equal(ConnectionTestProtocol.Tcp, result.Protocol);
        Assert.Equal(2, result.Sent);
        Assert.Equal(2, result.Received);
        Assert.True(result.RoundTripTime > TimeSpan.Zero);
        Assert.Equal(IPAddress.Loopback, result.SourceAddress);
        Assert.Equal("", result.Namespace);
    }

    [Fact]
    public void AClosedPortOnLoopbackIsRefusedNotAnError()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        ConnectionTestResult result = new ConnectionTester(new NamespaceRegistry())
            .Test("", IPAddress.Loopback, new ConnectionTestOptions { Port = port });

        Assert.False(result.Reachable);
        Assert.Equal("Connection refused", result.Error);
        Assert.Null(result.RoundTripTime);
    }

    [Fact]
    public void RefusesBadOptionsBeforeAnySocket()
    {
        var failure = Assert.Throws<ContainerNetException>(() =>
            new ConnectionTester(new NamespaceRegistry()).Test(null, IPAddress.Loopback, new ConnectionTestOptions { Port = 70000 }));
        Assert.Equal("InvalidPort", failure.ErrorId);
    }

    [Fact]
    public void AMissingNamespaceIsNamespaceNotFound()
    {
        string directory = Path.Combine(Path.GetTempPath(), "containernet-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var failure = Assert.Throws<ContainerNetException>(() =>
                new ConnectionTester(new NamespaceRegistry(directory)).Test("nosuch", IPAddress.Loopback, new ConnectionTestOptions()));
            Assert.Equal("NamespaceNotFound", failure.ErrorId);
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Fact]
    public void ACancelledTestStopsBeforeItsNextAttempt()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new ConnectionTester(new NamespaceRegistry())
            .Test(null, IPAddress.Loopback, new ConnectionTestOptions { Port = ((IPEndPoint)listener.LocalEndpoint).Port }, cancel.Token));
    }
}
