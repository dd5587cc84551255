namespace ContainerNet.Core.Links;

/// <summary>Operational state (IFLA_OPERSTATE, RFC 2863), as `ip -br link` shows it.</summary>
public enum LinkState
{
    Unknown = 0,
    NotPresent = 1,
    Down = 2,
    LowerLayerDown = 3,
    Testing = 4,
    Dormant = 5,
    Up = 6,
}
