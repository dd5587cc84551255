using System.Runtime;
using System.Runtime.ExceptionServices;
using ContainerNet.Core.Errors;
using ContainerNet.Core.Native;
using ContainerNet.Netlink.Transport;
using Tmds.Linux;

namespace ContainerNet.Core.Namespaces;

/// <summary>
/// Enters other namespaces on a fresh OS thread, never on the pipeline thread or a pool thread.
/// setns(2) and unshare(2) change only the calling thread, and every thread the runtime creates from
/// that thread (the background GC thread, pool workers) is born in the same namespaces and stays there,
/// pinning them (seen here: a ".NET BGC" thread kept a removed namespace and its veth alive). So the
/// time spent inside is kept to raw syscalls, the thread returns to its own namespaces before running
/// anything else, and background GC is held off for the rare longer window (starting a process).
/// </summary>
internal static class NamespaceThread
{
    private const int StackSize = 256 * 1024;
    private const string OwnNetworkNamespace = "/proc/thread-self/ns/net";
    private const string OwnMountNamespace = "/proc/thread-self/ns/mnt";

    /// <summary>Opens a netlink socket that belongs to the namespace behind <paramref name="namespaceFd"/>.</summary>
    public static NetlinkSocket OpenSocketInside(int namespaceFd, int protocol, string namespaceName)
    {
        int fd = RunInside(namespaceFd, namespaceName, $"open a netlink socket in namespace '{namespaceName}'",
            () => NetlinkSocket.CreateDescriptor(protocol));
        return NetlinkSocket.Adopt(fd, protocol);
    }

    /// <summary>
    /// Opens any socket (ICMP, TCP, UDP, netlink) that belongs to the namespace behind
    /// <paramref name="namespaceFd"/>; only socket(2) runs inside. Returns the descriptor; the caller owns it.
    /// </summary>
    public static int OpenSocketDescriptorInside(int namespaceFd, int domain, int type, int protocol, string namespaceName) =>
        RunInside(namespaceFd, namespaceName, $"open a socket in namespace '{namespaceName}'", () =>
        {
            int fd = LibC.socket(domain, type | LibC.SOCK_CLOEXEC, protocol);
            return fd >= 0 ? fd : -LibC.errno;
        });

    /// <summary>
    /// Opens a file whose meaning depends on the opener's network namespace (/proc/sys/net/...) as seen
    /// from inside <paramref name="namespaceFd"/>; only open(2) runs inside. The caller owns the fd.
    /// </summary>
    public static int OpenFileInside(int namespaceFd, string path, int flags, string namespaceName)
    {
        byte[] encodedPath = Syscall.Utf8(path);
        return RunInside(namespaceFd, namespaceName, $"open {path} in namespace '{namespaceName}'", () =>
        {
            unsafe
            {
                fixed (byte* p = encodedPath)
                {
                    int fd = LibC.open(p, flags | LibC.O_CLOEXEC, 0);
                    return fd >= 0 ? fd : -LibC.errno;
                }
            }
        });
    }

    /// <summary>Enters, runs one syscall-only step that returns an fd or -errno, returns home at once.</summary>
    private static int RunInside(int namespaceFd, string namespaceName, string action, Func<int> syscallOnly)
    {
        int result = RunOnWorker(() =>
        {
            int home = OpenOrThrow(OwnNetworkNamespace, namespaceName);
            try
            {
                int error = Syscall.SetNamespace(namespaceFd, LibC.CLONE_NEWNET);
                if (error != 0)
                    throw CannotEnter(error, namespaceName);
                int value = syscallOnly();
                ReturnHome(home, LibC.CLONE_NEWNET);
                return value;
            }
            finally
            {
                Syscall.Close(home);
            }
        });
        if (result < 0)
            throw KernelErrors.FromErrno(-result, action, namespaceName, "NamespaceNotFound");
        return result;
    }

    /// <summary>
    /// Runs <paramref name="inside"/> in the namespace behind <paramref name="namespaceFd"/> and in a
    /// private mount namespace of its own (for work that must start a child there), then returns the
    /// thread to its own namespaces.
    /// </summary>
    public static T RunInsideWithPrivateMounts<T>(int namespaceFd, string namespaceName, Func<T> inside) =>
        RunOnThread(() =>
        {
            int homeNet = OpenOrThrow(OwnNetworkNamespace, namespaceName);
            int homeMount = OpenOrThrow(OwnMountNamespace, namespaceName);
            GCLatencyMode latency = GCSettings.LatencyMode;
            try
            {
                // Blocking GCs only while inside: a background GC thread created now would stay inside.
                GCSettings.LatencyMode = GCLatencyMode.Batch;
                int error = Syscall.SetNamespace(namespaceFd, LibC.CLONE_NEWNET);
                if (error != 0)
                    throw CannotEnter(error, namespaceName);
                try
                {
                    error = Syscall.Unshare(LibC.CLONE_NEWNS);
                    if (error != 0)
                        throw KernelErrors.FromErrno(error, $"prepare a mount namespace for '{namespaceName}'", namespaceName, "NamespaceNotFound");
                    return inside();
                }
                finally
                {
                    ReturnHome(homeMount, LibC.CLONE_NEWNS);
                    ReturnHome(homeNet, LibC.CLONE_NEWNET);
                }
            }
            finally
            {
                GCSettings.LatencyMode = latency;
                Syscall.Close(homeNet);
                Syscall.Close(homeMount);
            }
        });

