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
                // Case-sensitive, as network names are (web and Web are two networks).
                var matches = networks.Where(n => Matches(name, n.Name)).ToList();
                if (matches.Count == 0 && name.IndexOfAny(new[] { '*', '?' }) < 0)
                    WriteFailure(NetworkOperations.NotFound(name));
                WriteObject(matches, enumerateCollection: true);
            }
        });
    }

    /// <summary>A wildcard match; a pattern that is not a valid wildcard ("[bp") is compared literally.</summary>
    private static bool Matches(string pattern, string name)
    {
        try
        {
            return WildcardPattern.Get(pattern, WildcardOptions.None).IsMatch(name);
        }
        catch (WildcardPatternException)
        {
            return string.Equals(pattern, name, StringComparison.Ordinal);
        }
    }
}
