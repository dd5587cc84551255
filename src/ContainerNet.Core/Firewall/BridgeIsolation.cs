namespace ContainerNet.Core.Firewall;

/// <summary>What a bridge's containers may reach: each other (icc), and which isolated bridges they may not.</summary>
public sealed record BridgeIsolation
{
    public string Namespace { get; init; } = "";
    public required string Bridge { get; init; }

    /// <summary>False when containers on this bridge cannot talk to each other (Docker's icc=false).</summary>
    public bool InterContainerTraffic { get; init; } = true;

    /// <summary>True when the bridge is in the isolation group: no traffic to or from the group's other bridges.</summary>
    public bool Isolated { get; init; }

    public IReadOnlyList<string> IsolatedFrom { get; init; } = Array.Empty<string>();

    public override string ToString() => Bridge;
}
