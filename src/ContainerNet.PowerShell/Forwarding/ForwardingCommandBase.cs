using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Addressing;
using ContainerNet.Core.Forwarding;
using ContainerNet.Core.Links;

namespace ContainerNet.Commands.Forwarding;

/// <summary>Enable-/Disable-IPForwarding: the same parameters, the opposite value.</summary>
public abstract class ForwardingCommandBase : ContainerNetCmdlet
{
    /// <summary>The namespace (absent: the caller's own); binds Name from piped NetNamespace objects.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    /// <summary>Only this family (absent: IPv4 and IPv6).</summary>
    [Parameter]
    public IPFamily? Family { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected abstract bool Enabled { get; }

    protected override void ProcessRecord()
    {
        string families = Family?.ToString() ?? "IPv4 and IPv6";
        if (!ShouldProcess(LinkOperations.Describe(Namespace), $"{(Enabled ? "Enable" : "Disable")} {families} forwarding"))
            return;
        TryRun(() =>
        {
            ForwardingState state = ContainerNetSession.Forwarding.Set(Namespace, Family, Enabled);
            if (PassThru)
                WriteObject(state);
        });
    }
}
