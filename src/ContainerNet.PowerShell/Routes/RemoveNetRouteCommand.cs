using System.Management.Automation;
using ContainerNet.Commands.Routes;
using ContainerNet.Core.Links;

namespace ContainerNet.Commands;

/// <summary>Removes a route from the main table (`ip route del`); takes NetRoute objects from the pipeline.</summary>
[Cmdlet(VerbsCommon.Remove, "NetRoute", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DestinationSet)]
public sealed class RemoveNetRouteCommand : RouteCommandBase
{
    protected override void ProcessRecord()
    {
        string via = Gateway is null ? "" : $" via {Gateway}";
        if (!ShouldProcess($"route to {Shown}{via} in {LinkOperations.Describe(Namespace)}", "Remove"))
            return;
        TryRun(() => Infrastructure.ContainerNetSession.Routes.Remove(Namespace, Spec));
    }
}
