namespace ContainerNet.Netlink.Tests.Netfilter.Kernel;

/// <summary>
/// The guard of the kernel tests, as DESIGN.md asks of every test that changes network state: the launcher
/// (build.ps1) passes down its own network namespace (CONTAINERNET_SANDBOX_PARENT_NETNS, "net:[inode]"), and
/// this process must be in another one. /proc/1/ns/net is not consulted (unreadable on these machines).
/// </summary>
internal static class KernelSandbox
{
    public static bool Requested => Environment.GetEnvironmentVariable("CONTAINERNET_SANDBOX") == "1";

    public static void AssertInside()
    {
        string? parent = Environment.GetEnvironmentVariable("CONTAINERNET_SANDBOX_PARENT_NETNS");
        string? own = new FileInfo("/proc/thread-self/ns/net").LinkTarget;
        if (string.IsNullOrEmpty(parent) || own is null || own == parent)
            throw new InvalidOperationException(
                $"CONTAINERNET_SANDBOX=1 but this process is not in a sandbox namespace (own {own ?? "?"}, launcher {parent ?? "unset"}); refusing to touch nftables.");
    }

    private static int _tables;

    /// <summary>A table name no other test (or earlier run in the same sandbox) uses.</summary>
    public static string UniqueTableName(string purpose) => $"cn-xunit-{purpose}-{Environment.ProcessId}-{Interlocked.Increment(ref _tables)}";
}
