using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Addressing;
using ContainerNet.Core.Firewall;

namespace ContainerNet.Commands;

/// <summary>Lists the masqueraded subnets, read from the kernel's nf_tables sets.</summary>
[Cmdlet(VerbsCommon.Get, "NatMasquerade")]
[OutputType(typeof(NatMasquerade))]
public sealed class GetNatMasqueradeCommand : ContainerNetCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [IPPrefixTransformation]
    public string? Subnet { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    protected override void ProcessRecord() => TryRun(() =>
    {
        string? wanted = string.IsNullOrEmpty(Subnet) ? null : IPPrefix.Parse(Subnet, "subnet", prefixRequired: true).ToString();
        WriteObject(ContainerNetSession.Firewall.ListMasquerades(Namespace).Where(m => wanted is null || m.Subnet == wanted), enumerateCollection: true);
    });
}
