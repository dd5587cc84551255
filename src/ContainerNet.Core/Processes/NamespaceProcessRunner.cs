using System.Diagnostics;
using ContainerNet.Core.Errors;
using ContainerNet.Core.Namespaces;
using ContainerNet.Core.Native;
using Tmds.Linux;

namespace ContainerNet.Core.Processes;

/// <summary>
/// Runs a program inside a named namespace the way `ip netns exec` does: the child joins the network
/// namespace and gets a private mount namespace in which /etc/netns/NAME/* (hosts, resolv.conf) are
/// bind-mounted over /etc/* and /sys shows the namespace's own devices. All of that is done on a
/// throwaway thread that then starts the child, which inherits that thread's namespaces; the caller's
/// threads never change namespace.
/// </summary>
public sealed class NamespaceProcessRunner
{
    public const string EtcNetnsDirectory = "/etc/netns";

    private readonly NamespaceRegistry _registry;

    public NamespaceProcessRunner(NamespaceRegistry registry) => _registry = registry;

    public NetNamespaceProcessResult Run(string namespaceName, string filePath, IReadOnlyList<string> arguments,
        TimeSpan? timeout = null, CancellationToken cancellation = default, string? workingDirectory = null)
    {
        if (string.IsNullOrWhiteSpace(filePath))
            throw new ContainerNetException("InvalidFilePath", ErrorKind.InvalidArgument, filePath,
                "No program was given. Pass -FilePath with a program name on PATH or a full path, e.g. -FilePath ping.");
        int fd = _registry.OpenHandle(namespaceName);
        Process process;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            process = NamespaceThread.RunInsideWithPrivateMounts(fd, namespaceName, () =>
            {
                PrepareMounts(namespaceName);
                return Start(filePath, arguments, workingDirectory);
            });
        }
        finally
        {
            Syscall.Close(fd);
        }

        using (process)
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            bool exited = WaitForExit(process, timeout, cancellation);
            if (!exited)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                process.WaitForExit();
            }
            Task.WaitAll(stdout, stderr);
            return new NetNamespaceProcessResult
            {
                Namespace = namespaceName,
                FilePath = filePath,
                ProcessId = process.Id,
                ExitCode = process.ExitCode,
                StandardOutput = stdout.Result,
                StandardError = stderr.Result,
                Duration = stopwatch.Elapsed,
                TimedOut = !exited,
            };
        }
    }

    private static bool WaitForExit(Process process, TimeSpan? timeout, CancellationToken cancellation)
    {
        var deadline = timeout is { } t ? DateTime.UtcNow + t : DateTime.MaxValue;
        while (!process.WaitForExit(100))
        {
            if (cancellation.IsCancellationRequested || DateTime.UtcNow >= deadline)
                return false;
        }
        process.WaitForExit(); // flush the asynchronous output readers
        return true;
    }

    private static Process Start(string filePath, IReadOnlyList<string> arguments, string? workingDirectory)
    {
        var startInfo = new ProcessStartInfo(filePath)
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
            startInfo.ArgumentList.Add(argument);
        try
        {
            return Process.Start(startInfo) ?? throw new InvalidOperationException("Process.Start returned no process.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new ContainerNetException("ProgramNotFound", ErrorKind.ObjectNotFound, filePath,
                $"Cannot start '{filePath}': {ex.Message}. Give a program on PATH or its full path.", ex, ex.NativeErrorCode);
        }
    }

    /// <summary>On the worker thread, in its private mount namespace: the namespace's /etc files and /sys.</summary>
    private static void PrepareMounts(string namespaceName)
    {
        // Mounts made below must not propagate back to the caller's mount namespace.
        int error = Syscall.Mount("", "/", "none", (ulong)(LibC.MS_SLAVE | LibC.MS_REC));
        if (error != 0)
            throw KernelErrors.FromErrno(error, $"prepare a mount namespace for '{namespaceName}'", namespaceName, "NamespaceNotFound");

        // A sysfs mounted from inside the network namespace lists its own devices (as ip netns exec does).
        if (Syscall.Unmount("/sys", LibC.MNT_DETACH) == 0)
            Syscall.Mount(namespaceName, "/sys", "sysfs", 0);

        string etcDirectory = Path.Combine(EtcNetnsDirectory, namespaceName);
        if (!Directory.Exists(etcDirectory))
            return;
        foreach (string source in Directory.EnumerateFileSystemEntries(etcDirectory))
        {
            string target = Path.Combine("/etc", Path.GetFileName(source));
            if (!File.Exists(target) && !Directory.Exists(target))
                continue;
            error = Syscall.Mount(source, target, "none", (ulong)LibC.MS_BIND);
            if (error != 0)
                throw KernelErrors.FromErrno(error, $"bind {source} on {target}", namespaceName, "NamespaceNotFound");
        }
    }
}
