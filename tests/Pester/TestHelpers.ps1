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
       namespaces (`ip netns list` and the files under /run/netns); the links of the host and of
       every namespace (name, index, kind, mtu, mac, admin state, peer, master and bridge port
       options); their addresses (`ip -j addr`) and main-table routes (`ip -j route`, IPv4 and IPv6);
       IP forwarding; and the nftables ruleset of each (`nft list ruleset`, every table, set element
       and rule, when nft is installed). Left out, as they change asynchronously: operational state and carrier,
       the STP port state, IPv6 link-local addresses and routes (the kernel adds them when a
       carrier comes) and address flags such as tentative. #>
    $lines = [System.Collections.Generic.List[string]]::new()
    $names = Get-OracleNamespaceName
    $lines.Add("netns: $($names -join ',')")
    Get-ChildItem -LiteralPath /run/netns -Recurse -Force -ErrorAction SilentlyContinue |
        Sort-Object FullName | ForEach-Object { $lines.Add("file: $($_.FullName)") }
    foreach ($namespace in @('') + $names) {
        foreach ($link in Get-OracleLink -Namespace $namespace) {
            $lines.Add(('link: [{0}] {1} #{2} {3} mtu={4} mac={5} up={6} peer={7}{8} master={9}{10}' -f $namespace, $link.ifname,
                    $link.ifindex, (Get-OracleKind $link), $link.mtu, $link.address, (Test-OracleUp $link), $link.link_index, $link.link,
                    $link.master, (Format-OracleBridgePortOption $link.linkinfo.info_slave_data)))
        }
        foreach ($address in Get-OracleAddress -Namespace $namespace | Where-Object { -not (Test-OracleLinkLocal $_.local) }) {
            $lines.Add(('addr: [{0}] {1} {2} {3}/{4} scope={5}' -f $namespace, $address.ifname, $address.family, $address.local,
                    $address.prefixlen, $address.scope))
        }
        foreach ($route in Get-OracleRoute -Namespace $namespace | Where-Object { -not (Test-OracleLinkLocal $_.dst) }) {
            $lines.Add(('route: [{0}] {1} via={2} dev={3} metric={4} proto={5} scope={6} src={7}' -f $namespace, $route.dst,
                    $route.gateway, $route.dev, $route.metric, $route.protocol, $route.scope, $route.prefsrc))
        }
        $forwarding = Get-OracleForwarding -Namespace $namespace
        $lines.Add(('forwarding: [{0}] ipv4={1} ipv6={2}' -f $namespace, $forwarding.IPv4, $forwarding.IPv6))
        foreach ($line in Get-OracleNftSnapshotLine -Namespace $namespace) { $lines.Add($line) }
    }
    $lines -join "`n"
}

function Format-OracleBridgePortOption {
    <# The bridge port options a command sets, from `ip -d -j link`'s info_slave_data (empty for a link
       that is not a bridge port). #>
    param($SlaveData)
    if (-not $SlaveData) { return '' }
    ' isolated={0} hairpin={1} learning={2}' -f $SlaveData.isolated, $SlaveData.hairpin, $SlaveData.learning
}

function Test-OracleLinkLocal {
    <# fe80::/10, the addresses and routes the kernel makes by itself when an IPv6 link comes up. #>
    param([string]$Text)
    $Text -match '^fe[89ab][0-9a-f]:'
}

function Get-OracleAddress {
    <# The addresses of a namespace (host when -Namespace is empty), one object per address as
       `ip -j addr` reports them, with the link's name: ifname, family (inet/inet6), local, prefixlen,
       scope, tentative, nodad, and Cidr ("10.1.0.2/16"). -Interface and -Family narrow the list. #>
    param([string]$Namespace, [string]$Interface, [ValidateSet('', 'IPv4', 'IPv6')][string]$Family = '')
    $arguments = @('-j')
    if ($Namespace) { $arguments += '-n', $Namespace }
    if ($Family -eq 'IPv4') { $arguments += '-4' }
    if ($Family -eq 'IPv6') { $arguments += '-6' }
    $arguments += 'addr', 'show'
    if ($Interface) { $arguments += 'dev', $Interface }
    foreach ($link in (Invoke-Ip @arguments) -join "`n" | ConvertFrom-Json) {
        foreach ($info in @($link.addr_info)) {
            if (-not $info.local) { continue }
            [pscustomobject]@{
                ifname    = $link.ifname
                ifindex   = $link.ifindex
                family    = $info.family
                local     = $info.local
                prefixlen = $info.prefixlen
                scope     = $info.scope
                tentative = [bool]$info.tentative
                nodad     = [bool]$info.nodad
                Cidr      = "$($info.local)/$($info.prefixlen)"
            }
        }
    }
}

