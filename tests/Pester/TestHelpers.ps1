# Shared helpers for the ContainerNet Pester suites: unique names, and the kernel oracles (iproute2)
# that every test checks the cmdlets against. Dot-source it after Sandbox.ps1 and its guard: the
# cleanup helpers here change network state and must only ever run inside the sandbox.

function New-TestName {
    <# A name unique to this run: the prefix and six hex digits (keep the prefix to 9 characters so a
       link name stays within the kernel's 15 bytes). #>
    param([Parameter(Mandatory)][ValidateLength(1, 9)][string]$Prefix)
    $Prefix + [Guid]::NewGuid().ToString('N').Substring(0, 6)
}

function Invoke-Ip {
    <# Runs ip with the given arguments and throws with its message when it fails. #>
    $output = & ip @args 2>&1
    if ($LASTEXITCODE -ne 0) {
        throw "ip $($args -join ' ') failed ($LASTEXITCODE): $($output -join "`n")"
    }
    $output
}

function Get-OracleLink {
    <# The links of a namespace (host when -Namespace is empty) as `ip -d -j link` reports them; with
       -Name only that link (or nothing). #>
    param([string]$Namespace, [string]$Name)
    $arguments = @('-d', '-j')
    if ($Namespace) { $arguments += '-n', $Namespace }
    $arguments += 'link', 'show'
    $links = (Invoke-Ip @arguments) -join "`n" | ConvertFrom-Json
    if ($PSBoundParameters.ContainsKey('Name')) { $links | Where-Object ifname -CEQ $Name } else { $links }
}

function Get-OracleLinkName {
    param([string]$Namespace)
    @(Get-OracleLink -Namespace $Namespace | ForEach-Object ifname)
}

function Get-OracleKind {
    <# The kind ContainerNet reports, as the oracle shows it: IFLA_INFO_KIND, else loopback/device. #>
    param([Parameter(Mandatory)]$Link)
    if ($Link.linkinfo.info_kind) { $Link.linkinfo.info_kind }
    elseif ($Link.link_type -eq 'loopback') { 'loopback' }
    else { 'device' }
}

function Test-OracleUp {
    <# Administratively up (IFF_UP), as `ip link` shows in the flags. #>
    param([Parameter(Mandatory)]$Link)
    @($Link.flags) -contains 'UP'
}

function Get-OraclePeerIndex {
    <# A veth's peer index as the oracle shows it: `link_index` when the peer is in another namespace,
       else `link` names the peer in the same namespace. #>
    param([Parameter(Mandatory)]$Link, [string]$Namespace)
    if ($null -ne $Link.link_index) { return $Link.link_index }
    if ($Link.link) { return (Get-OracleLink -Namespace $Namespace -Name $Link.link).ifindex }
    $null
}

function Get-OracleNamespaceName {
    <# Names from `ip netns list`, sorted. #>
    $list = (Invoke-Ip -j netns list) -join "`n"
    if ([string]::IsNullOrWhiteSpace($list)) { return @() }
    @($list | ConvertFrom-Json | ForEach-Object name | Sort-Object)
}

function Get-NamespaceInode {
    param([Parameter(Mandatory)][string]$Name)
    [ulong](& stat -L -c %i "/run/netns/$Name")
}

function Get-OracleSnapshot {
    <# Everything a failed command could have left behind, as text to compare before/after: the
       namespaces (`ip netns list` and the files under /run/netns), and the links of the host and of
       every namespace (name, index, kind, mtu, mac, admin state, peer). Operational state is left
       out: carrier changes arrive asynchronously. #>
    $lines = [System.Collections.Generic.List[string]]::new()
    $names = Get-OracleNamespaceName
    $lines.Add("netns: $($names -join ',')")
    Get-ChildItem -LiteralPath /run/netns -Recurse -Force -ErrorAction SilentlyContinue |
        Sort-Object FullName | ForEach-Object { $lines.Add("file: $($_.FullName)") }
    foreach ($namespace in @('') + $names) {
        foreach ($link in Get-OracleLink -Namespace $namespace) {
            $lines.Add(('link: [{0}] {1} #{2} {3} mtu={4} mac={5} up={6} peer={7}{8}' -f $namespace, $link.ifname,
                    $link.ifindex, (Get-OracleKind $link), $link.mtu, $link.address, (Test-OracleUp $link), $link.link_index, $link.link))
        }
    }
    $lines -join "`n"
}

function Remove-OracleNamespace {
    <# Cleanup through iproute2 (so it works even when the cmdlets under test do not). #>
    param([string[]]$Name)
    foreach ($n in $Name) {
        if ($n -and (Test-Path -LiteralPath "/run/netns/$n")) { & ip netns del $n 2>$null }
    }
}

function Remove-OracleLink {
    <# Deletes host links by name if they still exist (deleting one veth end deletes both). #>
    param([string[]]$Name, [string]$Namespace)
    foreach ($n in $Name) {
        if (-not $n) { continue }
        if ($Namespace) { & ip -n $Namespace link del $n 2>$null } else { & ip link del $n 2>$null }
    }
}

function Wait-Oracle {
    <# Polls a condition (the kernel dismantles namespaces and propagates carrier asynchronously). #>
    param([Parameter(Mandatory)][scriptblock]$Condition, [double]$TimeoutSec = 5)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while (-not (& $Condition)) {
        if ([DateTime]::UtcNow -ge $deadline) { return $false }
        Start-Sleep -Milliseconds 20
    }
    $true
}
