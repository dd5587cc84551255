using System.Management.Automation;
using ContainerNet.Commands.Firewall;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Firewall;
using ContainerNet.Core.Links;

namespace ContainerNet.Commands;

/// <summary>Lets one container open connections to another despite icc off or isolation (Docker's --link), optionally to one port.</summary>
[Cmdlet(VerbsCommon.Add, "ContainerLink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ContainerLink))]
public sealed class AddContainerLinkCommand : ContainerLinkCommandBase
{
    protected override void ProcessRecord()
    {
        if (!ShouldProcess($"{Shown} in {LinkOperations.Describe(Namespace)}", "Allow connections"))
            return;
        TryRun(() => WriteObject(ContainerNetSession.Firewall.AddLink(Namespace, Source, Destination, Protocol, Port)));
    }
}
