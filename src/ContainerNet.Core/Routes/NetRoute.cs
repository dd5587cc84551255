using ContainerNet.Core.Addressing;

namespace ContainerNet.Core.Routes;

/// <summary>One route of the main table, as the kernel reports it.</summary>
public sealed record NetRoute
{
    public string Namespace { get; init; } = "";

    /// <summary>CIDR form; 0.0.0.0/0 or ::/0 for a default route.</summary>
    public required string Destination { get; init; }

    public bool IsDefault { get; init; }
    public string? Gateway { get; init; }
    public string? Interface { get; init; }
    public int? InterfaceIndex { get; init; }
    public uint? Metric { get; init; }

    /// <summary>kernel (made for an address), boot (added by a tool like this one), static, ...</summary>
    public string Protocol { get; init; } = "";

    public string Scope { get; init; } = "";
    public IPFamily Family { get; init; }
    public uint Table { get; init; }
    public string? PreferredSource { get; init; }

    public override string ToString() => IsDefault ? $"default via {Gateway}" : Destination;
}
