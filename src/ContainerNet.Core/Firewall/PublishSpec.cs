namespace ContainerNet.Core.Firewall;

/// <summary>What to publish, as a person writes it; checked by <see cref="FirewallOperations.Publish"/>.</summary>
public sealed record PublishSpec
{
    public required string ContainerAddress { get; init; }

    /// <summary>"80" or "8000-8010".</summary>
    public required string ContainerPort { get; init; }

    /// <summary>Defaults to the container port (range).</summary>
    public string? HostPort { get; init; }

    /// <summary>null: every local address of the namespace.</summary>
    public string? HostAddress { get; init; }

    public TransportProtocol Protocol { get; init; } = TransportProtocol.Tcp;
}
