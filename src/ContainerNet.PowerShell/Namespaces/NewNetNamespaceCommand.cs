using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Namespaces;

namespace ContainerNet.Commands;

/// <summary>Creates named network namespaces (`ip netns add`), with their loopback up.</summary>
[Cmdlet(VerbsCommon.New, "NetNamespace", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(NetNamespace))]
public sealed class NewNetNamespaceCommand : ContainerNetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string[] Name { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        foreach (string name in Name)
        {
            if (!ShouldProcess($"namespace '{name}'", "Create"))
                continue;
            TryRun(() => WriteObject(ContainerNetSession.Connections.CreateNamespace(name)));
        }
    }
}
