namespace ContainerNet.Core.Routes;

/// <summary>What route to add or remove, as a person writes it (text parsed and checked by <see cref="RouteOperations"/>).</summary>
public sealed record RouteSpec
{
    /// <summary>Destination network in CIDR form; null with <see cref="IsDefault"/>.</summary>
    public string? Destination { get; init; }

    public bool IsDefault { get; init; }
    public string? Gateway { get; init; }
    public string? Interface { get; init; }
    public uint? Metric { get; init; }

    /// <summary>For a default route without a gateway, which family (else it follows the gateway).</summary>
    public Addressing.IPFamily? Family { get; init; }
}
