using System.Runtime.Versioning;
using System.Text.Json;
using ContainerNet.Core.Networks;
using ContainerNet.Core.State;

namespace ContainerNet.Core.Tests.Networks;

/// <summary>The state file of a network: its JSON shape is an on-disk format, so names and values must round-trip as they are.</summary>
[SupportedOSPlatform("linux")]
public sealed class NetworkDocumentTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "containernet-doc-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    private static NetworkDocument Sample() => new()
    {
        Name = "mynet", Id = new string('a', 64), Created = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero), BridgeName = "br-aaaaaaaaaaaa",
        Subnets = { new SubnetDocument { Subnet = "10.10.0.0/16", Gateway = "10.10.0.1", IPRange = "10.10.8.0/24" }, new SubnetDocument { Subnet = "fd00:10::/64", Gateway = "fd00:10::1" } },
        Internal = false, InterContainerTraffic = false, Masquerade = true, Mtu = 1450, LinkGroup = 70000,
        Endpoints =
        {
            new EndpointDocument
            {
                Container = "tomcat01", InterfaceName = "eth0", HostInterface = "veth1234567", IPv4Address = "10.10.8.0", IPv6Address = "fd00:10::2",
                MacAddress = "02:42:0a:0a:08:00", Aliases = { "web" }, Links = { "db:store" },
                Ports = { new PortDocument { Protocol = "tcp", Family = "IPv4", HostPort = 8080, ContainerPort = 80 } }, Connected = new DateTimeOffset(2026, 11, 25, 0, 1, 0, TimeSpan.Zero),
            },
        },
    };

    [Fact]
    public void RoundTripsThroughTheStateStoreWithEveryField()
    {
        var store = new StateStore(_root);
        store.Write("mynet", Sample());
        NetworkDocument read = store.Read<NetworkDocument>("mynet")!;
        Assert.Equal(JsonSerializer.Serialize(Sample()), JsonSerializer.Serialize(read));
        Assert.Equal(70000u, read.LinkGroup);
        Assert.Equal(new[] { "db:store" }, read.Endpoints[0].Links);
        Assert.Equal((8080, 80, (string?)null), (read.Endpoints[0].Ports[0].HostPort, read.Endpoints[0].Ports[0].ContainerPort, read.Endpoints[0].Ports[0].HostAddress));
    }

    [Fact]
    public void TheFileUsesTheDocumentedPropertyNamesAndIsIndented()
    {
        var store = new StateStore(_root);
        store.Write("mynet", Sample());
        string text = File.ReadAllText(store.PathOf("mynet"));
        Assert.Contains("\n  \"Version\": 1,", text);
        using JsonDocument json = JsonDocument.Parse(text);
        JsonElement endpoint = json.RootElement.GetProperty("Endpoints")[0];
        Assert.Equal("10.10.8.0", endpoint.GetProperty("IPv4Address").GetString());
        Assert.Equal("veth1234567", endpoint.GetProperty("HostInterface").GetString());
        Assert.Equal("10.10.0.1", json.RootElement.GetProperty("Subnets")[0].GetProperty("Gateway").GetString());
    }
}