function Get-OracleAddressCidr {
    <# Just the "address/prefix" strings of a link (or of the whole namespace), sorted. #>
    param([string]$Namespace, [string]$Interface, [ValidateSet('', 'IPv4', 'IPv6')][string]$Family = '')
    @(Get-OracleAddress @PSBoundParameters | ForEach-Object Cidr | Sort-Object)
}

function Get-OracleRoute {
    <# The main table's routes of a namespace, IPv4 then IPv6, as `ip -j route` reports them, with dst
       written as CIDR ("default" becomes 0.0.0.0/0 or ::/0, a host route gets /32 or /128) and a
       Family property (IPv4/IPv6). #>
    param([string]$Namespace, [ValidateSet('', 'IPv4', 'IPv6')][string]$Family = '')
    $families = if ($Family) { @($Family) } else { @('IPv4', 'IPv6') }
    foreach ($f in $families) {
        $arguments = @('-j', $(if ($f -eq 'IPv4') { '-4' } else { '-6' }))
        if ($Namespace) { $arguments += '-n', $Namespace }
        $arguments += 'route', 'show', 'table', 'main'
        $text = (Invoke-Ip @arguments) -join "`n"
        if ([string]::IsNullOrWhiteSpace($text)) { continue }
        foreach ($route in $text | ConvertFrom-Json) {
            $dst = $route.dst
            if ($dst -eq 'default') { $dst = if ($f -eq 'IPv4') { '0.0.0.0/0' } else { '::/0' } }
            elseif ($dst -notlike '*/*') { $dst += $(if ($f -eq 'IPv4') { '/32' } else { '/128' }) }
            $route | Add-Member -NotePropertyName dst -NotePropertyValue $dst -Force
            $route | Add-Member -NotePropertyName Family -NotePropertyValue $f -Force
            $route
        }
    }
}

function Get-OracleBridgePort {
    <# Bridge ports as `bridge -d -j link` reports them (ifname, master, state, isolated, hairpin,
       learning, ...), in a namespace (host when -Namespace is empty); with -Name only that port. #>
    param([string]$Namespace, [string]$Name)
    $arguments = @('-d', '-j')
    if ($Namespace) { $arguments = @('-n', $Namespace) + $arguments }
    $output = & bridge @arguments link show 2>&1
    if ($LASTEXITCODE -ne 0) { throw "bridge $($arguments -join ' ') link show failed ($LASTEXITCODE): $($output -join "`n")" }
    $text = $output -join "`n"
    if ([string]::IsNullOrWhiteSpace($text)) { return }
    $ports = @($text | ConvertFrom-Json)
    if ($PSBoundParameters.ContainsKey('Name')) { $ports | Where-Object ifname -CEQ $Name } else { $ports }
}

