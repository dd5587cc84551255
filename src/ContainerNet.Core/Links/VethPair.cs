namespace ContainerNet.Core.Links;

/// <summary>Both ends of a veth pair: what one is sent into comes out of the other.</summary>
public sealed record VethPair
{
    public required string Name { get; init; }
    public string Namespace { get; init; } = "";
    public int Index { get; init; }
    public required string PeerName { get; init; }
    public string PeerNamespace { get; init; } = "";
    public int PeerIndex { get; init; }
    public int Mtu { get; init; }
    public string MacAddress { get; init; } = "";
    public string PeerMacAddress { get; init; } = "";
    public AdminState AdminState { get; init; }

    /// <summary>The bridge the first end was attached to at creation, if any.</summary>
    public string? Bridge { get; init; }

    public override string ToString() => $"{Name}<->{PeerName}";
}
