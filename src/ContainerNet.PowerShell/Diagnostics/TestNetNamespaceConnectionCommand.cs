using System.Management.Automation;
using System.Net;
using ContainerNet.Commands.Infrastructure;
using ContainerNet.Core.Diagnostics;
using ContainerNet.Core.Errors;

namespace ContainerNet.Commands;

/// <summary>
/// Tests whether a namespace reaches an address: an ICMP echo (ping), or a TCP connect with -Port.
/// Unreachable is the answer (Reachable false, Error says why), not an error record.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "NetNamespaceConnection")]
[OutputType(typeof(ConnectionTestResult), typeof(bool))]
public sealed class TestNetNamespaceConnectionCommand : ContainerNetCmdlet
{
    private readonly CancellationTokenSource _stopping = new();
    private ConnectionTestOptions _options = new();
    private ConnectionTester? _tester;

    /// <summary>
    /// Where to test from; absent or empty for the host. Binds the Name of piped NetNamespace objects
    /// (alias Name; no other parameter is called Name) and the Namespace of NetLink-like objects.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(Completion.NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public string[] Address { get; set; } = [];

    [Parameter]
    public int? Port { get; set; }

    [Parameter]
    public ConnectionTestProtocol? Protocol { get; set; }

    [Parameter]
    public int Count { get; set; } = ConnectionTestOptions.DefaultCount;

    [Parameter]
    public int TimeoutMilliseconds { get; set; } = ConnectionTestOptions.DefaultTimeoutMilliseconds;

    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _options = new ConnectionTestOptions
        {
            Port = Port,
            Protocol = Protocol,
            Count = Count,
            TimeoutMilliseconds = TimeoutMilliseconds,
        };
        try
        {
            _options.Validate();
        }
        catch (ContainerNetException failure)
        {
            ThrowFailure(failure);
        }
        _tester = new ConnectionTester(ContainerNetSession.Registry);
    }

    protected override void ProcessRecord()
    {
        string namespaceName = Namespace ?? "";
        if (namespaceName.Length > 0 && !TryRun(() => ContainerNetSession.Registry.Get(namespaceName)))
            return; // this record's namespace is missing: one error, not one per address
        foreach (string text in Address)
        {
            IPAddress? address = null;
            if (!TryRun(() => address = ConnectionTester.ParseAddress(text)))
                continue;
            ConnectionTestResult? result = null;
            try
            {
                if (!TryRun(() => result = _tester!.Test(namespaceName, address!, _options, _stopping.Token)))
                    continue;
            }
            catch (OperationCanceledException)
            {
                return; // Ctrl+C: StopProcessing asked
            }
            foreach (ConnectionAttempt attempt in result!.Attempts)
                WriteVerbose($"{result.Protocol} {result.Address}{(result.Port is { } p ? $" port {p}" : "")} {attempt}");
            if (Quiet)
                WriteObject(result.Reachable);
            else
                WriteObject(result);
        }
    }

    protected override void StopProcessing() => _stopping.Cancel();
}
