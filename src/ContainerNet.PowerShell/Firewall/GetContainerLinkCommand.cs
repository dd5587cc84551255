using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Firewall;

namespace ContainerNet.Commands;

/// <summary>Lists link exceptions, read from the kernel's nf_tables sets.</summary>
[Cmdlet(VerbsCommon.Get, "ContainerLink")]
[OutputType(typeof(ContainerLink))]
public sealed class GetContainerLinkCommand : ContainerNetCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? Source { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Destination { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    protected override void ProcessRecord() => TryRun(() =>
        WriteObject(ContainerNetSession.Firewall.ListLinks(Namespace)
            .Where(l => string.IsNullOrEmpty(Source) || l.Source == Source)
            .Where(l => string.IsNullOrEmpty(Destination) || l.Destination == Destination), enumerateCollection: true));
}
