<#
.SYNOPSIS
    Times ContainerNet against its peers side by side, in one invocation, inside the sandbox that
    `build.ps1 Bench` creates. Reports min/median per method and each peer's ratio to ContainerNet
    (ratio > 1: ContainerNet is faster). Writes out/bench/results.json and results.md.
.DESCRIPTION
    Scenario "veth-into-namespaces": N namespaces, each with a veth pair whose peer is eth0 inside,
    host end up. Every method is verified (the oracle `ip` sees N namespaces with eth0 and N host veths)
    before its time counts; a method that fails verification is reported as failed, not timed.
#>
[CmdletBinding()]
param(
    [int[]] $Count = @(100),
    [ValidateRange(1, 20)] [int] $Runs = 3,
    [string] $ModulePath = ($env:CONTAINERNET_MODULE_PATH ?? (Join-Path $PSScriptRoot '../../out/ContainerNet')),
    [string] $OutputDirectory = (Join-Path $PSScriptRoot '../../out/bench')
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'BenchmarkHarness.ps1')
. (Join-Path $PSScriptRoot 'VethScenario.ps1')
Import-Module $ModulePath -Force
Assert-BenchmarkSandbox

$results = foreach ($n in $Count) {
    foreach ($method in Get-VethScenarioMethods) {
        Measure-Method -Scenario 'veth-into-namespaces' -Method $method -Count $n -Runs $Runs
    }
}
Write-BenchmarkReport -Results $results -Baseline 'ContainerNet cmdlets' -OutputDirectory $OutputDirectory
