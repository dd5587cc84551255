namespace ContainerNet.Core.Links;

/// <summary>One network interface as the kernel reports it.</summary>
public sealed record NetLink
{
    public required string Name { get; init; }

    /// <summary>The namespace it lives in; empty for the caller's own ("host") namespace.</summary>
    public string Namespace { get; init; } = "";

    public int Index { get; init; }

    /// <summary>veth, bridge, loopback, ... (IFLA_INFO_KIND, or "loopback"/"device" when the kernel gives none).</summary>
    public string Kind { get; init; } = "";

    public LinkState State { get; init; }
    public AdminState AdminState { get; init; }
    public int Mtu { get; init; }
    public string MacAddress { get; init; } = "";

    /// <summary>Name of the bridge (or other master) it is enslaved to, if any.</summary>
    public string? Master { get; init; }

    /// <summary>For a veth: the peer's index, in the peer's namespace.</summary>
    public int? PeerIndex { get; init; }

    public uint Group { get; init; }

    public override string ToString() => Name;
}
