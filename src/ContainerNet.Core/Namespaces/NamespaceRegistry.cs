using System.Text;
using ContainerNet.Core.Errors;
using ContainerNet.Core.Native;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Errors;
using ContainerNet.Netlink.Route.Links;
using ContainerNet.Netlink.Transport;
using Tmds.Linux;

namespace ContainerNet.Core.Namespaces;

/// <summary>
/// Named network namespaces, kept the way iproute2 keeps them so that `ip netns` and ContainerNet see
/// the same set: /run/netns is a shared mount, and each namespace is a bind mount of a thread's
/// /proc/thread-self/ns/net on /run/netns/NAME.
/// </summary>
public sealed class NamespaceRegistry
{
    public const string DefaultDirectory = "/run/netns";

    public NamespaceRegistry(string directory = DefaultDirectory) => Directory = directory;

    public string Directory { get; }

    public string PathOf(string name) => System.IO.Path.Combine(Directory, name);

    public bool Exists(string name) => NamespaceName.IsValid(name) && Syscall.Stat(PathOf(name), out _, out _) == 0;

    public IReadOnlyList<NetNamespace> List()
    {
        if (!System.IO.Directory.Exists(Directory))
            return Array.Empty<NetNamespace>();
        var result = new List<NetNamespace>();
        foreach (string path in System.IO.Directory.EnumerateFiles(Directory))
        {
            string name = System.IO.Path.GetFileName(path);
            if (!NamespaceName.IsValid(name) || Syscall.Stat(path, out _, out ulong inode) != 0)
                continue;
            result.Add(new NetNamespace { Name = name, Path = path, Id = inode });
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return result;
    }

    public NetNamespace Get(string name)
    {
        NamespaceName.Validate(name);
        string path = PathOf(name);
        int error = Syscall.Stat(path, out _, out ulong inode);
        if (error != 0)
            throw NotFound(name);
        return new NetNamespace { Name = name, Path = path, Id = inode };
    }

    /// <summary>Creates a namespace with its loopback up (as every container runtime does).</summary>
    public NetNamespace Create(string name) => Create(name, keepConnection: null);

    /// <summary>
    /// As <see cref="Create(string)"/>; <paramref name="keepConnection"/> may take over the rtnetlink
    /// connection opened inside the new namespace (return true to keep it open), saving a second trip in.
    /// </summary>
    public NetNamespace Create(string name, Func<NetNamespace, NetlinkConnection, bool>? keepConnection)
    {
        NamespaceName.Validate(name);
        EnsureSharedDirectory();
        return CreatePrepared(name, keepConnection, NamespaceThread.RunOnWorker);
    }

    /// <summary>
    /// Creates many namespaces, on every namespace worker at once (setting up a network namespace is
    /// mostly kernel work outside the rtnl lock, so two processors make two at a time). Each name
    /// succeeds or fails on its own, as one <see cref="Create(string)"/> per name in order would: a name
    /// given twice is created once and the second is NamespaceExists. Results are in the given order.
    /// </summary>
    public IReadOnlyList<NamespaceCreation> CreateMany(IReadOnlyList<string> names,
        Func<NetNamespace, NetlinkConnection, bool>? keepConnection = null)
    {
        IReadOnlyList<Task<NetNamespace>> creations = StartCreating(names, keepConnection, CancellationToken.None);
        var results = new NamespaceCreation[names.Count];
        for (int i = 0; i < names.Count; i++)
        {
            try
            {
                results[i] = new NamespaceCreation(names[i], creations[i].GetAwaiter().GetResult(), null);
            }
            catch (ContainerNetException failure)
            {
                results[i] = new NamespaceCreation(names[i], null, failure);
            }
        }
        return results;
    }

    /// <summary>
    /// As <see cref="CreateMany"/>, but returns at once: one task per name, in the given order, each
    /// done when its namespace exists (or faulted with the ContainerNetException that stopped it).
    /// The caller can work on the first namespaces while the workers make the rest. Names not started
    /// when <paramref name="cancellation"/> fires are not created (their tasks are cancelled).
    /// </summary>
    public IReadOnlyList<Task<NetNamespace>> StartCreating(IReadOnlyList<string> names,
        Func<NetNamespace, NetlinkConnection, bool>? keepConnection, CancellationToken cancellation)
    {
        var tasks = new Task<NetNamespace>[names.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool prepared = false;
        int queued = 0;
        for (int i = 0; i < names.Count; i++)
        {
            string name = names[i];
            if (!NamespaceName.IsValid(name) || !seen.Add(name))
            {
                tasks[i] = Task.FromException<NetNamespace>(ContainerNetException.FromCheck(() => NamespaceName.Validate(name)) ?? AlreadyExists(name));
                continue;
            }
            if (!prepared)
            {
                EnsureSharedDirectory();
                prepared = true;
            }
            // The worker thread is where the unshare happens, so the step inside runs directly.
            tasks[i] = NamespaceThread.QueueOnWorker(queued++ % NamespaceThread.WorkerCount, () =>
            {
                cancellation.ThrowIfCancellationRequested();
                return CreatePrepared(name, keepConnection, RunHere);
            });
        }
        return tasks;
    }

    private static int RunHere(Func<int> work) => work();


    private NetNamespace CreatePrepared(string name, Func<NetNamespace, NetlinkConnection, bool>? keepConnection,
        Func<Func<int>, int> runOnWorker)
    {
        string path = PathOf(name);
        int error = Syscall.Open(path, LibC.O_RDONLY | LibC.O_CREAT | LibC.O_EXCL, out int placeholder, mode: 0);
        if (error == LibC.EEXIST)
            throw AlreadyExists(name);
        if (error != 0)
            throw KernelErrors.FromErrno(error, $"create namespace '{name}'", name, "NamespaceNotFound", "NamespaceExists");
        Syscall.Close(placeholder);

        NetlinkConnection? connection = null;
        try
        {
            int socketFd = runOnWorker(() => UnshareAndBind(name, path));
            connection = new NetlinkConnection(NetlinkSocket.Adopt(socketFd, NetlinkConstants.NETLINK_ROUTE));
            BringLoopbackUp(connection, name);
            Syscall.Stat(path, out _, out ulong inode);
            var created = new NetNamespace { Name = name, Path = path, Id = inode };
            if (keepConnection?.Invoke(created, connection) != true)
                connection.Dispose();
            return created;
        }
        catch
        {
            connection?.Dispose();
            Syscall.Unmount(path, LibC.MNT_DETACH);
            Syscall.Unlink(path);
            throw;
        }
    }

    private ContainerNetException AlreadyExists(string name) =>
        new("NamespaceExists", ErrorKind.ResourceExists, name,
            $"Namespace '{name}' already exists ({PathOf(name)}). Choose another name, or remove it first with Remove-NetNamespace.");

    /// <summary>
    /// Must run on a namespace worker thread: a new network namespace, pinned by a bind mount on
    /// <paramref name="path"/>, plus a netlink socket inside it; then straight back home (see
    /// <see cref="NamespaceThread"/>). Returns the socket's fd.
    /// </summary>
    private static int UnshareAndBind(string name, string path)
    {
        int home = OpenOwnNamespace(name);
        byte[] source = Syscall.Utf8("/proc/thread-self/ns/net"), target = Syscall.Utf8(path);
        try
        {
            int error = Syscall.Unshare(LibC.CLONE_NEWNET);
            if (error != 0)
                throw KernelErrors.FromErrno(error, $"create namespace '{name}'", name, "NamespaceNotFound", "NamespaceExists");
            error = Syscall.BindMount(source, target);
            int socketFd = error == 0 ? NetlinkSocket.CreateDescriptor(NetlinkConstants.NETLINK_ROUTE) : -1;
            if (Syscall.SetNamespace(home, LibC.CLONE_NEWNET) != 0)
                Environment.FailFast("ContainerNet could not return a worker thread to its own namespace.");
            if (error != 0)
                throw KernelErrors.FromErrno(error, $"bind namespace '{name}' to {path}", name, "NamespaceNotFound", "NamespaceExists");
            if (socketFd < 0)
                throw KernelErrors.FromErrno(-socketFd, $"open a netlink socket in namespace '{name}'", name, "NamespaceNotFound");
            return socketFd;
        }
        finally
        {
            Syscall.Close(home);
        }
    }

    private static int OpenOwnNamespace(string name)
    {
        int error = Syscall.Open("/proc/thread-self/ns/net", LibC.O_RDONLY, out int fd);
        if (error != 0)
            throw KernelErrors.FromErrno(error, "open /proc/thread-self/ns/net", name, "NamespaceNotFound");
        return fd;
    }

    /// <summary>Loopback is always ifindex 1 in a new network namespace (registered first); containers expect it up.</summary>
    private static void BringLoopbackUp(NetlinkConnection connection, string name)
    {
        const int LoopbackIndex = 1;
        try
        {
            connection.Execute(new SetLinkRequest { Index = LoopbackIndex, Up = true });
        }
        catch (NetlinkException ex)
        {
            throw KernelErrors.Translate(ex, $"bring up the loopback of namespace '{name}'", name, "NamespaceNotFound", "NamespaceExists");
        }
    }

    /// <summary>Unmounts and removes the namespace file; the kernel frees the namespace when nothing else holds it.</summary>
    public void Delete(string name)
    {
        NamespaceName.Validate(name);
        string path = PathOf(name);
        if (Syscall.Stat(path, out _, out _) != 0)
            throw NotFound(name);
        int error = Syscall.Unmount(path, LibC.MNT_DETACH);
        if (error != 0 && error != LibC.EINVAL) // EINVAL: not a mount point (a stale file), still remove it
            throw KernelErrors.FromErrno(error, $"remove namespace '{name}'", name, "NamespaceNotFound");
        error = Syscall.Unlink(path);
        if (error != 0 && error != LibC.ENOENT)
            throw KernelErrors.FromErrno(error, $"remove namespace '{name}'", name, "NamespaceNotFound");
    }

    /// <summary>Opens the namespace file for setns or IFLA_NET_NS_FD. The caller closes the fd.</summary>
    public int OpenHandle(string name)
    {
        NamespaceName.Validate(name);
        int error = Syscall.Open(PathOf(name), LibC.O_RDONLY, out int fd);
        if (error == LibC.ENOENT)
            throw NotFound(name);
        if (error != 0)
            throw KernelErrors.FromErrno(error, $"open namespace '{name}'", name, "NamespaceNotFound");
        return fd;
    }

    /// <summary>
    /// A socket of any family that lives in the named namespace (null or empty: the caller's own).
    /// The caller owns the descriptor (wrap it, e.g. in a SafeSocketHandle).
    /// </summary>
    public int OpenSocket(string? namespaceName, int domain, int type, int protocol)
    {
        if (string.IsNullOrEmpty(namespaceName))
        {
            int fd = LibC.socket(domain, type | LibC.SOCK_CLOEXEC, protocol);
            if (fd < 0)
                throw KernelErrors.FromErrno(LibC.errno, "open a socket", null, "NamespaceNotFound");
            return fd;
        }
        int namespaceFd = OpenHandle(namespaceName);
        try
        {
            return NamespaceThread.OpenSocketDescriptorInside(namespaceFd, domain, type, protocol, namespaceName);
        }
        finally
        {
            Syscall.Close(namespaceFd);
        }
    }

    /// <summary>
    /// Opens a per-namespace file such as /proc/sys/net/ipv4/ip_forward as the named namespace sees it
    /// (null or empty: the caller's own). The caller owns the descriptor.
    /// </summary>
    public int OpenNamespaceFile(string? namespaceName, string path, int flags)
    {
        if (string.IsNullOrEmpty(namespaceName))
        {
            int error = Syscall.Open(path, flags, out int fd);
            if (error != 0)
                throw KernelErrors.FromErrno(error, $"open {path}", path, "ObjectNotFound");
            return fd;
        }
        int namespaceFd = OpenHandle(namespaceName);
        try
        {
            return NamespaceThread.OpenFileInside(namespaceFd, path, flags, namespaceName);
        }
        finally
        {
            Syscall.Close(namespaceFd);
        }
    }

    /// <summary>Writes <paramref name="value"/> to a per-namespace file (a sysctl) as the named namespace sees it.</summary>
    public void WriteNamespaceFile(string? namespaceName, string path, string value)
    {
        int fd = OpenNamespaceFile(namespaceName, path, LibC.O_WRONLY);
        try
        {
            int error = Syscall.Write(fd, Encoding.ASCII.GetBytes(value));
            if (error != 0)
                throw KernelErrors.FromErrno(error, $"write {path} in {Links.LinkOperations.Describe(namespaceName)}", path, "ObjectNotFound");
        }
        finally
        {
            Syscall.Close(fd);
        }
    }

    public static ContainerNetException NotFound(string name) =>
        new("NamespaceNotFound", ErrorKind.ObjectNotFound, name,
            $"Namespace '{name}' does not exist. See the existing ones with Get-NetNamespace, or create it with New-NetNamespace.");

    /// <summary>
    /// As iproute2 does: make the directory a shared mount (binding it onto itself first if it is not a
    /// mount point), so namespace mounts made here propagate to every mount namespace that sees it.
    /// </summary>
    private void EnsureSharedDirectory()
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ContainerNetException("PermissionDenied", ErrorKind.PermissionDenied, Directory,
                $"Cannot create {Directory}: {ex.Message} {KernelErrors.PermissionHint}", ex, LibC.EACCES);
        }
        ulong sharedRecursive = (ulong)(LibC.MS_SHARED | LibC.MS_REC);
        int error = Syscall.Mount("", Directory, "none", sharedRecursive);
        if (error == LibC.EINVAL)
        {
            error = Syscall.Mount(Directory, Directory, "none", LibC.MS_BIND | LibC.MS_REC);
            if (error == 0)
                error = Syscall.Mount("", Directory, "none", sharedRecursive);
        }
        if (error != 0)
            throw KernelErrors.FromErrno(error, $"prepare {Directory} for namespaces", Directory, "NamespaceNotFound");
    }
}
