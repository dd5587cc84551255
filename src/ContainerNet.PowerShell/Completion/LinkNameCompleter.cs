using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using ContainerNet.Commands.Infrastructure;

namespace ContainerNet.Commands.Completion;

/// <summary>Completes link names of the namespace already bound on the command line (-Namespace), or the host's.</summary>
public sealed class LinkNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
        string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string? namespaceName = fakeBoundParameters["Namespace"] as string;
        using IDisposable lease = ContainerNetSession.Connections.Acquire(); // close the socket afterwards
        return CompletionText.Offer(wordToComplete, () => ContainerNetSession.Links.List(namespaceName),
            link => link.Name, link => $"{link.Kind} {link.Name} ({link.State})");
    }
}
