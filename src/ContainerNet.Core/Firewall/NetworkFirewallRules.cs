using ContainerNet.Core.Addressing;

namespace ContainerNet.Core.Firewall;

/// <summary>What one Docker-style network needs from the firewall: all of it goes in, or out, in one batch.</summary>
public sealed record NetworkFirewallRules
{
    public required string Network { get; init; }
    public required string Bridge { get; init; }
    public required IReadOnlyList<IPPrefix> Subnets { get; init; }

    /// <summary>Masquerade the subnets when they leave by any interface but the bridge.</summary>
    public bool Masquerade { get; init; }

    public bool InterContainerTraffic { get; init; } = true;

    /// <summary>Nothing forwarded in or out of the bridge (Docker's --internal).</summary>
    public bool Internal { get; init; }
}
