using ContainerNet.Core.Errors;
using ContainerNet.Core.Links;
using ContainerNet.Core.Namespaces;
using ContainerNet.Core.Tests.Support;
using ContainerNet.Netlink.Transport;

namespace ContainerNet.Core.Tests.Links;

/// <summary>Bad input is refused before anything reaches the kernel: the transport sees no send.</summary>
public class LinkValidationTests
{
    private readonly CountingTransport _transport = new();
    private readonly LinkOperations _links;

    public LinkValidationTests()
    {
        var registry = new NamespaceRegistry(Path.Combine(Path.GetTempPath(), "containernet-tests-" + Guid.NewGuid()));
        var connections = new NamespaceConnections(registry,
            _ => new NetlinkConnection(_transport),
            (_, _, _) => new NetlinkConnection(_transport));
        _links = new LinkOperations(connections);
    }

    public static TheoryData<VethPairSpec, string> BadVethPairs => new()
    {
        { new VethPairSpec { Name = "this-is-far-too-long", PeerName = "eth0" }, "InvalidInterfaceName" },
        { new VethPairSpec { Name = "v1", PeerName = "" }, "InvalidInterfaceName" },
        { new VethPairSpec { Name = "v1", PeerName = "v1" }, "DuplicateInterfaceName" },
        { new VethPairSpec { Name = "v1", PeerName = "eth0", Mtu = 67 }, "InvalidMtu" },
        { new VethPairSpec { Name = "v1", PeerName = "eth0", Mtu = 65537 }, "InvalidMtu" },
        { new VethPairSpec { Name = "v1", PeerName = "eth0", MacAddress = "nope" }, "InvalidMacAddress" },
        { new VethPairSpec { Name = "v1", PeerName = "eth0", PeerMacAddress = "01:00:5e:00:00:01" }, "InvalidMacAddress" },
        { new VethPairSpec { Name = "v1", PeerName = "eth0", PeerNamespace = "../etc" }, "InvalidNamespaceName" },
        { new VethPairSpec { Name = "v1", PeerName = "eth0", PeerNamespace = "missing" }, "NamespaceNotFound" },
    };

    [Theory]
    [MemberData(nameof(BadVethPairs))]
    public void CreateVethPairRefusesBeforeSending(VethPairSpec spec, string errorId)
    {
        var error = Assert.Throws<ContainerNetException>(() => _links.CreateVethPair(spec));
        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(0, _transport.Sends);
    }

    [Fact]
    public void SetRefusesAnInvalidNewNameBeforeSending()
    {
        var error = Assert.Throws<ContainerNetException>(() => _links.Set(null, "eth0", new LinkChanges { NewName = "a/b" }));
        Assert.Equal("InvalidInterfaceName", error.ErrorId);
        Assert.Equal(0, _transport.Sends);
    }

    [Fact]
    public void RemoveRefusesAnInvalidNameBeforeSending()
    {
        var error = Assert.Throws<ContainerNetException>(() => _links.Remove(null, "with space"));
        Assert.Equal("InvalidInterfaceName", error.ErrorId);
        Assert.Equal(0, _transport.Sends);
    }
}
