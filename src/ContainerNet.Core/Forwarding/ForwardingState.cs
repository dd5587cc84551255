namespace ContainerNet.Core.Forwarding;

/// <summary>Whether a namespace routes packets between its interfaces (net.ipv4.ip_forward, net.ipv6.conf.all.forwarding).</summary>
public sealed record ForwardingState
{
    public string Namespace { get; init; } = "";
    public bool IPv4 { get; init; }
    public bool IPv6 { get; init; }
}
