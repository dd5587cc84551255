using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using ContainerNet.Commands.Infrastructure;

namespace ContainerNet.Commands.Completion;

/// <summary>Completes names of Docker-style networks from the state directory.</summary>
public sealed class NetworkNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
        string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        return CompletionText.Offer(wordToComplete, () => ContainerNetSession.Networks.List(),
            network => network.Name, network => $"network {network.Name} ({network.Subnet}, {network.Endpoints.Count} endpoints)");
    }
}
