using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Errors;
using ContainerNet.Core.Namespaces;

namespace ContainerNet.Commands;

/// <summary>
/// Removes named network namespaces (`ip netns del`); the links inside go with them, all unregistered
/// together. A namespace that still holds links other than lo carries others, so removing it asks
/// for confirmation as a high-impact change would (skip with -Force or -Confirm:$false).
/// </summary>
[Cmdlet(VerbsCommon.Remove, "NetNamespace", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(NetNamespace))]
public sealed class RemoveNetNamespaceCommand : ContainerNetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <summary>Removes namespaces that still hold links without asking.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private NamespaceRemoval? _removal;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _removal = new NamespaceRemoval(ContainerNetSession.Connections, ContainerNetSession.Links);
    }

    protected override void ProcessRecord()
    {
        foreach (string name in Name)
        {
            TryRun(() =>
            {
                NetNamespace ns = ContainerNetSession.Registry.Get(name);
                if (!ShouldProcess($"namespace '{name}'", "Remove"))
                    return;
                if (!Force && NeedsExtraConfirmation() && HeldLinks(name) is { Count: > 0 } links
                    && !Confirm(name, links))
                    return;
                _removal!.Remove(name);
                if (PassThru)
                    WriteObject(ns);
            });
        }
    }

    /// <summary>The kernel dismantles namespaces asynchronously: return only once their host-side veth ends are gone.</summary>
    protected override void EndProcessing()
    {
        if (_removal is not null && !_removal.WaitUntilDismantled(TimeSpan.FromSeconds(5)))
            WriteWarning("The kernel is still dismantling removed namespaces after 5 s; their host-side veth ends may linger briefly.");
    }

    private bool Confirm(string name, List<string> links)
    {
        string question = $"Namespace '{name}' still holds {links.Count} link(s): {string.Join(", ", links)}. They are removed with it. Continue?";
        try
        {
            return ShouldContinue(question, "Remove namespace with links");
        }
        catch (Exception ex) when (ex is PSInvalidOperationException or System.Management.Automation.Host.HostException or NotImplementedException)
        {
            // A non-interactive host cannot ask: say how to proceed instead of failing the whole pipeline.
            throw new ContainerNetException("ConfirmationRequired", ErrorKind.InvalidOperation, name,
                $"Namespace '{name}' still holds {links.Count} link(s) ({string.Join(", ", links)}) and this session cannot ask for confirmation. Add -Force (or -Confirm:$false) to remove it with its links.");
        }
    }

    /// <summary>As for ConfirmImpact.High: ask unless -Confirm was given either way or $ConfirmPreference is above High.</summary>
    private bool NeedsExtraConfirmation()
    {
        if (MyInvocation.BoundParameters.ContainsKey("Confirm") || MyInvocation.BoundParameters.ContainsKey("WhatIf"))
            return false;
        object? preference = SessionState.PSVariable.GetValue("ConfirmPreference");
        return preference is not ConfirmImpact impact || impact != ConfirmImpact.None;
    }

    private List<string> HeldLinks(string name)
    {
        try
        {
            return _removal!.HeldLinks(name).Select(l => l.Name).ToList();
        }
        catch (ContainerNetException)
        {
            return new List<string>(); // cannot look inside: let the removal report what is wrong
        }
    }
}
