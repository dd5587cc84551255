using ContainerNet.Core.Addressing;

namespace ContainerNet.Core.Firewall;

/// <summary>One published port: traffic to HostAddress:HostPort is sent on to ContainerAddress:ContainerPort.</summary>
public sealed record PortMapping
{
    public string Namespace { get; init; } = "";
    public TransportProtocol Protocol { get; init; }

    /// <summary>The host address it answers on; null = every local address.</summary>
    public string? HostAddress { get; init; }

    public int HostPort { get; init; }
    public required string ContainerAddress { get; init; }
    public int ContainerPort { get; init; }
    public IPFamily Family { get; init; }

    /// <summary>The Docker-style network and container it belongs to, when published through one.</summary>
    public string? Network { get; init; }

    public string? Container { get; init; }

    public override string ToString() =>
        $"{Protocol.ToString().ToLowerInvariant()} {(HostAddress is null ? "*" : HostAddress)}:{HostPort} -> {ContainerAddress}:{ContainerPort}";
}
