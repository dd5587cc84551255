<#
.SYNOPSIS
    Times ContainerNet against its peers side by side, in one invocation, inside the sandbox that
    `build.ps1 Bench` creates. Reports min/median per method and each method's ratio to ContainerNet
    (ratio > 1: ContainerNet is faster). Writes out/bench/results.json and results.md.
.DESCRIPTION
    Scenario "bridge-topology" (BridgeScenario.ps1), at each -Count: the topology Docker builds on its
    default bridge, N containers on bridge cn0, with the ContainerNet cmdlets (one New-NetNamespace for
    all names piped into the wiring, and four calls per container in a loop), ContainerNet's Core API,
    a bash script of one `ip` per step, `ip -batch` files (teardown veth by veth, and by namespace),
    and pyroute2 in one python process. A ContainerNet method whose cmdlets or Core types do not exist
    yet is reported as "not available".
    Scenario "veth-into-namespaces" (VethScenario.ps1), at -VethCount: N namespaces, each with a veth
    pair whose peer is eth0 inside, host end up.
    Scenario "publish-ports" (FirewallScenario.ps1), at -PortCount (1000): N published tcp ports with
    the cmdlets (one call for all, one call per port), the Core API, and `nft -f` of the same table.
    Scenario "network" (NetworkScenario.ps1), at each -Count: N containers join one network (10.88.0.0/16,
    masquerade, container 1 publishing host tcp 8080 -> 80) and leave it, with Connect-ContainerNetwork
    (one call per container, and one pipeline), the CNI reference plugins and netavark; the namespaces
    are made and removed untimed; its summary gives per-container times and peer / ContainerNet ratios.
    Every method is verified with the oracles (and traffic, for the bridge) before its time counts;
    verification is not timed; a method that fails verification is reported as failed, not timed.
    Runs of the methods are interleaved; the sandbox is reset between runs.

    build.ps1 passes no parameters: set them through the environment, e.g.
    CONTAINERNET_BENCH_COUNT=1,10 CONTAINERNET_BENCH_RUNS=5 dotnet pwsh ./build.ps1 Bench
    (also CONTAINERNET_BENCH_SCENARIO=bridge-topology to run one scenario).
#>
[CmdletBinding()]
param(
    [ValidateSet('bridge-topology', 'veth-into-namespaces', 'publish-ports', 'network')]
    [string[]] $Scenario = $(if ($env:CONTAINERNET_BENCH_SCENARIO) { $env:CONTAINERNET_BENCH_SCENARIO -split '[,\s]+' | Where-Object { $_ } }
                             else { 'bridge-topology', 'veth-into-namespaces', 'publish-ports', 'network' }),
    # Containers per run for bridge-topology and network. Strings are split at commas: under `pwsh -File`, "-Count 1,10"
    # arrives as one string, which [int[]] would read as 110.
    [string[]] $Count = $(if ($env:CONTAINERNET_BENCH_COUNT) { $env:CONTAINERNET_BENCH_COUNT } else { 1, 10, 100, 500 }),
    # Namespaces per run for veth-into-namespaces.
    [string[]] $VethCount = @(100),
    [string[]] $PortCount = @(1000),
    [ValidateRange(1, 20)]
    [int] $Runs = $(if ($env:CONTAINERNET_BENCH_RUNS) { $env:CONTAINERNET_BENCH_RUNS } else { 3 }),
    [string] $ModulePath = ($env:CONTAINERNET_MODULE_PATH ?? (Join-Path $PSScriptRoot '../../out/ContainerNet')),
    [string] $OutputDirectory = (Join-Path $PSScriptRoot '../../out/bench')
)

$ErrorActionPreference = 'Stop'
$bridgeCounts, $vethCounts, $portCounts = foreach ($list in $Count, $VethCount, $PortCount) {
    , [int[]] @($list -split '[,\s]+' | Where-Object { $_ } | ForEach-Object {
        $value = 0
        if (-not [int]::TryParse($_, [ref] $value) -or $value -lt 1 -or $value -gt 10000) { throw "Not a count (1-10000): '$_'" }
        $value
    })
}
# Peers' exit codes are checked where they are started (Invoke-PeerProgram).
$PSNativeCommandUseErrorActionPreference = $false
. (Join-Path $PSScriptRoot 'BenchmarkHarness.ps1')
. (Join-Path $PSScriptRoot 'VethScenario.ps1')
. (Join-Path $PSScriptRoot 'BridgeScenario.ps1')
. (Join-Path $PSScriptRoot 'FirewallScenario.ps1')
. (Join-Path $PSScriptRoot 'NetworkScenario.ps1')
Import-Module $ModulePath -Force
Assert-BenchmarkSandbox

$clock = [System.Diagnostics.Stopwatch]::StartNew()
$plan = @(
    if ($Scenario -contains 'bridge-topology') { foreach ($n in $bridgeCounts) { @{ Scenario = Get-BridgeScenario; Count = $n } } }
    if ($Scenario -contains 'veth-into-namespaces') { foreach ($n in $vethCounts) { @{ Scenario = Get-VethScenario; Count = $n } } }
    if ($Scenario -contains 'publish-ports') { foreach ($n in $portCounts) { @{ Scenario = Get-FirewallScenario; Count = $n } } }
    if ($Scenario -contains 'network') { foreach ($n in $bridgeCounts) { @{ Scenario = Get-NetworkScenario; Count = $n } } }
)
$results = [System.Collections.Generic.List[object]]::new()
$aborted = $null
foreach ($step in $plan) {
    $lap = [System.Diagnostics.Stopwatch]::StartNew()
    try {
        # A scenario may bring its own runner (same parameters and rows as Invoke-BenchmarkScenario).
        $runner = if ($step.Scenario.Runner) { $step.Scenario.Runner } else { 'Invoke-BenchmarkScenario' }
        foreach ($result in & $runner -Scenario $step.Scenario.Name -Methods $step.Scenario.Methods -Count $step.Count -Runs $Runs) {
            $results.Add($result)
        }
    }
    catch {
        # Only a sandbox that cannot be reset gets here: later numbers would be distorted. Report what we have.
        $aborted = $_
        break
    }
    Write-Host ('  {0} N={1}: {2:N1} s (setup, verification, teardown and resets of {3} runs per method)' -f
        $step.Scenario.Name, $step.Count, $lap.Elapsed.TotalSeconds, $Runs)
}

$kernel = (Get-Content -Raw /proc/sys/kernel/osrelease).Trim()
$preamble = @(
    "# ContainerNet benchmark ($([DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm')) UTC)"
    ''
    "Kernel $kernel, $([Environment]::ProcessorCount) CPUs, pwsh $($PSVersionTable.PSVersion), $Runs runs per method (runs interleaved), total $('{0:N0}' -f $clock.Elapsed.TotalSeconds) s."
    'Times in seconds; setup and teardown timed separately; verification (oracles and pings) not timed; teardown includes the wait until the kernel has removed the devices.'
)
Write-BenchmarkReport -Results $results -Baseline 'ContainerNet cmdlets' -OutputDirectory $OutputDirectory `
    -Acceptance (Get-BridgeAcceptance $results) -Preamble $preamble
Write-NetworkSummary $results $OutputDirectory
Write-Host ('Benchmark took {0:N1} s.' -f $clock.Elapsed.TotalSeconds)
if ($aborted) { throw $aborted }
