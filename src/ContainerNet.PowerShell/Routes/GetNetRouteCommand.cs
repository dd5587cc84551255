using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Addressing;
using ContainerNet.Core.Routes;

namespace ContainerNet.Commands;

/// <summary>Lists the routes of the main table (`ip route show`, `ip -6 route show`), read from the kernel.</summary>
[Cmdlet(VerbsCommon.Get, "NetRoute")]
[OutputType(typeof(NetRoute))]
public sealed class GetNetRouteCommand : ContainerNetCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    [Parameter]
    public IPFamily? Family { get; set; }

    /// <summary>Only routes out of this interface.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(Completion.LinkNameCompleter))]
    public string? Interface { get; set; }

    /// <summary>Only default routes.</summary>
    [Parameter]
    public SwitchParameter Default { get; set; }

    protected override void ProcessRecord() => TryRun(() =>
    {
        if (!string.IsNullOrEmpty(Interface))
            ContainerNetSession.Links.Get(Namespace, Interface); // LinkNotFound for a name that does not exist
        WriteObject(ContainerNetSession.Routes.List(Namespace, Family)
            .Where(r => string.IsNullOrEmpty(Interface) || r.Interface == Interface)
            .Where(r => !Default || r.IsDefault), enumerateCollection: true);
    });
}
