using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Errors;
using ContainerNet.Core.Networks;

namespace ContainerNet.Commands;

/// <summary>Shows networks and their endpoints (`docker network ls` / `inspect`), from the state.</summary>
[Cmdlet(VerbsCommon.Get, "ContainerNetwork")]
[OutputType(typeof(ContainerNetwork))]
public sealed class GetContainerNetworkCommand : ContainerNetCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NetworkNameCompleter))]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            IReadOnlyList<ContainerNetwork> networks = ContainerNetSession.Networks.List();
            if (Name is null || Name.Length == 0)
            {
                WriteObject(networks, enumerateCollection: true);
                return;
            }
            foreach (string name in Name)
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                var matches = networks.Where(n => pattern.IsMatch(n.Name)).ToList();
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                    WriteFailure(NetworkOperations.NotFound(name));
                WriteObject(matches, enumerateCollection: true);
            }
        });
    }
}
