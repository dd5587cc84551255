using System.Runtime.Versioning;
using ContainerNet.Core.Errors;
using ContainerNet.Core.State;

namespace ContainerNet.Core.Tests.State;

[SupportedOSPlatform("linux")]
public sealed class StateStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "containernet-state-" + Guid.NewGuid().ToString("N"));

    private StateStore Store => new(Path.Combine(_root, "state"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    private sealed record Network(string Name, string Subnet, List<string> Endpoints);

    [Fact]
    public void WritesAndReadsADocumentPerNetwork()
    {
        var store = Store;
        store.Write("mynet", new Network("mynet", "10.89.0.0/16", new() { "10.89.0.2" }));
        var read = store.Read<Network>("mynet");
        Assert.Equal("10.89.0.0/16", read!.Subnet);
        Assert.Equal(new[] { "10.89.0.2" }, read.Endpoints);
        Assert.Equal(new[] { "mynet" }, store.Names());
        Assert.Null(store.Read<Network>("other"));
    }

    [Fact]
    public void DirectoryIs0700AndFilesAre0600WithNoTemporaryFilesLeft()
    {
        var store = Store;
        store.Write("mynet", new Network("mynet", "10.89.0.0/16", new()));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, new DirectoryInfo(store.Directory).UnixFileMode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, new FileInfo(store.PathOf("mynet")).UnixFileMode);
        Assert.Empty(Directory.GetFiles(store.Directory, "*.tmp"));
    }

    [Fact]
    public void ACorruptDocumentIsNamedAndLeftAsItIs()
    {
        var store = Store;
        store.Write("mynet", new Network("mynet", "10.89.0.0/16", new()));
        File.WriteAllText(store.PathOf("mynet"), "{ not json");
        var error = Assert.Throws<ContainerNetException>(() => store.Read<Network>("mynet"));
        Assert.Equal("StateCorrupt", error.ErrorId);
        Assert.Equal(store.PathOf("mynet"), error.Target);
        Assert.Contains(store.PathOf("mynet"), error.Message);
        Assert.Equal("{ not json", File.ReadAllText(store.PathOf("mynet")));
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData(".lock")]
    [InlineData("a/b")]
    [InlineData("")]
    public void NamesCannotLeaveTheDirectory(string name)
    {
        var error = Assert.Throws<ContainerNetException>(() => Store.Write(name, new Network(name, "", new())));
        Assert.Equal("InvalidNetworkName", error.ErrorId);
    }

    [Fact]
    public async Task TheLockExcludesASecondHolderUntilReleased()
    {
        var store = Store;
        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var first = store.Lock();
        var waiter = Task.Run(() =>
        {
            using (store.Lock())
                order.Enqueue("second acquired");
        });
        await Task.Delay(200);
        order.Enqueue("first releasing");
        first.Dispose();
        await waiter.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(new[] { "first releasing", "second acquired" }, order);
    }

    [Fact]
    public void RemovesTheTemporaryFilesOfInterruptedWritesButNoDocument()
    {
        var store = Store;
        store.Write("mynet", new Network("mynet", "10.89.0.0/16", new()));
        string leftover = Path.Combine(store.Directory, ".mynet.json.4242.tmp");
        File.WriteAllText(leftover, "{ half a docu");
        Assert.Equal(new[] { leftover }, store.RemoveTemporaryFiles());
        Assert.False(File.Exists(leftover));
        Assert.Equal("10.89.0.0/16", store.Read<Network>("mynet")!.Subnet);
        Assert.Empty(store.RemoveTemporaryFiles());
    }

    [Fact]
    public void AnUnchangedDocumentIsServedFromMemoryButAnotherWritersVersionIsReadAgain()
    {
        var store = Store;
        store.Write("mynet", new Network("mynet", "10.89.0.0/16", new()));
        Network first = store.Read<Network>("mynet")!;
        Assert.Same(first, store.Read<Network>("mynet"));

        // Another process replaces the file (by rename, as Write does): the new version is read.
        new StateStore(store.Directory).Write("mynet", new Network("mynet", "10.90.0.0/16", new()));
        Assert.Equal("10.90.0.0/16", store.Read<Network>("mynet")!.Subnet);

        // Forget drops what is in memory, e.g. a document a failed operation had changed.
        Network cached = store.Read<Network>("mynet")!;
        cached.Endpoints.Add("10.90.0.9");
        store.Forget();
        Assert.Empty(store.Read<Network>("mynet")!.Endpoints);
    }
}
