using System.Management.Automation;
using ContainerNet.Commands.Forwarding;
using ContainerNet.Core.Forwarding;

namespace ContainerNet.Commands;

/// <summary>Turns off IP forwarding in a namespace.</summary>
[Cmdlet(VerbsLifecycle.Disable, "IPForwarding", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ForwardingState))]
public sealed class DisableIPForwardingCommand : ForwardingCommandBase
{
    protected override bool Enabled => false;
}
