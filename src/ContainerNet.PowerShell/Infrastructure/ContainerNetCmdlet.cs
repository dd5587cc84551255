using System.Management.Automation;
using ContainerNet.Core.Errors;

namespace ContainerNet.Commands.Infrastructure;

/// <summary>
/// Base of every ContainerNet cmdlet: turns Core failures into ErrorRecords with a stable ErrorId,
/// the matching category, the target and the kernel's errno/extack kept on the exception.
/// </summary>
public abstract class ContainerNetCmdlet : PSCmdlet, IDisposable
{
    private IDisposable? _socketLease;

    /// <summary>
    /// Sockets opened inside namespaces are shared while any ContainerNet command runs and closed when
    /// the last one ends, so they never pin a namespace that someone removes later.
    /// PowerShell disposes every cmdlet of a pipeline when it ends, also after errors or Ctrl+C.
    /// </summary>
    protected override void BeginProcessing() => _socketLease ??= ContainerNetSession.Connections.Acquire();

    public void Dispose()
    {
        _socketLease?.Dispose();
        _socketLease = null;
    }

    /// <summary>Reports one failed item and lets the pipeline go on (per-item failures).</summary>
    protected void WriteFailure(ContainerNetException failure) => WriteError(ToErrorRecord(failure));

    /// <summary>Stops the command (the call cannot go on).</summary>
    protected void ThrowFailure(ContainerNetException failure) => ThrowTerminatingError(ToErrorRecord(failure));

    /// <summary>Runs one item's work; a Core failure becomes a non-terminating error for that item.</summary>
    protected bool TryRun(Action work)
    {
        try
        {
            work();
            return true;
        }
        catch (ContainerNetException failure)
        {
            WriteFailure(failure);
            return false;
        }
    }

    internal static ErrorRecord ToErrorRecord(ContainerNetException failure)
    {
        var record = new ErrorRecord(failure, failure.ErrorId, ToCategory(failure.Kind), failure.Target);
        string? action = failure.RecommendedAction ?? (failure.Kind == ErrorKind.PermissionDenied ? KernelErrors.PermissionHint : null);
        if (action is not null)
            record.ErrorDetails = new ErrorDetails(failure.Message) { RecommendedAction = action };
        return record;
    }

    private static ErrorCategory ToCategory(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
        ErrorKind.ObjectNotFound => ErrorCategory.ObjectNotFound,
        ErrorKind.ResourceExists => ErrorCategory.ResourceExists,
        ErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
        ErrorKind.ResourceBusy => ErrorCategory.ResourceBusy,
        ErrorKind.OperationTimeout => ErrorCategory.OperationTimeout,
        _ => ErrorCategory.InvalidOperation,
    };
}
