namespace ContainerNet.Core.Diagnostics;

/// <summary>How reachability is tested: an ICMP echo (ping), or a TCP connection to a port.</summary>
public enum ConnectionTestProtocol
{
    Icmp,
    Tcp,
}
