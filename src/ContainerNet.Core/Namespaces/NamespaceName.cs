using System.Text.RegularExpressions;
using ContainerNet.Core.Errors;

namespace ContainerNet.Core.Namespaces;

/// <summary>
/// Rules for namespace names: one path component under /run/netns made of [A-Za-z0-9_.-], never "."
/// or "..", so a name can never reach outside that directory.
/// </summary>
public static partial class NamespaceName
{
    public const int MaxLength = 255;

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex AllowedCharacters();

    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= MaxLength && name != "." && name != ".."
        && AllowedCharacters().IsMatch(name);

    public static void Validate(string? name)
    {
        if (IsValid(name))
            return;
        throw new ContainerNetException("InvalidNamespaceName", ErrorKind.InvalidArgument, name,
            $"'{name}' is not a valid namespace name. Use 1-{MaxLength} characters from A-Z, a-z, 0-9, '_', '.' and '-', not '.' or '..' and no '/'.");
    }
}
