using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Links;

namespace ContainerNet.Commands;

/// <summary>Lists the links of a namespace (`ip link show`), read from the kernel.</summary>
[Cmdlet(VerbsCommon.Get, "NetLink")]
[OutputType(typeof(NetLink))]
public sealed class GetNetLinkCommand : ContainerNetCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(Completion.LinkNameCompleter))]
    public string[]? Name { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    /// <summary>Only links of these kinds: veth, bridge, loopback, device, ...</summary>
    [Parameter]
    public string[]? Kind { get; set; }

    private bool OfKind(NetLink link) => Kind is not { Length: > 0 } || Kind.Contains(link.Kind, StringComparer.OrdinalIgnoreCase);

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            var list = ContainerNetSession.Links.List(Namespace).ToList();
            if (Name is null || Name.Length == 0)
            {
                WriteObject(list.Where(OfKind), enumerateCollection: true);
                return;
            }
            var written = new HashSet<int>();
            foreach (string name in Name)
            {
                var pattern = WildcardPattern.Get(name, WildcardOptions.None);
                var matches = list.Where(l => pattern.IsMatch(l.Name)).ToList();
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                {
                    TryRun(() => LinkName.Validate(name));
                    if (LinkName.IsValid(name, out _))
                        WriteFailure(LinkOperations.LinkNotFound(Namespace, name));
                    continue;
                }
                foreach (NetLink link in matches.Where(OfKind).Where(l => written.Add(l.Index)))
                    WriteObject(link);
            }
        });
    }
}
