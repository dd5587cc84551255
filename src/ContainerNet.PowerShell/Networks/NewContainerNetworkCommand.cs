using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Networks;

namespace ContainerNet.Commands;

/// <summary>
/// Creates a Docker-style network (`docker network create`): a bridge with the gateway address,
/// forwarding, masquerade for traffic that leaves the host (unless -DisableMasquerade or -Internal),
/// isolation from every other network, and its state. Without -Subnet it takes the next free default pool.
/// </summary>
[Cmdlet(VerbsCommon.New, "ContainerNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(ContainerNetwork))]
public sealed class NewContainerNetworkCommand : ContainerNetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string Name { get; set; } = "";

    /// <summary>One IPv4 and/or one IPv6 subnet in CIDR form.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string[] Subnet { get; set; } = Array.Empty<string>();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string[] Gateway { get; set; } = Array.Empty<string>();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string[] IPRange { get; set; } = Array.Empty<string>();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? BridgeName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SwitchParameter Internal { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SwitchParameter DisableInterContainerTraffic { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SwitchParameter DisableMasquerade { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int? Mtu { get; set; }

    protected override void ProcessRecord()
    {
        string what = Subnet.Length > 0 ? string.Join(", ", Subnet) : "the next free default subnet";
        if (!ShouldProcess($"network {Name}", $"Create with {what}"))
            return;
        TryRun(() => WriteObject(ContainerNetSession.Networks.Create(new NetworkSpec
        {
            Name = Name, Subnets = Subnet, Gateways = Gateway, IPRanges = IPRange, BridgeName = BridgeName,
            Internal = Internal, DisableInterContainerTraffic = DisableInterContainerTraffic, DisableMasquerade = DisableMasquerade, Mtu = Mtu,
        })));
    }
}
