using ContainerNet.Core.Addressing;
using ContainerNet.Core.Errors;
using ContainerNet.Core.Namespaces;
using ContainerNet.Core.Native;
using Tmds.Linux;

namespace ContainerNet.Core.Forwarding;

/// <summary>
/// IP forwarding per namespace. The sysctls under /proc/sys/net belong to the network namespace of
/// whoever opens them, so the files are opened from inside the namespace and written from here.
/// </summary>
public sealed class ForwardingOperations
{
    private const string IPv4Path = "/proc/sys/net/ipv4/ip_forward";
    private const string IPv6Path = "/proc/sys/net/ipv6/conf/all/forwarding";

    private readonly NamespaceRegistry _registry;

    public ForwardingOperations(NamespaceRegistry registry) => _registry = registry;

    /// <param name="family">null: both families.</param>
    public ForwardingState Set(string? namespaceName, IPFamily? family, bool enabled)
    {
        if (family is null or IPFamily.IPv4)
            Write(namespaceName, IPv4Path, enabled);
        if (family is null or IPFamily.IPv6)
            Write(namespaceName, IPv6Path, enabled);
        return Get(namespaceName);
    }

    /// <summary>
    /// net.bridge.bridge-nf-call-iptables/-ip6tables = 1: bridged IP traffic passes the inet hooks
    /// (br_netfilter), which icc off needs. Per namespace; a kernel without br_netfilter has no file.
    /// </summary>
    public void EnableBridgeFiltering(string? namespaceName)
    {
        foreach (string path in new[] { "/proc/sys/net/bridge/bridge-nf-call-iptables", "/proc/sys/net/bridge/bridge-nf-call-ip6tables" })
        {
            try
            {
                Write(namespaceName, path, true);
            }
            catch (ContainerNetException ex) when (ex.Errno == LibC.ENOENT)
            {
                throw new ContainerNetException("BridgeFilteringUnavailable", ErrorKind.InvalidOperation, path,
                    $"Cannot turn inter-container traffic off: {path} does not exist, so bridged traffic never reaches nftables. Load br_netfilter (modprobe br_netfilter) and try again.",
                    ex, ex.Errno);
            }
        }
    }

    public ForwardingState Get(string? namespaceName) => new()
    {
        Namespace = namespaceName ?? "",
        IPv4 = Read(namespaceName, IPv4Path),
        IPv6 = Read(namespaceName, IPv6Path),
    };

    private void Write(string? namespaceName, string path, bool enabled) =>
        _registry.WriteNamespaceFile(namespaceName, path, enabled ? "1\n" : "0\n");

    private bool Read(string? namespaceName, string path)
    {
        int fd;
        try
        {
            fd = _registry.OpenNamespaceFile(namespaceName, path, LibC.O_RDONLY);
        }
        catch (ContainerNetException ex) when (ex.Errno == LibC.ENOENT)
        {
            return false; // e.g. IPv6 disabled in this kernel
        }
        try
        {
            byte[] buffer = new byte[8];
            int count = Syscall.Read(fd, buffer);
            return count > 0 && buffer[0] == (byte)'1';
        }
        finally
        {
            Syscall.Close(fd);
        }
    }
}
