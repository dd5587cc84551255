using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using ContainerNet.Commands.Infrastructure;

namespace ContainerNet.Commands.Completion;

/// <summary>Completes names of bridges in the namespace already bound on the command line (-Namespace), or the host's.</summary>
public sealed class BridgeNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
        string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string? namespaceName = fakeBoundParameters["Namespace"] as string;
        using IDisposable lease = ContainerNetSession.Connections.Acquire(); // close the socket afterwards
        return CompletionText.Offer(wordToComplete, () => ContainerNetSession.Links.List(namespaceName).Where(link => link.Kind == "bridge"),
            link => link.Name, link => $"bridge {link.Name} ({link.State})");
    }
}
