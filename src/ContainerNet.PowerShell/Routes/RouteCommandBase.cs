using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Addressing;
using ContainerNet.Core.Routes;

namespace ContainerNet.Commands.Routes;

/// <summary>The parameters Add-NetRoute and Remove-NetRoute share: one route, as `ip route` takes it.</summary>
public abstract class RouteCommandBase : ContainerNetCmdlet
{
    protected const string DestinationSet = "Destination";
    protected const string DefaultSet = "Default";

    /// <summary>The destination network, e.g. 10.1.0.0/16 (host bits must be zero).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = DestinationSet, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [IPPrefixTransformation]
    public string Destination { get; set; } = "";

    /// <summary>The default route (0.0.0.0/0, or ::/0 for an IPv6 gateway or -Family IPv6).</summary>
    [Parameter(Mandatory = true, ParameterSetName = DefaultSet)]
    public SwitchParameter Default { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Gateway { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.LinkNameCompleter))]
    public string? Interface { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public uint? Metric { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    [Parameter]
    public IPFamily? Family { get; set; }

    protected RouteSpec Spec => new()
    {
        Destination = Default ? null : Destination,
        IsDefault = Default,
        Gateway = string.IsNullOrEmpty(Gateway) ? null : Gateway,
        Interface = string.IsNullOrEmpty(Interface) ? null : Interface,
        Metric = Metric,
        Family = Family,
    };

    protected string Shown => Default ? "default" : Destination;
}
