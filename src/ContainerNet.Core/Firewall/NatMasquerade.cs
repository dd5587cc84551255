using ContainerNet.Core.Addressing;

namespace ContainerNet.Core.Firewall;

/// <summary>Outbound NAT for a subnet: its packets leave with the address of the interface they leave by.</summary>
public sealed record NatMasquerade
{
    public string Namespace { get; init; } = "";

    /// <summary>The source network, e.g. 10.88.0.0/16.</summary>
    public required string Subnet { get; init; }

    /// <summary>Traffic leaving by this interface (the network's own bridge) is not masqueraded.</summary>
    public string? ExceptInterface { get; init; }

    public IPFamily Family { get; init; }
    public string? Comment { get; init; }

    public override string ToString() => Subnet;
}
