<#
.SYNOPSIS
    The ContainerNet walkthrough: two "containers" (network namespaces) web and db, each wired to the
    host with a veth pair whose inner end is eth0, shown through ContainerNet's own objects.
.DESCRIPTION
    Runs inside the sandbox that `build.ps1 Demo` creates (a private network and mount namespace):
    nothing here touches the machine's own network. Cleans up after itself.
#>
[CmdletBinding()]
param(
    [string] $ModulePath = ($env:CONTAINERNET_MODULE_PATH ?? (Join-Path $PSScriptRoot '../../out/ContainerNet'))
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

function Show-Step([string] $Text) {
    Write-Host ''
    Write-Host "== $Text" -ForegroundColor Cyan
}

$containers = 'web', 'db'
try {
    Show-Step 'Create the containers'' network namespaces (ip netns compatible, loopback up)'
    New-NetNamespace -Name $containers | Out-Host

    Show-Step 'Wire each one to the host: a veth pair, peer created directly inside as eth0, both ends up'
    $pairs = foreach ($name in $containers) {
        New-VethPair -Name "veth-$name" -PeerName eth0 -PeerNamespace $name -Up
    }
    $pairs | Out-Host

    Show-Step 'The host side (Get-NetLink -Kind veth)'
    Get-NetLink -Kind veth | Out-Host

    Show-Step 'Inside web (Get-NetLink -Namespace web)'
    Get-NetLink -Namespace web | Out-Host

    Show-Step 'Change a link: MTU 1400 on web''s eth0 (Set-NetLink -PassThru)'
    Set-NetLink -Namespace web -Name eth0 -Mtu 1400 -PassThru | Out-Host

    Show-Step 'What a program inside web sees (Invoke-NetNamespace web ip -br link)'
    Invoke-NetNamespace -Name web -FilePath ip -ArgumentList '-br', 'link' | Out-Host

    Show-Step 'The same namespaces, seen by iproute2 (ip netns list)'
    (ip netns list) -join [Environment]::NewLine | Out-Host

    Show-Step 'A clear error instead of a cryptic one: a name the kernel would refuse'
    try {
        New-VethPair -Name 'this-name-is-too-long' -PeerName eth0 -ErrorAction Stop
    }
    catch {
        Write-Host ("{0} [{1}]: {2}" -f $_.FullyQualifiedErrorId, $_.CategoryInfo.Category, $_.Exception.Message)
    }
}
finally {
    Show-Step 'Clean up: removing a namespace unregisters its links; the host ends of the veths go with them'
    Get-NetNamespace -Name $containers -ErrorAction SilentlyContinue | Remove-NetNamespace -Force -PassThru | Out-Host
    Get-NetLink -Kind veth | Out-Host
    Write-Host 'veth links left on the host: ' (@(Get-NetLink -Kind veth).Count)
}
