using System.Globalization;
using ContainerNet.Core.Errors;

namespace ContainerNet.Core.Firewall;

/// <summary>One port or an inclusive range, written "8080" or "8000-8010".</summary>
public readonly record struct PortRange(int First, int Last)
{
    public int Count => Last - First + 1;

    public override string ToString() => First == Last ? First.ToString(CultureInfo.InvariantCulture) : $"{First}-{Last}";

    public static PortRange Parse(string? text, string role)
    {
        string trimmed = (text ?? "").Trim();
        string[] parts = trimmed.Split('-');
        if (parts.Length is < 1 or > 2 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            throw new ContainerNetException("InvalidPort", ErrorKind.InvalidArgument, text,
                $"'{text}' is not a valid {role}: write a port number (8080) or a range (8000-8010).");
        int first = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int last = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : first;
        foreach (int port in new[] { first, last })
        {
            if (port is < 1 or > 65535)
                throw new ContainerNetException("InvalidPort", ErrorKind.InvalidArgument, text,
                    $"{role} {port} is out of range: ports go from 1 to 65535.");
        }
        if (last < first)
            throw new ContainerNetException("InvalidPortRange", ErrorKind.InvalidArgument, text,
                $"{role} range {first}-{last} is reversed. Write the lower port first: {last}-{first}.");
        return new PortRange(first, last);
    }
}
