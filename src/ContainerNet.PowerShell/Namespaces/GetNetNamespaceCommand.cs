using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Namespaces;

namespace ContainerNet.Commands;

/// <summary>Lists named network namespaces: ContainerNet's and those made by `ip netns add` alike.</summary>
[Cmdlet(VerbsCommon.Get, "NetNamespace")]
[OutputType(typeof(NetNamespace))]
public sealed class GetNetNamespaceCommand : ContainerNetCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string[]? Name { get; set; }

    protected override void ProcessRecord()
    {
        IReadOnlyList<NetNamespace> all = ContainerNetSession.Registry.List();
        if (Name is null || Name.Length == 0)
        {
            WriteObject(all, enumerateCollection: true);
            return;
        }

        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in Name)
        {
            var pattern = WildcardPattern.Get(name, WildcardOptions.None);
            var matches = all.Where(ns => pattern.IsMatch(ns.Name)).ToList();
            if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
            {
                WriteFailure(NamespaceName.IsValid(name) ? NamespaceRegistry.NotFound(name) : InvalidName(name));
                continue;
            }
            foreach (NetNamespace ns in matches.Where(ns => written.Add(ns.Name)))
                WriteObject(ns);
        }
    }

    private static Core.Errors.ContainerNetException InvalidName(string name)
    {
        try
        {
            NamespaceName.Validate(name);
        }
        catch (Core.Errors.ContainerNetException invalid)
        {
            return invalid;
        }
        return NamespaceRegistry.NotFound(name);
    }
}
