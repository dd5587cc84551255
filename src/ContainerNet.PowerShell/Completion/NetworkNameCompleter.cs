using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Errors;

namespace ContainerNet.Commands.Completion;

/// <summary>Completes names of Docker-style networks from the state directory.</summary>
public sealed class NetworkNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
        string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        WildcardPattern pattern = CompletionText.PatternFor(wordToComplete);
        try
        {
            return ContainerNetSession.Networks.List()
                .Where(network => pattern.IsMatch(network.Name))
                .Select(network => CompletionText.Result(network.Name, $"network {network.Name} ({network.Subnet}, {network.Endpoints.Count} endpoints)"))
                .ToList();
        }
        catch (ContainerNetException)
        {
            return Array.Empty<CompletionResult>();
        }
    }
}
