namespace ContainerNet.Core.Bridges;

/// <summary>An interface enslaved to a bridge, with its port options.</summary>
public sealed record BridgePort
{
    public string Namespace { get; init; } = "";
    public required string Bridge { get; init; }
    public required string Interface { get; init; }
    public int InterfaceIndex { get; init; }

    /// <summary>STP port state: Forwarding, Disabled (port down), Listening, Learning, Blocking.</summary>
    public string State { get; init; } = "";

    /// <summary>Isolated ports cannot reach each other, only non-isolated ports (such as the bridge's own address).</summary>
    public bool Isolated { get; init; }

    /// <summary>Frames may go back out of the port they came in on (needed for hairpin NAT).</summary>
    public bool Hairpin { get; init; }

    public bool Learning { get; init; }

    public override string ToString() => $"{Bridge}:{Interface}";
}
