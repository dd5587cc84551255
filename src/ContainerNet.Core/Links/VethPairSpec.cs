namespace ContainerNet.Core.Links;

/// <summary>What to create: a veth pair, its peer optionally placed directly in another namespace.</summary>
public sealed record VethPairSpec
{
    public required string Name { get; init; }
    public required string PeerName { get; init; }

    /// <summary>Namespace of the first end; null/empty = the caller's own.</summary>
    public string? Namespace { get; init; }

    /// <summary>Namespace of the peer; null/empty = same as <see cref="Namespace"/>.</summary>
    public string? PeerNamespace { get; init; }

    public int? Mtu { get; init; }
    public string? MacAddress { get; init; }
    public string? PeerMacAddress { get; init; }

    /// <summary>
    /// Transmit and receive queues of each end; null = <see cref="LinkOperations.DefaultQueueCount"/>.
    /// </summary>
    public int? QueueCount { get; init; }

    /// <summary>Attach the first end to this bridge (in its namespace) within the create request.</summary>
    public string? Bridge { get; init; }

    /// <summary>Bring both ends up in the same request.</summary>
    public bool Up { get; init; }
}
