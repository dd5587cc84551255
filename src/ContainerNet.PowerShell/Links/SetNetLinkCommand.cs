using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Links;

namespace ContainerNet.Commands;

/// <summary>Changes a link (`ip link set`): state, MTU, name, MAC address, namespace. Only what is passed changes.</summary>
[Cmdlet(VerbsCommon.Set, "NetLink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(NetLink))]
public sealed class SetNetLinkCommand : ContainerNetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(Completion.LinkNameCompleter))]
    public string Name { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    [Parameter]
    public AdminState? State { get; set; }

    [Parameter]
    public int? Mtu { get; set; }

    [Parameter]
    public string? NewName { get; set; }

    [Parameter]
    public string? MacAddress { get; set; }

    /// <summary>Moves the link into this namespace; an empty string moves it into the caller's own (host) namespace.</summary>
    [Parameter]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? DestinationNamespace { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var changes = new LinkChanges
        {
            State = State,
            Mtu = Mtu,
            NewName = NewName,
            MacAddress = MacAddress,
            DestinationNamespace = DestinationNamespace,
        };
        if (changes.IsEmpty)
        {
            ThrowFailure(new Core.Errors.ContainerNetException("NothingToChange", Core.Errors.ErrorKind.InvalidArgument, Name,
                $"No change was given for link '{Name}'. Pass at least one of -State, -Mtu, -NewName, -MacAddress or -DestinationNamespace."));
            return;
        }
        if (!ShouldProcess($"link '{Name}' in {LinkOperations.Describe(Namespace)}", Describe(changes)))
            return;
        TryRun(() =>
        {
            NetLink result = ContainerNetSession.Links.Set(Namespace, Name, changes);
            if (PassThru)
                WriteObject(result);
        });
    }

    private static string Describe(LinkChanges changes)
    {
        var parts = new List<string>();
        if (changes.State is { } state) parts.Add($"set state {state}");
        if (changes.Mtu is { } mtu) parts.Add($"set MTU {mtu}");
        if (changes.NewName is { } name) parts.Add($"rename to '{name}'");
        if (changes.MacAddress is { } mac) parts.Add($"set MAC address {mac}");
        if (changes.DestinationNamespace is { } ns) parts.Add(ns.Length == 0 ? "move to the host namespace" : $"move to namespace '{ns}'");
        return string.Join(", ", parts);
    }
}