function Get-OracleForwarding {
    <# IP forwarding of a namespace (host when -Namespace is empty), read from /proc/sys as the
       namespace itself sees it (`ip netns exec NS cat`): IPv4 = net.ipv4.ip_forward, IPv6 =
       net.ipv6.conf.all.forwarding. #>
    param([string]$Namespace)
    $files = '/proc/sys/net/ipv4/ip_forward', '/proc/sys/net/ipv6/conf/all/forwarding'
    $values = if ($Namespace) { & ip netns exec $Namespace cat @files 2>&1 } else { & cat @files 2>&1 }
    if ($LASTEXITCODE -ne 0) { throw "reading forwarding in '$Namespace' failed ($LASTEXITCODE): $($values -join "`n")" }
    [pscustomobject]@{ IPv4 = [bool][int]$values[0]; IPv6 = [bool][int]$values[1] }
}

function Test-OraclePing {
    <# One ICMP echo with iputils ping from a namespace (host when -Namespace is empty): $true when
       answered within -TimeoutSec. -Attempts > 1 retries (for "it works" checks right after setup,
       where the first echo may race the carrier); a negative check should keep one attempt. #>
    param([string]$Namespace, [Parameter(Mandatory)][string]$Address, [int]$TimeoutSec = 1, [int]$Attempts = 1)
    $family = if ($Address -like '*:*') { '-6' } else { '-4' }
    for ($i = 0; $i -lt $Attempts; $i++) {
        if ($Namespace) { $null = & ip netns exec $Namespace ping $family -n -q -c 1 -W $TimeoutSec $Address 2>&1 }
        else { $null = & ping $family -n -q -c 1 -W $TimeoutSec $Address 2>&1 }
        if ($LASTEXITCODE -eq 0) { return $true }
    }
    $false
}

function Get-Reachability {
    <# Two independent views of "does Namespace reach Address": iputils ping (Ping) and ContainerNet's
       Test-NetNamespaceConnection (Cmdlet, its Reachable). Tests assert both, so the cmdlet and the
       oracle must agree. -Attempts as for Test-OraclePing, for each of the two. #>
    param([string]$Namespace, [Parameter(Mandatory)][string]$Address, [int]$Attempts = 1)
    $ping = Test-OraclePing -Namespace $Namespace -Address $Address -Attempts $Attempts
    $result = $null
    for ($i = 0; $i -lt $Attempts; $i++) {
        $result = Test-NetNamespaceConnection -Namespace $Namespace -Address $Address -TimeoutMilliseconds 1000
        if ($result.Reachable) { break }
    }
    [pscustomobject]@{ Ping = $ping; Cmdlet = [bool]$result.Reachable; Error = $result.Error }
}

function New-BridgeContainer {
    <# One container on a bridge, as Docker makes it, with the cmdlets only. Returns its names. #>
    param([Parameter(Mandatory)][string]$Bridge, [Parameter(Mandatory)][string]$Prefix,
        [Parameter(Mandatory)][string]$Address, [Parameter(Mandatory)][string]$Gateway)
    $name = New-TestName $Prefix
    $hostEnd = "v$name"
    $null = New-NetNamespace -Name $name
    $null = Set-NetLink -Namespace $name -Name lo -State Up
    $null = New-VethPair -Name $hostEnd -PeerName eth0 -PeerNamespace $name -Up | Add-BridgePort -Bridge $Bridge
    $null = Add-NetAddress -Namespace $name -Interface eth0 -Address $Address
    $null = Add-NetRoute -Namespace $name -Default -Gateway $Gateway
    [pscustomobject]@{ Namespace = $name; HostEnd = $hostEnd; Address = ($Address -split '/')[0] }
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

# nftables oracles (`nft`, run in a namespace through `ip netns exec`; the host when -Namespace is empty).

function Invoke-Nft {
    <# Runs nft in the host with the given arguments (`Invoke-Nft -j list ruleset`) and throws with its
       message when it fails. #>
    Invoke-NftIn -Arguments $args
}

function Invoke-NftIn {
    <# Runs nft with -Arguments in -Namespace (the host when empty) and throws with its message when it fails. #>
    param([string]$Namespace, [Parameter(Mandatory)][string[]]$Arguments)
    $output = if ($Namespace) { & ip netns exec $Namespace nft @Arguments 2>&1 } else { & nft @Arguments 2>&1 }
    if ($LASTEXITCODE -ne 0) {
        throw "nft $($Arguments -join ' ') failed ($LASTEXITCODE): $($output -join "`n")"
    }
    $output
}

function Test-OracleNft {
    <# Whether the nft command exists (the snapshot leaves the ruleset out where it does not). #>
    [bool](Get-Command nft -CommandType Application -ErrorAction Ignore)
}

