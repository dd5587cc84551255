namespace ContainerNet.Core.Links;

/// <summary>Changes to an existing link; only the properties that are set change (as Set-NetLink passes them).</summary>
public sealed record LinkChanges
{
    public AdminState? State { get; init; }
    public int? Mtu { get; init; }
    public string? NewName { get; init; }
    public string? MacAddress { get; init; }

    /// <summary>Move the link into this named namespace; "" = into the caller's own (host) namespace; null = it stays.</summary>
    public string? DestinationNamespace { get; init; }

    public bool IsEmpty => State is null && Mtu is null && NewName is null && MacAddress is null && DestinationNamespace is null;
}
