using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using ContainerNet.Commands.Infrastructure;

namespace ContainerNet.Commands.Completion;

/// <summary>Completes names of existing network namespaces (from /run/netns).</summary>
public sealed class NamespaceNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
        string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        WildcardPattern pattern = CompletionText.PatternFor(wordToComplete);
        return ContainerNetSession.Registry.List()
            .Where(ns => pattern.IsMatch(ns.Name))
            .Select(ns => CompletionText.Result(ns.Name, $"namespace {ns.Name} ({ns.Path})"))
            .ToList();
    }
}
