namespace ContainerNet.Core.Errors;

/// <summary>
/// A failure a user can act on: a stable <see cref="ErrorId"/> naming the reason (LinkNotFound,
/// InvalidNamespaceName), its <see cref="Kind"/>, the object it concerns, and, when the kernel said
/// no, its errno and extack text.
/// </summary>
public class ContainerNetException : Exception
{
    public ContainerNetException(string errorId, ErrorKind kind, object? target, string message,
        Exception? innerException = null, int errno = 0, string? kernelMessage = null)
        : base(message, innerException)
    {
        ErrorId = errorId;
        Kind = kind;
        Target = target;
        Errno = errno;
        KernelMessage = kernelMessage;
    }

    public string ErrorId { get; }
    public ErrorKind Kind { get; }
    public object? Target { get; }

    /// <summary>errno from the kernel, 0 when the failure was found before asking it.</summary>
    public int Errno { get; }

    public string? KernelMessage { get; }

    /// <summary>What to do about it, when that is more specific than the message (shown as the ErrorRecord's RecommendedAction).</summary>
    public string? RecommendedAction { get; init; }

    /// <summary>The failure a check throws, or null when it passes: for batches that report each item on its own.</summary>
    public static ContainerNetException? FromCheck(Action check)
    {
        try
        {
            check();
            return null;
        }
        catch (ContainerNetException failure)
        {
            return failure;
        }
    }
}
