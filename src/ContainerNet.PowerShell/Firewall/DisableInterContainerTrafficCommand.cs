using System.Management.Automation;
using ContainerNet.Commands.Firewall;
using ContainerNet.Core.Firewall;

namespace ContainerNet.Commands;

/// <summary>Containers on the bridge can no longer reach each other (Docker's icc=false); the gateway and the outside stay reachable.</summary>
[Cmdlet(VerbsLifecycle.Disable, "InterContainerTraffic", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(BridgeIsolation))]
public sealed class DisableInterContainerTrafficCommand : InterContainerTrafficCommandBase
{
    protected override bool Allowed => false;
}
