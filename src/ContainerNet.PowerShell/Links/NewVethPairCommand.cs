using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Links;

namespace ContainerNet.Commands;

/// <summary>
/// Creates a veth pair in one request; with -PeerNamespace the peer is created directly inside that
/// namespace under its final name (no move, no rename).
/// </summary>
[Cmdlet(VerbsCommon.New, "VethPair", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(VethPair))]
public sealed class NewVethPairCommand : ContainerNetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string PeerName { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? PeerNamespace { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int? Mtu { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? MacAddress { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? PeerMacAddress { get; set; }

    /// <summary>Attaches the first end to this bridge in the same request (as `ip link add ... master BRIDGE`).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.BridgeNameCompleter))]
    public string? Bridge { get; set; }

    /// <summary>Transmit and receive queues of each end (default 1).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int? QueueCount { get; set; }

    /// <summary>Brings both ends up in the same request.</summary>
    [Parameter]
    public SwitchParameter Up { get; set; }

    protected override void ProcessRecord()
    {
        string where = string.IsNullOrEmpty(PeerNamespace) ? "" : $" with its peer in namespace '{PeerNamespace}'";
        if (!ShouldProcess($"veth pair '{Name}'/'{PeerName}'", $"Create{where}"))
            return;
        TryRun(() => WriteObject(ContainerNetSession.Links.CreateVethPair(new VethPairSpec
        {
            Name = Name,
            PeerName = PeerName,
            Namespace = Namespace,
            PeerNamespace = PeerNamespace,
            Mtu = Mtu,
            MacAddress = MacAddress,
            PeerMacAddress = PeerMacAddress,
            QueueCount = QueueCount,
            Bridge = string.IsNullOrEmpty(Bridge) ? null : Bridge,
            Up = Up,
        })));
    }
}
