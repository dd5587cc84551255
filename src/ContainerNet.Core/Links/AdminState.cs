namespace ContainerNet.Core.Links;

/// <summary>What the administrator asked for (IFF_UP); the operational <see cref="LinkState"/> follows when the carrier allows.</summary>
public enum AdminState
{
    Down,
    Up,
}
