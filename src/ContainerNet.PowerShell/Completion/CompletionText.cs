using System.Management.Automation;
using ContainerNet.Core.Errors;

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

    /// <summary>
    /// The items whose name starts with what was typed, as completion results; nothing when reading
    /// them fails (an unknown namespace typed so far, say): completion never shows an error.
    /// </summary>
    public static IEnumerable<CompletionResult> Offer<T>(string wordToComplete, Func<IEnumerable<T>> read,
        Func<T, string> name, Func<T, string> tooltip)
    {
        WildcardPattern pattern = PatternFor(wordToComplete);
        try
        {
            return read().Where(item => pattern.IsMatch(name(item))).Select(item => Result(name(item), tooltip(item))).ToList();
        }
        catch (ContainerNetException)
        {
            return Array.Empty<CompletionResult>();
        }
    }
}
