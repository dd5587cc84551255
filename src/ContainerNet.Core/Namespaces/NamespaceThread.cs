using System.Runtime.ExceptionServices;
using ContainerNet.Core.Errors;
using ContainerNet.Core.Native;
using Tmds.Linux;

namespace ContainerNet.Core.Namespaces;

/// <summary>
/// Runs work on a fresh OS thread that has entered another network namespace. setns(2) and
/// unshare(CLONE_NEWNET) change only the calling thread, so the PowerShell pipeline thread and the
/// thread pool never leave the caller's namespace. Sockets opened inside stay bound to that
/// namespace after the thread ends.
/// </summary>
internal static class NamespaceThread
{
    private const int StackSize = 256 * 1024;

    /// <summary>Enters the namespace behind <paramref name="namespaceFd"/>, runs <paramref name="work"/>, and returns its result.</summary>
    public static T Run<T>(int namespaceFd, Func<T> work, string namespaceName) =>
        RunOnThread(() =>
        {
            int error = Syscall.SetNamespace(namespaceFd, LibC.CLONE_NEWNET);
            if (error != 0)
                throw KernelErrors.FromErrno(error, $"enter namespace '{namespaceName}'", namespaceName, "NamespaceNotFound");
            return work();
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
}
