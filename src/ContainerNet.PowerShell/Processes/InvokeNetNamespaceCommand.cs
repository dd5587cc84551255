using System.Management.Automation;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Processes;

namespace ContainerNet.Commands;

/// <summary>Runs a program inside a network namespace, as `ip netns exec` does, and returns what it printed.</summary>
// No ShouldProcess: the cmdlet changes nothing itself, and -WhatIf/-Confirm would capture the
// program's own -w/-c style flags (`Invoke-NetNamespace web sh -c ...`).
[Cmdlet(VerbsLifecycle.Invoke, "NetNamespace")]
[OutputType(typeof(NetNamespaceProcessResult))]
public sealed class InvokeNetNamespaceCommand : ContainerNetCmdlet
{
    private readonly CancellationTokenSource _stopping = new();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [Alias("Namespace")]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1)]
    [AllowEmptyString]
    public string FilePath { get; set; } = "";

    [Parameter(Position = 2, ValueFromRemainingArguments = true)]
    public string[] ArgumentList { get; set; } = Array.Empty<string>();

    /// <summary>Kills the program after this many seconds (0 = wait for it).</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int TimeoutSec { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            var runner = new NamespaceProcessRunner(ContainerNetSession.Registry);
            TimeSpan? timeout = TimeoutSec > 0 ? TimeSpan.FromSeconds(TimeoutSec) : null;
            string workingDirectory = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
            WriteObject(runner.Run(Name, FilePath, ArgumentList, timeout, _stopping.Token, workingDirectory));
        });
    }

    protected override void StopProcessing() => _stopping.Cancel();
}
