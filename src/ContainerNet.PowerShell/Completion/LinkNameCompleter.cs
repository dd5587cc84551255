using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Errors;

namespace ContainerNet.Commands.Completion;

/// <summary>Completes link names of the namespace already bound on the command line (-Namespace), or the host's.</summary>
public sealed class LinkNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
        string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string? namespaceName = fakeBoundParameters["Namespace"] as string;
        WildcardPattern pattern = CompletionText.PatternFor(wordToComplete);
        try
        {
            using IDisposable lease = ContainerNetSession.Connections.Acquire(); // close the socket afterwards
            return ContainerNetSession.Links.List(namespaceName)
                .Where(link => pattern.IsMatch(link.Name))
                .Select(link => CompletionText.Result(link.Name, $"{link.Kind} {link.Name} ({link.State})"))
                .ToList();
        }
        catch (ContainerNetException)
        {
            return Array.Empty<CompletionResult>(); // unknown namespace typed so far: nothing to offer
        }
    }
}
