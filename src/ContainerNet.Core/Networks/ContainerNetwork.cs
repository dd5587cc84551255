namespace ContainerNet.Core.Networks;

/// <summary>A Docker-style network as Get-ContainerNetwork shows it: its settings and its endpoints.</summary>
public sealed class ContainerNetwork
{
    public required string Name { get; init; }
    public required string Id { get; init; }
    public string Driver { get; init; } = "bridge";
    public DateTimeOffset Created { get; init; }
    /// <summary>The IPv4 subnet (or the IPv6 one on an IPv6-only network).</summary>
    public string? Subnet { get; init; }
    public string? Gateway { get; init; }
    public string? IPRange { get; init; }
    public string? IPv6Subnet { get; init; }
    public string? IPv6Gateway { get; init; }
    public string? IPv6Range { get; init; }
    public required string BridgeName { get; init; }
    public bool Internal { get; init; }
    public bool InterContainerTraffic { get; init; }
    public bool Masquerade { get; init; }
    public int? Mtu { get; init; }
    public IReadOnlyList<ContainerEndpoint> Endpoints { get; init; } = Array.Empty<ContainerEndpoint>();

    public override string ToString() => Name;
}
