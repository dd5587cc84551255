namespace ContainerNet.Core.Networks;

/// <summary>
/// The remembered intent of one network, as the state store keeps it (one JSON file per network).
/// Plain settable properties: System.Text.Json reads and writes it as it is. Version 1.
/// </summary>
public sealed class NetworkDocument
{
    public int Version { get; set; } = 1;
    public string Name { get; set; } = "";
    public string Id { get; set; } = "";
    public string Driver { get; set; } = "bridge";
    public DateTimeOffset Created { get; set; }
    public string BridgeName { get; set; } = "";

    /// <summary>At most one IPv4 and one IPv6 subnet (dual stack).</summary>
    public List<SubnetDocument> Subnets { get; set; } = new();

    public bool Internal { get; set; }
    public bool InterContainerTraffic { get; set; } = true;
    public bool Masquerade { get; set; } = true;
    public int? Mtu { get; set; }

    /// <summary>The kernel link group of the endpoints' host veths: removing a network deletes them in one request.</summary>
    public uint LinkGroup { get; set; }

    public List<EndpointDocument> Endpoints { get; set; } = new();
}

public sealed class SubnetDocument
{
    public string Subnet { get; set; } = "";
    public string Gateway { get; set; } = "";
    public string? IPRange { get; set; }
}

public sealed class EndpointDocument
{
    public string Container { get; set; } = "";
    public string InterfaceName { get; set; } = "";
    public string HostInterface { get; set; } = "";
    public string? IPv4Address { get; set; }
    public string? IPv6Address { get; set; }
    public string MacAddress { get; set; } = "";
    public List<string> Aliases { get; set; } = new();

    /// <summary>-Link entries as "container:alias".</summary>
    public List<string> Links { get; set; } = new();

    /// <summary>Ports published to this endpoint (Publish-ContainerPort -Network -Container), one per port: repair replays them.</summary>
    public List<PortDocument> Ports { get; set; } = new();

    public DateTimeOffset Connected { get; set; }
}

public sealed class PortDocument
{
    /// <summary>"tcp" or "udp".</summary>
    public string Protocol { get; set; } = "tcp";
    public string Family { get; set; } = "IPv4";
    /// <summary>Null: every local address.</summary>
    public string? HostAddress { get; set; }
    public int HostPort { get; set; }
    public int ContainerPort { get; set; }
}