function Get-OracleNftRulesetText {
    <# `nft list ruleset` as one string: the text to compare byte for byte before and after. -Stateless
       (`nft -s`) leaves out counter and quota values, which traffic changes. #>
    param([string]$Namespace, [switch]$Stateless)
    $arguments = @($(if ($Stateless) { '-s' } else { @() })) + @('list', 'ruleset')
    (Invoke-NftIn -Namespace $Namespace -Arguments $arguments) -join "`n"
}

function Get-OracleNftRuleset {
    <# `nft -j list ruleset` parsed: the objects of its nftables array (each has one property: table,
       chain, set, map, rule, element...), without the metainfo. #>
    param([string]$Namespace)
    $json = (Invoke-NftIn -Namespace $Namespace -Arguments '-j', 'list', 'ruleset') -join "`n"
    if ([string]::IsNullOrWhiteSpace($json)) { return }
    @(($json | ConvertFrom-Json).nftables) | Where-Object { -not $_.PSObject.Properties['metainfo'] }
}

function Get-OracleNftObject {
    <# The objects of one kind from `nft -j list ruleset` (table, chain, set, map, rule), with -Table
       (and -Family, default inet) narrowing them to one table. #>
    param([Parameter(Mandatory)][ValidateSet('table', 'chain', 'set', 'map', 'rule')][string]$Kind,
        [string]$Table, [string]$Family = 'inet', [string]$Namespace)
    foreach ($item in Get-OracleNftRuleset -Namespace $Namespace) {
        $object = $item.$Kind
        if ($null -eq $object) { continue }
        if ($Table) {
            $name = if ($Kind -eq 'table') { $object.name } else { $object.table }
            if ($name -cne $Table -or $object.family -cne $Family) { continue }
        }
        $object
    }
}

function Get-OracleNftRuleCount {
    <# The number of rules in the whole ruleset (or in one table), as `nft -j list ruleset` lists them. #>
    param([string]$Table, [string]$Namespace)
    @(Get-OracleNftObject -Kind rule -Table $Table -Namespace $Namespace).Count
}

function Test-OracleNftTable {
    <# Whether the table exists (`nft -j list ruleset`). #>
    param([Parameter(Mandatory)][string]$Name, [string]$Family = 'inet', [string]$Namespace)
    @(Get-OracleNftObject -Kind table -Table $Name -Family $Family -Namespace $Namespace).Count -gt 0
}

function ConvertFrom-OracleNftValue {
    <# One field of an element as nft's JSON writes it: a plain value, {"prefix":{"addr","len"}} or
       {"range":[a,b]}; an element wrapped as {"elem":{"val":...}} is unwrapped. Prefixes come back as
       "addr/len", ranges as "a-b". #>
    param($Value)
    if ($Value -is [pscustomobject]) {
        if ($Value.PSObject.Properties['elem']) { return ConvertFrom-OracleNftValue $Value.elem.val }
        if ($Value.PSObject.Properties['prefix']) { return "$($Value.prefix.addr)/$($Value.prefix.len)" }
        if ($Value.PSObject.Properties['range']) { return "$($Value.range[0])-$($Value.range[1])" }
    }
    $Value
}

function Get-OracleNftElementField {
    <# The fields of a (possibly concatenated) element: an array of values as ConvertFrom-OracleNftValue gives them. #>
    param($Element)
    if ($Element -is [pscustomobject] -and $Element.PSObject.Properties['elem']) { $Element = $Element.elem.val }
    if ($Element -is [pscustomobject] -and $Element.PSObject.Properties['concat']) {
        return @($Element.concat | ForEach-Object { ConvertFrom-OracleNftValue $_ })
    }
    @(ConvertFrom-OracleNftValue $Element)
}

