using System.Management.Automation;
using ContainerNet.Commands.Firewall;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Links;

namespace ContainerNet.Commands;

/// <summary>Removes a link exception; takes ContainerLink objects from the pipeline.</summary>
[Cmdlet(VerbsCommon.Remove, "ContainerLink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
public sealed class RemoveContainerLinkCommand : ContainerLinkCommandBase
{
    protected override void ProcessRecord()
    {
        if (!ShouldProcess($"{Shown} in {LinkOperations.Describe(Namespace)}", "Remove the link"))
            return;
        TryRun(() => ContainerNetSession.Firewall.RemoveLink(Namespace, Source, Destination, Protocol, Port));
    }
}
