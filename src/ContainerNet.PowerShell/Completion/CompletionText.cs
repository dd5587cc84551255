using System.Management.Automation;

namespace ContainerNet.Commands.Completion;

/// <summary>Shared completer helpers: trims quotes from what was typed, matches wildcards, quotes results when needed.</summary>
internal static class CompletionText
{
    public static WildcardPattern PatternFor(string wordToComplete)
    {
        string typed = (wordToComplete ?? "").Trim('\'', '"');
        return WildcardPattern.Get(typed + "*", WildcardOptions.IgnoreCase);
    }

    public static CompletionResult Result(string value, string tooltip)
    {
        string text = value.IndexOfAny(new[] { ' ', '$', '`', '\'', '"', '(', ')', ';', ',', '{', '}', '@', '#' }) >= 0
            ? $"'{value.Replace("'", "''")}'"
            : value;
        return new CompletionResult(text, value, CompletionResultType.ParameterValue, tooltip);
    }
}