function Get-OraclePortMapping {
    <# ContainerNet's published ports as the kernel holds them: the elements of the maps publish4 and
       publish6 of `inet containernet` (`nft -j list ruleset`), one object per element with Family,
       Protocol (tcp/udp), HostAddress ($null for 0.0.0.0/0 and ::/0, every address), HostPort,
       ContainerAddress, ContainerPort, and Key ("tcp *:8080 -> 10.1.0.2:80") to compare sets of them. #>
    param([string]$Namespace)
    foreach ($map in Get-OracleNftObject -Kind map -Table containernet -Namespace $Namespace) {
        if ($map.name -notin 'publish4', 'publish6') { continue }
        foreach ($pair in @($map.elem)) {
            if ($null -eq $pair) { continue }
            $key = @(Get-OracleNftElementField $pair[0])
            $data = @(Get-OracleNftElementField $pair[1])
            $hostAddress = if ($key[0] -in '0.0.0.0/0', '::/0') { $null } else { [string]$key[0] }
            [pscustomobject]@{
                Family           = if ($map.name -eq 'publish4') { 'IPv4' } else { 'IPv6' }
                Protocol         = [string]$key[1]
                HostAddress      = $hostAddress
                HostPort         = [int]$key[2]
                ContainerAddress = [string]$data[0]
                ContainerPort    = [int]$data[1]
                Key              = '{0} {1}:{2} -> {3}:{4}' -f $key[1], ($hostAddress ?? '*'), $key[2], $data[0], $data[1]
            }
        }
    }
}

function Get-OracleMasquerade {
    <# The masqueraded subnets as the kernel holds them: the elements of the sets masq4 and masq6 of
       `inet containernet`, as "network/len" strings (a /32 or /128 shows as a plain address), sorted. #>
    param([string]$Namespace)
    @(foreach ($set in Get-OracleNftObject -Kind set -Table containernet -Namespace $Namespace) {
            if ($set.name -notin 'masq4', 'masq6') { continue }
            foreach ($element in @($set.elem)) { if ($null -ne $element) { [string]@(Get-OracleNftElementField $element)[0] } }
        }) | Sort-Object
}

function Get-OracleNftSnapshotLine {
    <# The ruleset of a namespace for Get-OracleSnapshot: one "nft: [ns] line" per line of `nft list ruleset`. #>
    param([string]$Namespace)
    if (-not (Test-OracleNft)) { return }
    foreach ($line in (Get-OracleNftRulesetText -Namespace $Namespace) -split "`n") {
        if ($line.Trim()) { "nft: [$Namespace] $line" }
    }
}

function Get-OracleFileSnapshot {
    <# Every entry under the given directories, as text to compare before/after: directories (mode),
       files (mode, size, SHA-256 and the text itself, one "  | line" per line) and symbolic links
       (their target; never followed, so a link into another tree is compared by where it points).
       Hidden entries (such as .lock) are included; a directory that does not exist shows as "missing". #>
    param([Parameter(Mandatory)][string[]]$Path)
    $lines = [System.Collections.Generic.List[string]]::new()
    $pending = [System.Collections.Generic.Stack[string]]::new()
    foreach ($root in $Path) {
        if (-not [IO.Directory]::Exists($root)) { $lines.Add("missing: $root"); continue }
        $pending.Push($root)
        while ($pending.Count -gt 0) {
            $directory = $pending.Pop()
            $entries = [IO.Directory]::GetFileSystemEntries($directory)
            [Array]::Sort($entries, [StringComparer]::Ordinal)
            foreach ($entry in $entries) {
                $info = [IO.FileInfo]::new($entry)
                if ($null -ne $info.LinkTarget) {
                    $lines.Add("link: $entry -> $($info.LinkTarget)")
                }
                elseif ([IO.Directory]::Exists($entry)) {
                    $lines.Add("dir: $entry mode=$([IO.File]::GetUnixFileMode($entry))")
                    $pending.Push($entry)
                }
                else {
                    $bytes = [IO.File]::ReadAllBytes($entry)
                    $hash = [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData($bytes))
                    $lines.Add("file: $entry mode=$($info.UnixFileMode) size=$($bytes.Length) sha256=$hash")
                    foreach ($line in [Text.Encoding]::UTF8.GetString($bytes) -split "`n") { $lines.Add("  | $line") }
                }
            }
        }
    }
    $lines -join "`n"
}
