using System.Net;
using ContainerNet.Core.Addressing;

namespace ContainerNet.Core.Addresses;

/// <summary>One IP address on one interface, as the kernel reports it.</summary>
public sealed record NetAddress
{
    public string Namespace { get; init; } = "";
    public required string Interface { get; init; }
    public int InterfaceIndex { get; init; }

    /// <summary>CIDR form, "10.88.0.2/16": pipes straight into Remove-NetAddress -Address.</summary>
    public required string Address { get; init; }

    public required IPAddress IPAddress { get; init; }
    public int PrefixLength { get; init; }
    public IPFamily Family { get; init; }

    /// <summary>global, link, host (as `ip addr` shows it).</summary>
    public string Scope { get; init; } = "";

    public bool Tentative { get; init; }

    public override string ToString() => Address;
}
