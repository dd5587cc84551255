using System.Runtime.Versioning;
using ContainerNet.Core.Networks;

namespace ContainerNet.Core.Tests.Networks;

/// <summary>
/// Name resolution files: a network's file lists every member; a container on one network without
/// links points at it (symlink), one on several networks or with links gets a file of its own; files
/// are written in place (same inode), so a bind mount of one keeps showing the current text.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class HostsFilesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "containernet-hosts-" + Guid.NewGuid().ToString("N"));

    private HostsFiles Files => new(Path.Combine(_root, "state"), Path.Combine(_root, "etc-netns"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    private static EndpointDocument Endpoint(string container, string? v4, string? v6 = null, string[]? aliases = null, string[]? links = null) => new()
    {
        Container = container, IPv4Address = v4, IPv6Address = v6, InterfaceName = "eth0", HostInterface = "veth" + container,
        MacAddress = "02:42:00:00:00:00", Aliases = (aliases ?? Array.Empty<string>()).ToList(), Links = (links ?? Array.Empty<string>()).ToList(),
    };

    private static NetworkDocument Network(string name, params EndpointDocument[] endpoints) => new() { Name = name, Endpoints = endpoints.ToList() };

    private static string[] Entries(string path) =>
        File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

    [Fact]
    public void TheNetworkFileListsLocalhostThenEveryMemberWithItsAliasesForEachAddress()
    {
        HostsFiles files = Files;
        files.WriteNetwork(Network("mynet", Endpoint("tomcat01", "10.10.0.2", "fd00::2", new[] { "web" }), Endpoint("tomcat02", "10.10.0.3")));
        string path = files.NetworkFile("mynet");
        Assert.StartsWith(HostsFiles.Marker, File.ReadLines(path).First());
        Assert.Equal(new[]
        {
            "127.0.0.1\tlocalhost", "::1\tlocalhost ip6-localhost ip6-loopback",
            "10.10.0.2\ttomcat01 web", "fd00::2\ttomcat01 web", "10.10.0.3\ttomcat02",
        }, Entries(path));
    }

    [Fact]
    public void AppendAddsOneEndpointAndRewriteRemovesIt_InPlace()
    {
        HostsFiles files = Files;
        var network = Network("mynet", Endpoint("a", "10.10.0.2"));
        files.WriteNetwork(network);
        string path = files.NetworkFile("mynet");
        ulong inode = Inode(path);

        var b = Endpoint("b", "10.10.0.3");
        network.Endpoints.Add(b);
        files.AppendToNetwork(network, b);
        Assert.Equal("10.10.0.3\tb", Entries(path).Last());
        Assert.Equal(4, Entries(path).Length);

        network.Endpoints.RemoveAt(0);
        files.WriteNetwork(network);
        Assert.DoesNotContain("10.10.0.2\ta", Entries(path));
        Assert.Equal(3, Entries(path).Length);
        Assert.Equal(inode, Inode(path));
    }

    [Fact]
    public void AContainerOnOneNetworkWithoutLinksPointsAtTheNetworkFile()
    {
        HostsFiles files = Files;
        var network = Network("mynet", Endpoint("a", "10.10.0.2"), Endpoint("b", "10.10.0.3"));
        files.WriteNetwork(network);
        files.WriteContainer("a", new[] { network });
        Assert.Equal(files.NetworkFile("mynet"), new FileInfo(files.ContainerFile("a")).LinkTarget);
        Assert.Contains("10.10.0.3\tb", Entries(files.ContainerFile("a")));
        Assert.True(files.IsOurs(files.ContainerFile("a")));
    }

    [Fact]
    public void AContainerOnTwoNetworksGetsAFileOfItsOwnWithBothAndBackToTheLinkWhenOneIsLeft()
    {
        HostsFiles files = Files;
        var web = Network("web", Endpoint("a", "10.10.0.2"), Endpoint("b", "10.10.0.3"));
        var db = Network("db", Endpoint("a", "10.20.0.2"), Endpoint("c", "10.20.0.3"));
        files.WriteNetwork(web);
        files.WriteNetwork(db);
        files.WriteContainer("a", new[] { db, web });
        string path = files.ContainerFile("a");
        Assert.Null(new FileInfo(path).LinkTarget);
        Assert.Equal(new[] { "10.20.0.2\ta", "10.20.0.3\tc", "10.10.0.2\ta", "10.10.0.3\tb" }, Entries(path).Skip(2));
        Assert.True(files.IsOurs(path));

        files.WriteContainer("a", new[] { web });
        Assert.Equal(files.NetworkFile("web"), new FileInfo(path).LinkTarget);
    }

    [Fact]
    public void ALinkAliasResolvesOnlyInTheLinkingContainersFile()
    {
        HostsFiles files = Files;
        var network = Network("quiet", Endpoint("db", "10.30.0.2"), Endpoint("app", "10.30.0.3", links: new[] { "db:store" }), Endpoint("other", "10.30.0.4"));
        files.WriteNetwork(network);
        files.WriteContainer("app", new[] { network });
        files.WriteContainer("other", new[] { network });
        Assert.Contains("10.30.0.2\tstore", Entries(files.ContainerFile("app")));
        Assert.DoesNotContain(Entries(files.NetworkFile("quiet")), l => l.Contains("store"));
        Assert.DoesNotContain(Entries(files.ContainerFile("other")), l => l.Contains("store"));
    }

    [Fact]
    public void OnNoNetworkTheContainersFileAndEmptyDirectoryGo_ButAForeignFileStays()
    {
        HostsFiles files = Files;
        var network = Network("mynet", Endpoint("a", "10.10.0.2"));
        files.WriteNetwork(network);
        files.WriteContainer("a", new[] { network });
        files.WriteContainer("a", Array.Empty<NetworkDocument>());
        Assert.False(Directory.Exists(Path.GetDirectoryName(files.ContainerFile("a"))));

        string foreign = files.ContainerFile("mine");
        Directory.CreateDirectory(Path.GetDirectoryName(foreign)!);
        File.WriteAllText(foreign, "10.0.0.9 somebody\n");
        Assert.False(files.IsOurs(foreign));
        files.RemoveContainer("mine");
        Assert.Equal("10.0.0.9 somebody\n", File.ReadAllText(foreign));
        Assert.Empty(files.ContainersWithOurFiles());
    }

    private static ulong Inode(string path)
    {
        Assert.Equal(0, ContainerNet.Core.Native.Syscall.Stat(path, out _, out ulong inode));
        return inode;
    }
}
