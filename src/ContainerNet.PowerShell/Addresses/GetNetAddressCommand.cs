using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Addresses;
using ContainerNet.Core.Addressing;

namespace ContainerNet.Commands;

/// <summary>Lists IP addresses (`ip addr show`), read from the kernel.</summary>
[Cmdlet(VerbsCommon.Get, "NetAddress")]
[OutputType(typeof(NetAddress))]
public sealed class GetNetAddressCommand : ContainerNetCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(Completion.LinkNameCompleter))]
    public string? Interface { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    [Parameter]
    public IPFamily? Family { get; set; }

    protected override void ProcessRecord() =>
        TryRun(() => WriteObject(ContainerNetSession.Addresses.List(Namespace, string.IsNullOrEmpty(Interface) ? null : Interface, Family), enumerateCollection: true));
}
