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

    public override string ToString() => $"{Source} -> {Destination}{(Port is { } p ? $":{p}/{Protocol?.ToString().ToLowerInvariant()}" : "")}";
}
