using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Firewall;
using ContainerNet.Core.Links;

namespace ContainerNet.Commands;

/// <summary>Masquerades a subnet's outbound traffic (Docker's POSTROUTING MASQUERADE), in ContainerNet's nf_tables table.</summary>
[Cmdlet(VerbsCommon.Add, "NatMasquerade", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(NatMasquerade))]
public sealed class AddNatMasqueradeCommand : ContainerNetCmdlet
{
    /// <summary>The source network, e.g. 10.88.0.0/16.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [IPPrefixTransformation]
    public string Subnet { get; set; } = "";

    /// <summary>Traffic leaving by this interface (the network's own bridge) keeps its source address.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.LinkNameCompleter))]
    public string? ExceptInterface { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    [Parameter]
    public string? Comment { get; set; }

    protected override void ProcessRecord()
    {
        string except = ExceptInterface is null ? "" : $" (not on '{ExceptInterface}')";
        if (!ShouldProcess($"subnet {Subnet} in {LinkOperations.Describe(Namespace)}", $"Masquerade outbound traffic{except}"))
            return;
        TryRun(() => WriteObject(ContainerNetSession.Firewall.AddMasquerade(Namespace, Subnet,
            string.IsNullOrEmpty(ExceptInterface) ? null : ExceptInterface, Comment)));
    }
}
