using System.Runtime.InteropServices;

namespace ContainerNet.Netlink.Errors;

/// <summary>
/// A failed netlink request: the errno the kernel returned and, where it sent one, its extended ack
/// text (extack), which usually names the exact cause ("Invalid MTU", "Link not found").
/// </summary>
public class NetlinkException : Exception
{
    public NetlinkException(int errno, string message, string? kernelMessage = null, ushort requestType = 0, uint sequence = 0)
        : base(Compose(message, kernelMessage))
    {
        Errno = errno;
        KernelMessage = kernelMessage;
        RequestType = requestType;
        Sequence = sequence;
    }

    /// <summary>Positive errno value (EEXIST = 17, ENODEV = 19, ...).</summary>
    public int Errno { get; }

    /// <summary>The kernel's NLMSGERR_ATTR_MSG text, when present.</summary>
    public string? KernelMessage { get; }

    /// <summary>nlmsg_type of the request that failed.</summary>
    public ushort RequestType { get; }

    /// <summary>nlmsg_seq of the request that failed, to map pipelined failures back.</summary>
    public uint Sequence { get; }

    public string ErrnoDescription => Describe(Errno);

    public static NetlinkException FromErrno(int errno, string operation) =>
        new(errno, $"{operation} failed: {Describe(errno)}.");

    public static string Describe(int errno) => $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})";

    private static string Compose(string message, string? kernelMessage) =>
        string.IsNullOrEmpty(kernelMessage) ? message : $"{message} Kernel: {kernelMessage}.";
}