    /// <summary>Runs <paramref name="work"/> on a dedicated thread that is thrown away afterwards.</summary>
    public static T RunOnThread<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try { result = work(); }
            catch (Exception ex) { failure = ExceptionDispatchInfo.Capture(ex); }
        }, StackSize)
        {
            IsBackground = true,
            Name = "ContainerNet namespace worker",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the first long-lived worker thread. Only for work that always
    /// returns the thread to its own network namespace (syscall-only windows): reusing the thread saves
    /// creating one per namespace entry, which cost about a third of creating a namespace.
    /// </summary>
    public static T RunOnWorker<T>(Func<T> work) => Workers[0].Value.Run(work);

    /// <summary>How many long-lived workers there are: one per processor, at most four.</summary>
    public static int WorkerCount => Workers.Length;

    /// <summary>
    /// Queues <paramref name="work"/> on worker <paramref name="lane"/> (0 to <see cref="WorkerCount"/> - 1)
    /// and returns at once; the same rule as <see cref="RunOnWorker{T}"/>. Work on different lanes
    /// runs in parallel, work on one lane in order.
    /// </summary>
    public static Task<T> QueueOnWorker<T>(int lane, Func<T> work) => Workers[lane].Value.Queue(work);

    private static readonly Lazy<WorkerThread>[] Workers = Enumerable.Range(0, Math.Clamp(Environment.ProcessorCount, 1, 4))
        .Select(number => new Lazy<WorkerThread>(() => new WorkerThread(number))).ToArray();

    /// <summary>A background thread that runs queued items one at a time.</summary>
    private sealed class WorkerThread
    {
        private readonly System.Collections.Concurrent.BlockingCollection<Action> _queue = new();

        public WorkerThread(int number)
        {
            var thread = new Thread(() =>
            {
                foreach (Action item in _queue.GetConsumingEnumerable())
                    item();
            }, StackSize)
            {
                IsBackground = true,
                Name = number == 0 ? "ContainerNet namespace worker (shared)" : $"ContainerNet namespace worker {number}",
            };
            thread.Start();
        }

        public T Run<T>(Func<T> work)
        {
            T result = default!;
            ExceptionDispatchInfo? failure = null;
            using var done = new ManualResetEventSlim();
            _queue.Add(() =>
            {
                try { result = work(); }
                catch (Exception ex) { failure = ExceptionDispatchInfo.Capture(ex); }
                finally { done.Set(); }
            });
            done.Wait();
            failure?.Throw();
            return result;
        }

        public Task<T> Queue<T>(Func<T> work)
        {
            // Continuations run elsewhere: nothing else may run on this thread between items.
            var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _queue.Add(() =>
            {
                try { completion.SetResult(work()); }
                catch (Exception ex) { completion.SetException(ex); }
            });
            return completion.Task;
        }
    }

    /// <summary>EINVAL from setns: the file is no network namespace (a stale file left in /run/netns).</summary>
    private static ContainerNetException CannotEnter(int errno, string namespaceName) => errno == LibC.EINVAL
        ? new ContainerNetException("NamespaceNotFound", ErrorKind.ObjectNotFound, namespaceName,
            $"'{namespaceName}' is not a live network namespace: its file in /run/netns is not a namespace mount (left over from a crash?). Remove it with Remove-NetNamespace -Name {namespaceName} and create it again.",
            null, errno)
        : KernelErrors.FromErrno(errno, $"enter namespace '{namespaceName}'", namespaceName, "NamespaceNotFound");

    private static int OpenOrThrow(string path, string namespaceName)
    {
        int error = Syscall.Open(path, LibC.O_RDONLY, out int fd);
        if (error != 0)
            throw KernelErrors.FromErrno(error, $"open {path}", namespaceName, "NamespaceNotFound");
        return fd;
    }

    /// <summary>A thread that cannot get back must not run anything else: end the process rather than leak it.</summary>
    private static void ReturnHome(int homeFd, int type)
    {
        int error = Syscall.SetNamespace(homeFd, type);
        if (error != 0)
            Environment.FailFast($"ContainerNet could not return a worker thread to its own namespace (errno {error}).");
    }
}
