using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Commands.Routes;
using ContainerNet.Core.Links;
using ContainerNet.Core.Routes;

namespace ContainerNet.Commands;

/// <summary>Adds a route to the main table (`ip route add`), e.g. a container's default route via its bridge.</summary>
[Cmdlet(VerbsCommon.Add, "NetRoute", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = DestinationSet)]
[OutputType(typeof(NetRoute))]
public sealed class AddNetRouteCommand : RouteCommandBase
{
    protected override void ProcessRecord()
    {
        string via = Gateway is null ? "" : $" via {Gateway}";
        if (!ShouldProcess($"route to {Shown}{via} in {LinkOperations.Describe(Namespace)}", "Add"))
            return;
        TryRun(() => WriteObject(ContainerNetSession.Routes.Add(Namespace, Spec)));
    }
}
