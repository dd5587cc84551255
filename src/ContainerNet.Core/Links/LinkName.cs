using System.Text;
using ContainerNet.Core.Errors;

namespace ContainerNet.Core.Links;

/// <summary>
/// The kernel's rules for interface names (dev_valid_name): 1-15 bytes (IFNAMSIZ 16 with the NUL),
/// not "." or "..", no '/', ':' or whitespace.
/// </summary>
public static class LinkName
{
    public const int MaxBytes = 15;

    public static bool IsValid(string? name, out string reason)
    {
        reason = "";
        if (string.IsNullOrEmpty(name))
            reason = "it is empty";
        else if (Encoding.UTF8.GetByteCount(name) > MaxBytes)
            reason = $"it is {Encoding.UTF8.GetByteCount(name)} bytes long and the kernel allows at most {MaxBytes}";
        else if (name is "." or "..")
            reason = "'.' and '..' are reserved";
        else if (name.IndexOfAny(new[] { '/', ':' }) >= 0)
            reason = "it contains '/' or ':'";
        else if (name.Any(char.IsWhiteSpace) || name.Any(char.IsControl))
            reason = "it contains whitespace or control characters";
        return reason.Length == 0;
    }

    public static void Validate(string? name, string role = "interface")
    {
        if (IsValid(name, out string reason))
            return;
        throw new ContainerNetException("InvalidInterfaceName", ErrorKind.InvalidArgument, name,
            $"'{name}' is not a valid {role} name: {reason}. Use 1-{MaxBytes} bytes without '/', ':' or spaces, e.g. 'veth-web' or 'eth0'.");
    }
}
