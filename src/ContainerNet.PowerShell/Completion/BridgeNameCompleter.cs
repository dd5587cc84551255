using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Errors;

namespace ContainerNet.Commands.Completion;

/// <summary>Completes names of bridges in the namespace already bound on the command line (-Namespace), or the host's.</summary>
public sealed class BridgeNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
        string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string? namespaceName = fakeBoundParameters["Namespace"] as string;
        WildcardPattern pattern = CompletionText.PatternFor(wordToComplete);
        try
        {
            using IDisposable lease = ContainerNetSession.Connections.Acquire();
            return ContainerNetSession.Links.List(namespaceName)
                .Where(link => link.Kind == "bridge" && pattern.IsMatch(link.Name))
                .Select(link => CompletionText.Result(link.Name, $"bridge {link.Name} ({link.State})"))
                .ToList();
        }
        catch (ContainerNetException)
        {
            return Array.Empty<CompletionResult>();
        }
    }
}
