namespace ContainerNet.Core.Firewall;

/// <summary>Protocols a port can be published for (IANA numbers, as meta l4proto carries them).</summary>
public enum TransportProtocol : byte
{
    Tcp = 6,
    Udp = 17,
}
