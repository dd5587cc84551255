using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Firewall;
using ContainerNet.Core.Links;

namespace ContainerNet.Commands;

/// <summary>
/// Publishes container ports on the host (`docker run -p`): DNAT from a host port (or range) on every
/// local address, or one, to the container, also for connections the host itself opens and hairpin
/// connections from containers on the same bridge. Everything given to one call (ranges, and every
/// record piped in) is published in one nf_tables batch at the end: all of it or, on a conflict, none.
/// </summary>
[Cmdlet(VerbsData.Publish, "ContainerPort", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PortMapping))]
public sealed class PublishContainerPortCommand : ContainerNetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string ContainerAddress { get; set; } = "";

    /// <summary>A port (80) or a range (8000-8010).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string ContainerPort { get; set; } = "";

    /// <summary>The host port or range, of the same size as the container's; defaults to the container port.</summary>
    [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
    public string? HostPort { get; set; }

    /// <summary>Only this local address answers; absent: every local address.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? HostAddress { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public TransportProtocol Protocol { get; set; } = TransportProtocol.Tcp;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    private readonly Dictionary<string, List<PublishSpec>> _byNamespace = new();

    protected override void ProcessRecord()
    {
        string host = $"{(string.IsNullOrEmpty(HostAddress) ? "*" : HostAddress)}:{HostPort ?? ContainerPort}";
        if (!ShouldProcess($"{Protocol.ToString().ToLowerInvariant()} {host} in {LinkOperations.Describe(Namespace)}",
                $"Publish to {ContainerAddress}:{ContainerPort}"))
            return;
        string key = Namespace ?? "";
        if (!_byNamespace.TryGetValue(key, out List<PublishSpec>? specs))
            _byNamespace[key] = specs = new List<PublishSpec>();
        specs.Add(new PublishSpec
        {
            ContainerAddress = ContainerAddress,
            ContainerPort = ContainerPort,
            HostPort = string.IsNullOrEmpty(HostPort) ? null : HostPort,
            HostAddress = string.IsNullOrEmpty(HostAddress) ? null : HostAddress,
            Protocol = Protocol,
        });
    }

    protected override void EndProcessing()
    {
        foreach ((string namespaceName, List<PublishSpec> specs) in _byNamespace)
            TryRun(() => WriteObject(ContainerNetSession.Firewall.Publish(namespaceName, specs), enumerateCollection: true));
    }
}
