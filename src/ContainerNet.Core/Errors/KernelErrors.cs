using ContainerNet.Netlink.Errors;
using Tmds.Linux;

namespace ContainerNet.Core.Errors;

/// <summary>Turns an errno from the kernel into a <see cref="ContainerNetException"/> a person can act on.</summary>
public static class KernelErrors
{
    public const string PermissionHint = "This needs root or the CAP_NET_ADMIN capability (and CAP_SYS_ADMIN for namespaces): run pwsh as root, e.g. with sudo.";

    /// <param name="action">What was asked, as a phrase: "create veth pair 'v1'".</param>
    /// <param name="notFoundId">ErrorId to use when the kernel says the object does not exist (ENODEV/ENOENT).</param>
    /// <param name="existsId">ErrorId to use for EEXIST.</param>
    public static ContainerNetException Translate(NetlinkException error, string action, object? target,
        string notFoundId = "LinkNotFound", string existsId = "LinkExists")
    {
        int errno = error.Errno;
        string kernel = string.IsNullOrEmpty(error.KernelMessage) ? "" : $" The kernel said: {error.KernelMessage}.";
        string described = NetlinkException.Describe(errno);
        (string id, ErrorKind kind, string advice) = errno switch
        {
            _ when errno == LibC.EPERM || errno == LibC.EACCES => ("PermissionDenied", ErrorKind.PermissionDenied, PermissionHint),
            _ when errno == LibC.EEXIST => (existsId, ErrorKind.ResourceExists, "Choose another name or remove the existing object first."),
            _ when errno == LibC.ENODEV || errno == LibC.ENOENT => (notFoundId, ErrorKind.ObjectNotFound, "Check the name with Get-NetLink or Get-NetNamespace."),
            _ when errno == LibC.EBUSY => ("ResourceBusy", ErrorKind.ResourceBusy, "The object is in use; release it first."),
            _ when errno == LibC.ERANGE || errno == LibC.EINVAL => ("InvalidKernelArgument", ErrorKind.InvalidArgument, "Check the values passed against the kernel's limits."),
            _ when errno == LibC.EOPNOTSUPP => ("NotSupported", ErrorKind.InvalidOperation, "This kernel or link type does not support the operation."),
            _ when errno == LibC.ETIMEDOUT => ("KernelTimeout", ErrorKind.OperationTimeout, "The kernel did not answer; try again."),
            _ => ("KernelError", ErrorKind.InvalidOperation, "See the kernel's message for the cause."),
        };
        return new ContainerNetException(id, kind, target,
            $"Cannot {action}: {described}.{kernel} {advice}", error, errno, error.KernelMessage);
    }

    /// <summary>For plain syscalls (mount, setns, open) that report errno directly.</summary>
    public static ContainerNetException FromErrno(int errno, string action, object? target,
        string notFoundId, string existsId = "ResourceExists") =>
        Translate(new NetlinkException(errno, $"{action} failed."), action, target, notFoundId, existsId);
}
