using System.Management.Automation;
using ContainerNet.Commands.Firewall;
using ContainerNet.Core.Firewall;

namespace ContainerNet.Commands;

/// <summary>Containers on the bridge can reach each other again (icc on, the default).</summary>
[Cmdlet(VerbsLifecycle.Enable, "InterContainerTraffic", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(BridgeIsolation))]
public sealed class EnableInterContainerTrafficCommand : InterContainerTrafficCommandBase
{
    protected override bool Allowed => true;
}
