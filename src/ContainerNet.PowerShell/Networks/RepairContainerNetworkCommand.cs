using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Networks;

namespace ContainerNet.Commands;

/// <summary>
/// Compares the networks' state with the kernel and fixes what an interrupted operation left: veths
/// without endpoint, endpoints without veth, ports and links of containers that are gone, missing
/// network rules, stale hosts files. Writes one RepairFinding per fix; nothing when all is in step.
/// </summary>
[Cmdlet(VerbsDiagnostic.Repair, "ContainerNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RepairFinding))]
public sealed class RepairContainerNetworkCommand : ContainerNetCmdlet
{
    /// <summary>Networks to repair; absent: all, plus leftovers of networks that no longer exist.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.NetworkNameCompleter))]
    public string[]? Name { get; set; }

    private readonly List<string> _names = new();
    private bool _all;

    protected override void ProcessRecord()
    {
        if (Name is null || Name.Length == 0)
            _all = true;
        else
            _names.AddRange(Name);
    }

    protected override void EndProcessing()
    {
        string target = _all ? "every network" : string.Join(", ", _names);
        if (!ShouldProcess(target, "Repair"))
            return;
        TryRun(() => WriteObject(ContainerNetSession.Networks.Repair(_all ? null : _names.Distinct().ToList()), enumerateCollection: true));
    }
}
