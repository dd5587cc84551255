using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Links;

namespace ContainerNet.Commands;

/// <summary>Removes IP addresses from an interface (`ip addr del`).</summary>
[Cmdlet(VerbsCommon.Remove, "NetAddress", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
public sealed class RemoveNetAddressCommand : ContainerNetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(Completion.LinkNameCompleter))]
    public string Interface { get; set; } = "";

    /// <summary>The addresses; without a prefix length, the address is removed whatever its prefix.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [IPPrefixTransformation]
    public string[] Address { get; set; } = Array.Empty<string>();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    protected override void ProcessRecord()
    {
        foreach (string address in Address)
        {
            if (!ShouldProcess($"'{Interface}' in {LinkOperations.Describe(Namespace)}", $"Remove address {address}"))
                continue;
            TryRun(() => ContainerNetSession.Addresses.Remove(Namespace, Interface, address));
        }
    }
}
