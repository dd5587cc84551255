using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Errors;
using ContainerNet.Core.Namespaces;

namespace ContainerNet.Commands;

/// <summary>
/// Creates named network namespaces (`ip netns add`), with their loopback up. Several names in one
/// -Name are made in the background, one per processor at a time, and written out in their order as
/// each is ready: the next command in the pipeline works on the first while the rest are made.
/// </summary>
[Cmdlet(VerbsCommon.New, "NetNamespace", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(NetNamespace))]
public sealed class NewNetNamespaceCommand : ContainerNetCmdlet
{
    private CancellationTokenSource _stopping = new();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string[] Name { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        var approved = Name.Where(name => ShouldProcess($"namespace '{name}'", "Create")).ToList();
        if (approved.Count == 1)
            TryRun(() => WriteObject(ContainerNetSession.Connections.CreateNamespace(approved[0])));
        else if (approved.Count > 1)
        {
            try
            {
                WriteInOrder(ContainerNetSession.Connections.StartCreatingNamespaces(approved, _stopping.Token));
            }
            finally
            {
                // When a later command stops the pipeline early (Select-Object -First), the names not
                // started yet are not made behind the user's back. The next input gets a fresh token.
                _stopping.Cancel();
                _stopping = new CancellationTokenSource();
            }
        }
    }

    /// <summary>Ctrl+C: names not started yet are not created.</summary>
    protected override void StopProcessing() => _stopping.Cancel();

    private void WriteInOrder(IReadOnlyList<Task<NetNamespace>> creations)
    {
        foreach (Task<NetNamespace> creation in creations)
        {
            NetNamespace created;
            try
            {
                created = creation.GetAwaiter().GetResult();
            }
            catch (ContainerNetException failure)
            {
                WriteFailure(failure);
                continue;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            WriteObject(created);
        }
    }
}
