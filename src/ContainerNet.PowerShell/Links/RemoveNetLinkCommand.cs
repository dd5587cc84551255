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

    // Links already removed in this pipeline as the other end of a veth: (namespace, name).
    private readonly HashSet<(string, string)> _removedAlong = new();

    protected override void ProcessRecord()
    {
        foreach (string name in Name)
        {
            if (_removedAlong.Remove((Namespace ?? "", name)))
            {
                WriteVerbose($"Link '{name}' was already removed as the other end of a veth pair.");
                continue;
            }
            if (!ShouldProcess($"link '{name}' in {LinkOperations.Describe(Namespace)}", "Remove"))
                continue;
            TryRun(() =>
            {
                foreach (string peer in ContainerNetSession.Links.Remove(Namespace, name))
                    _removedAlong.Add((Namespace ?? "", peer));
            });
        }
    }
}
