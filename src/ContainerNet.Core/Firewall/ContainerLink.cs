using ContainerNet.Core.Addressing;

namespace ContainerNet.Core.Firewall;

/// <summary>
/// An exception to icc off and to isolation (Docker's --link): Source may open connections to
/// Destination (on one port when Port is set); the replies come back, nothing else is opened.
/// </summary>
public sealed record ContainerLink
{
    public string Namespace { get; init; } = "";
    public required string Source { get; init; }
    public required string Destination { get; init; }
    public TransportProtocol? Protocol { get; init; }
    public int? Port { get; init; }
    public IPFamily Family { get; init; }

    /// <summary>The network and container whose connect made this link (Connect-ContainerNetwork -Link); null for Add-ContainerLink.</summary>
    public string? Network { get; init; }
    public string? Container { get; init; }

    /// <summary>Same kernel element (addresses, protocol, port), whoever made it.</summary>
    public bool SameRule(ContainerLink other) =>
        Family == other.Family && Source == other.Source && Destination == other.Destination && Protocol == other.Protocol && Port == other.Port;

    public override string ToString() => $"{Source} -> {Destination}{(Port is { } p ? $":{p}/{Protocol?.ToString().ToLowerInvariant()}" : "")}";
}
