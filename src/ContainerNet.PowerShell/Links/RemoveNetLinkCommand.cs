using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Links;

namespace ContainerNet.Commands;

/// <summary>Deletes links (`ip link del`). Deleting one end of a veth pair deletes both.</summary>
[Cmdlet(VerbsCommon.Remove, "NetLink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
public sealed class RemoveNetLinkCommand : ContainerNetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(Completion.LinkNameCompleter))]
    public string[] Name { get; set; } = Array.Empty<string>();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    protected override void ProcessRecord()
    {
        foreach (string name in Name)
        {
            if (!ShouldProcess($"link '{name}' in {LinkOperations.Describe(Namespace)}", "Remove"))
                continue;
            TryRun(() => ContainerNetSession.Links.Remove(Namespace, name));
        }
    }
}
