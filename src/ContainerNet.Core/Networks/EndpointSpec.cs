namespace ContainerNet.Core.Networks;

/// <summary>What Connect-ContainerNetwork asks for: the container (a named namespace) and its options on the network.</summary>
public sealed record EndpointSpec
{
    public required string Network { get; init; }
    public required string Container { get; init; }
    public string? IPAddress { get; init; }
    public string? IPv6Address { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = Array.Empty<string>();
    /// <summary>"container:alias" (or "container", alias = name): the alias resolves in this container only; on an icc-off network it also opens traffic to it.</summary>
    public IReadOnlyList<string> Links { get; init; } = Array.Empty<string>();
    public string? InterfaceName { get; init; }
    public string? MacAddress { get; init; }
}
