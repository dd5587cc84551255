using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Links;

namespace ContainerNet.Commands;

/// <summary>Stops masquerading a subnet; takes NatMasquerade objects from the pipeline.</summary>
[Cmdlet(VerbsCommon.Remove, "NatMasquerade", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
public sealed class RemoveNatMasqueradeCommand : ContainerNetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [IPPrefixTransformation]
    public string Subnet { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldProcess($"subnet {Subnet} in {LinkOperations.Describe(Namespace)}", "Stop masquerading"))
            return;
        TryRun(() => ContainerNetSession.Firewall.RemoveMasquerade(Namespace, Subnet));
    }
}
