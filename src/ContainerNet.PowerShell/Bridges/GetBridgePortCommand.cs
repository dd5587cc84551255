using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Bridges;

namespace ContainerNet.Commands;

/// <summary>Lists bridge ports and their options (`bridge link show`), read from the kernel.</summary>
[Cmdlet(VerbsCommon.Get, "BridgePort")]
[OutputType(typeof(BridgePort))]
public sealed class GetBridgePortCommand : ContainerNetCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(Completion.BridgeNameCompleter))]
    public string? Bridge { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    [Parameter]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(Completion.LinkNameCompleter))]
    public string[]? Interface { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            var patterns = Interface?.Select(i => WildcardPattern.Get(i, WildcardOptions.None)).ToList();
            foreach (BridgePort port in ContainerNetSession.Bridges.ListPorts(Namespace, string.IsNullOrEmpty(Bridge) ? null : Bridge))
            {
                if (patterns is null || patterns.Any(p => p.IsMatch(port.Interface)))
                    WriteObject(port);
            }
        });
    }
}
