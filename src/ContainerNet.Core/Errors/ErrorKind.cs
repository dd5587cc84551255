namespace ContainerNet.Core.Errors;

/// <summary>Why an operation failed; the PowerShell layer maps each to an ErrorCategory of the same name.</summary>
public enum ErrorKind
{
    InvalidArgument,
    ObjectNotFound,
    ResourceExists,
    PermissionDenied,
    ResourceBusy,
    InvalidOperation,
    OperationTimeout,
}
