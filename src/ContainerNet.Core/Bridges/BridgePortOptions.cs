namespace ContainerNet.Core.Bridges;

/// <summary>Port options to set; null leaves the kernel's value (learning on, hairpin and isolation off).</summary>
public sealed record BridgePortOptions
{
    public bool? Isolated { get; init; }
    public bool? Hairpin { get; init; }
    public bool? Learning { get; init; }
}
