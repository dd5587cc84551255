namespace ContainerNet.Core.Networks;

/// <summary>One container's membership of a network: its interface, addresses, MAC and names (docker network inspect's "Containers").</summary>
public sealed class ContainerEndpoint
{
    public required string Network { get; init; }
    public required string Container { get; init; }
    public required string InterfaceName { get; init; }
    /// <summary>The IPv4 address with the subnet's prefix length, as docker inspect shows it (10.1.0.2/16).</summary>
    public string? IPAddress { get; init; }
    public string? IPv6Address { get; init; }
    public required string MacAddress { get; init; }
    public required string HostInterface { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Links { get; init; } = Array.Empty<string>();
    /// <summary>Ports published to this endpoint through the network (as the state remembers them).</summary>
    public IReadOnlyList<Firewall.PortMapping> Ports { get; init; } = Array.Empty<Firewall.PortMapping>();

    public override string ToString() => $"{Container} on {Network} ({IPAddress ?? IPv6Address})";
}
