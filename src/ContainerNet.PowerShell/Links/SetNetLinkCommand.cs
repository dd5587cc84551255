using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Errors;
using ContainerNet.Core.Links;

namespace ContainerNet.Commands;

/// <summary>
/// Changes links (`ip link set`): state, MTU, name, MAC address, namespace. Only what is passed changes.
/// Several names in one call are changed in one pipelined exchange with the kernel.
/// </summary>
[Cmdlet(VerbsCommon.Set, "NetLink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(NetLink))]
public sealed class SetNetLinkCommand : ContainerNetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowEmptyCollection]
    [ArgumentCompleter(typeof(Completion.LinkNameCompleter))]
    public string[] Name { get; set; } = Array.Empty<string>();

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
        string target = Name.Length == 1 ? Name[0] : string.Join(",", Name);
        if (Name.Length == 0)
        {
            ThrowFailure(new ContainerNetException("NoLinkName", ErrorKind.InvalidArgument, target,
                "No link name was given. Pass one or more names to -Name."));
            return;
        }
        if (changes.IsEmpty)
        {
            ThrowFailure(new ContainerNetException("NothingToChange", ErrorKind.InvalidArgument, target,
                $"No change was given for link '{target}'. Pass at least one of -State, -Mtu, -NewName, -MacAddress or -DestinationNamespace."));
            return;
        }
        if (ContainerNetException.FromCheck(() => LinkOperations.RequireOneLinkFor(changes, Name)) is { } tooMany)
        {
            ThrowFailure(tooMany);
            return;
        }
        var approved = Name.Where(name => ShouldProcess($"link '{name}' in {LinkOperations.Describe(Namespace)}", Describe(changes))).ToList();
        if (approved.Count == 0)
            return;
        if (approved.Count == 1)
        {
            TryRun(() =>
            {
                NetLink result = ContainerNetSession.Links.Set(Namespace, approved[0], changes);
                if (PassThru)
                    WriteObject(result);
            });
            return;
        }
        TryRun(() =>
        {
            foreach (LinkChangeResult result in ContainerNetSession.Links.SetMany(Namespace, approved, changes, PassThru))
            {
                if (result.Error is { } failure)
                    WriteFailure(failure);
                else if (PassThru && result.Link is { } link)
                    WriteObject(link);
            }
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
