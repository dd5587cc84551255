namespace ContainerNet.Core.Networks;

/// <summary>What New-ContainerNetwork asks for. Subnets, gateways and ranges pair up by address family.</summary>
public sealed record NetworkSpec
{
    public required string Name { get; init; }
    public IReadOnlyList<string> Subnets { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Gateways { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> IPRanges { get; init; } = Array.Empty<string>();
    public string? BridgeName { get; init; }
    public bool Internal { get; init; }
    public bool DisableInterContainerTraffic { get; init; }
    public bool DisableMasquerade { get; init; }
    public int? Mtu { get; init; }
}
