using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Addresses;
using ContainerNet.Core.Links;

namespace ContainerNet.Commands;

/// <summary>Adds IP addresses to an interface (`ip addr add`). IPv4 and IPv6, in any namespace.</summary>
[Cmdlet(VerbsCommon.Add, "NetAddress", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(NetAddress))]
public sealed class AddNetAddressCommand : ContainerNetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(Completion.LinkNameCompleter))]
    public string Interface { get; set; } = "";

    /// <summary>Addresses with prefix length: 10.88.0.2/16, 2001:db8::2/64 (without one: /32 or /128).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [IPPrefixTransformation]
    public string[] Address { get; set; } = Array.Empty<string>();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    /// <summary>IPv6: run duplicate address detection (the address stays tentative for a second or two).</summary>
    [Parameter]
    public SwitchParameter DuplicateAddressDetection { get; set; }

    protected override void ProcessRecord()
    {
        foreach (string address in Address)
        {
            if (!ShouldProcess($"'{Interface}' in {LinkOperations.Describe(Namespace)}", $"Add address {address}"))
                continue;
            TryRun(() => WriteObject(ContainerNetSession.Addresses.Add(Namespace, Interface, address, DuplicateAddressDetection)));
        }
    }
}
