using System.Management.Automation;
using ContainerNet.Commands.Forwarding;
using ContainerNet.Core.Forwarding;

namespace ContainerNet.Commands;

/// <summary>Turns on IP forwarding in a namespace, so it routes between its interfaces (what a Docker host needs).</summary>
[Cmdlet(VerbsLifecycle.Enable, "IPForwarding", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ForwardingState))]
public sealed class EnableIPForwardingCommand : ForwardingCommandBase
{
    protected override bool Enabled => true;
}
