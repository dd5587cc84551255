namespace ContainerNet.Core.Addressing;

/// <summary>The two IP families a cmdlet can be limited to.</summary>
public enum IPFamily
{
    IPv4,
    IPv6,
}
