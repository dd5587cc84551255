# Scenario "bridge-topology": the topology Docker builds on its default bridge.
# Once per run: bridge cn0 with 10.88.0.1/16, up, and IPv4 forwarding on in the host (the sandbox's)
# namespace. Per container i (1..N): named namespace cI; veth pair with host end vcI (up, a port of
# cn0) and its peer created directly inside cI as eth0; inside cI lo and eth0 up, 10.88.X.Y/16 on eth0
# (X.Y = i + 1 within the /16: c1 is 10.88.0.2, c255 is 10.88.1.0), default route via 10.88.0.1.
# Teardown removes the namespaces (their veths go with them) and the bridge; the harness counts the
# wait until the kernel has really dismantled them, the same for every method.
# The peers are programs of their own beside this file (bash and python): each is started once per
# measurement, so its start-up counts, as it would for a tool built on it.

$script:BridgeScenarioName = 'bridge-topology'
$script:BridgeGateway = '10.88.0.1'

function Get-BridgeContainerAddress([int] $i) {
    $h = $i + 1
    "10.88.$($h -shr 8).$($h -band 255)"
}


# Alternatives separated by '|': where a type may end up.
$script:BridgeCoreTypes = 'ContainerNet.Core.Bridges.BridgeOperations',
    'ContainerNet.Core.Addresses.AddressOperations', 'ContainerNet.Core.Routes.RouteOperations'
$script:BridgeCmdlets = 'New-NetNamespace', 'New-VethPair', 'New-NetBridge', 'Add-BridgePort', 'Add-NetAddress',
    'Add-NetRoute', 'Enable-IPForwarding', 'Remove-NetNamespace', 'Remove-NetLink'

# Every method's result, checked with the oracles (not timed): namespaces, host veths as up ports of
# cn0, the bridge's address, forwarding, each namespace's lo, eth0 address and default route, then
# traffic: c1 pings cN across the bridge (the bridge itself when N = 1) and the host pings cN.
function Test-BridgeTopology([int] $n) {
    $names = @(ip netns list | ForEach-Object { ($_ -split ' ')[0] } | Where-Object { $_ })
    $expected = [System.Collections.Generic.HashSet[string]]::new([string[]] @(1..$n | ForEach-Object { "c$_" }))
    if ($names.Count -ne $n -or @($names | Where-Object { -not $expected.Contains($_) }).Count) {
        return "expected namespaces c1..c$n, ip netns list shows $($names.Count): $((@($names) | Select-Object -First 5) -join ', ')"
    }

    $bridge = ip -j -d link show dev cn0 2>$null | ConvertFrom-Json
    if (-not $bridge -or $bridge[0].linkinfo.info_kind -ne 'bridge') { return 'no bridge cn0 in the host namespace' }
    if ($bridge[0].flags -notcontains 'UP') { return 'bridge cn0 is not up' }
    $bridgeAddresses = @(ip -j -4 addr show dev cn0 | ConvertFrom-Json | ForEach-Object { $_.addr_info } |
        ForEach-Object { "$($_.local)/$($_.prefixlen)" })
    if ($bridgeAddresses -notcontains "$script:BridgeGateway/16") { return "cn0 has $($bridgeAddresses -join ', '), not $script:BridgeGateway/16" }
    if ((Get-Content -LiteralPath /proc/sys/net/ipv4/ip_forward) -ne '1') { return 'IPv4 forwarding is off in the host namespace' }

    $veths = @(ip -j link show type veth | ConvertFrom-Json)
    if ($veths.Count -ne $n) { return "expected $n host veths, found $($veths.Count)" }
    $hostEnds = [System.Collections.Generic.HashSet[string]]::new([string[]] @(1..$n | ForEach-Object { "vc$_" }))
    $wrong = @($veths | Where-Object { -not $hostEnds.Contains($_.ifname) -or $_.master -ne 'cn0' -or $_.flags -notcontains 'UP' })
    if ($wrong.Count) {
        $first = $wrong[0]
        return "$($wrong.Count) host veths are not up ports of cn0 named vc1..vc$n, e.g. $($first.ifname) (master '$($first.master)', flags $($first.flags -join ','))"
    }

    # One ip per namespace for everything inside: addresses of links that are up (lo has 127.0.0.1
    # only while up) and the default route.
    $batch = New-TemporaryFile
    try {
        Set-Content -LiteralPath $batch -Value 'addr show up', 'route show default'
        $inside = ip -all netns exec ip -o -4 -batch $batch.FullName 2>&1
    }
    finally { Remove-Item -LiteralPath $batch }
    $seen = @{}
    $current = $null
    foreach ($line in $inside) {
        switch -Regex ("$line") {
            '^netns: (\S+)$' { $current = $seen[$Matches[1]] = @{ Lo = $false; Eth0 = @(); Default = $false } }
            '^\d+: lo\s+inet 127\.0\.0\.1/8 ' { if ($current) { $current.Lo = $true } }
            '^\d+: eth0\s+inet (\S+) ' { if ($current) { $current.Eth0 += $Matches[1] } }
            '^default via (\S+) dev eth0\b' { if ($current -and $Matches[1] -eq $script:BridgeGateway) { $current.Default = $true } }
        }
    }
    $problems = foreach ($i in 1..$n) {
        $state = $seen["c$i"]
        $address = "$(Get-BridgeContainerAddress $i)/16"
        if (-not $state) { "c$i not listed by ip -all netns exec" }
        elseif (-not $state.Lo) { "c$i has lo down" }
        elseif ($state.Eth0.Count -eq 0) { "c$i has no IPv4 address on eth0, or eth0 is down" }
        elseif ($state.Eth0.Count -ne 1 -or $state.Eth0[0] -ne $address) { "c$i has $($state.Eth0 -join ', ') on eth0, expected $address" }
        elseif (-not $state.Default) { "c$i has no default route via $script:BridgeGateway dev eth0" }
    }
    if (@($problems).Count) { return "$(@($problems).Count) namespaces wrong, e.g. $(@($problems)[0])" }

    $target = if ($n -gt 1) { Get-BridgeContainerAddress $n } else { $script:BridgeGateway }
    if (-not (Test-Ping @('ip', 'netns', 'exec', 'c1', 'ping') $target)) { return "c1 cannot ping $target" }
    $last = Get-BridgeContainerAddress $n
    if (-not (Test-Ping @('ping') $last)) { return "the host cannot ping c$n ($last)" }
    return $true
}

# A ping, tried up to three times (the first one may wait for neighbour resolution).
function Test-Ping([string[]] $Command, [string] $Address) {
    foreach ($try in 1..3) {
        $null = & $Command[0] @($Command | Select-Object -Skip 1) -c1 -W1 $Address 2>&1
        if ($LASTEXITCODE -eq 0) { return $true }
    }
    return $false
}

function Get-BridgeNamespaceNames([int] $n) { [string[]] @(1..$n | ForEach-Object { "c$_" }) }

# Once per run for both cmdlet methods: forwarding on, bridge cn0 up with the gateway address.
function New-BridgeWithCmdlets {
    Enable-IPForwarding
    if ($script:NewNetBridgeUp) { $null = New-NetBridge -Name cn0 -Up }
    else { $null = New-NetBridge -Name cn0; Set-NetLink -Name cn0 -State Up }
    $null = Add-NetAddress -Interface cn0 -Address "$script:BridgeGateway/16"
}

function Get-BridgeScenario {
    $ipVersion = (ip -V) -replace '^ip utility, ', ''
    $script:BridgeBash = (Get-Command bash -CommandType Application -ErrorAction Ignore | Select-Object -First 1).Source
    $script:BridgePerStepScript = Join-Path $PSScriptRoot 'ip_per_step_bridge.sh'
    $script:BridgeBatchScript = Join-Path $PSScriptRoot 'ip_batch_bridge.sh'
    $script:BridgePyroute2Script = Join-Path $PSScriptRoot 'pyroute2_bridge.py'
    # Debian's python3-pyroute2 lives in /usr/lib/python3/dist-packages: only Debian's python3 sees it
    # (a pyenv or venv python3 earlier on PATH does not).
    $script:BridgePython = '/usr/bin/python3'
    $bashAvailable = { if ($script:BridgeBash) { $true } else { 'bash is not installed' } }
    $verify = { param($n) Test-BridgeTopology $n }
    $cmdletsAvailable = {
        $missing = @($script:BridgeCmdlets | Where-Object { -not (Get-Command $_ -CommandType Cmdlet -ErrorAction Ignore) })
        if ($missing.Count) { return "$($missing -join ', ') missing" }
        # API.md's New-NetBridge has no -Up; use it if it grows one, else Set-NetLink.
        $script:NewNetBridgeUp = (Get-Command New-NetBridge).Parameters.ContainsKey('Up')
        $true
    }
    $cmdletsTeardown = {
        param($n)
        Remove-NetNamespace -Name (Get-BridgeNamespaceNames $n) -Force
        Remove-NetLink -Name cn0
    }

    $methods = @(
        @{
            Name      = 'ContainerNet cmdlets'
            Info      = 'one New-NetNamespace for all names, each namespace wired as it comes down the pipeline'
            Available = $cmdletsAvailable
            Setup     = {
                param($n)
                New-BridgeWithCmdlets
                $i = 0
                # All names in one call: the namespaces are made in the background while ForEach-Object
                # wires each one as it arrives. The port is made in the create request (-Bridge), as
                # the ip -batch peer does with `master cn0`.
                New-NetNamespace -Name (Get-BridgeNamespaceNames $n) | ForEach-Object {
                    $i++
                    $h = $i + 1
                    $null = New-VethPair -Name "vc$i" -PeerName eth0 -PeerNamespace $_.Name -Bridge cn0 -Up
                    $null = Add-NetAddress -Namespace $_.Name -Interface eth0 -Address "10.88.$($h -shr 8).$($h -band 255)/16"
                    $null = Add-NetRoute -Namespace $_.Name -Default -Gateway $script:BridgeGateway
                }
            }
            Verify    = $verify
            Teardown  = $cmdletsTeardown
        }
        @{
            Name      = 'ContainerNet cmdlets, one call per step'
            Info      = 'four cmdlet calls per container in a foreach loop'
            Available = $cmdletsAvailable
            Setup     = {
                param($n)
                New-BridgeWithCmdlets
                foreach ($i in 1..$n) {
                    $ns = "c$i"
                    $h = $i + 1
                    $null = New-NetNamespace -Name $ns
                    $null = New-VethPair -Name "vc$i" -PeerName eth0 -PeerNamespace $ns -Bridge cn0 -Up
                    $null = Add-NetAddress -Namespace $ns -Interface eth0 -Address "10.88.$($h -shr 8).$($h -band 255)/16"
                    $null = Add-NetRoute -Namespace $ns -Default -Gateway $script:BridgeGateway
                }
            }
            Verify    = $verify
            Teardown  = $cmdletsTeardown
        }
        @{
            Name      = 'ContainerNet Core API'
            Available = {
                $missing = @($script:BridgeCoreTypes | Where-Object { -not @($_ -split '\|' | Where-Object { $_ -as [type] }).Count })
                if ($missing.Count) { return "Core type(s) $(($missing -replace '\|', ' or ') -join ', ') not loaded" }
                $true
            }
            Setup     = {
                param($n)
                $registry = [ContainerNet.Core.Namespaces.NamespaceRegistry]::new()
                $connections = [ContainerNet.Core.Namespaces.NamespaceConnections]::new($registry)
                $links = [ContainerNet.Core.Links.LinkOperations]::new($connections)
                $bridges = [ContainerNet.Core.Bridges.BridgeOperations]::new($connections, $links)
                $addresses = [ContainerNet.Core.Addresses.AddressOperations]::new($connections, $links)
                $routes = [ContainerNet.Core.Routes.RouteOperations]::new($connections, $links)
                $forwarding = [ContainerNet.Core.Forwarding.ForwardingOperations]::new($registry)
                $script:bridgeCore = @{ Connections = $connections; Links = $links }
                # [NullString]::Value: PowerShell would pass $null to a .NET string parameter as ''.
                $null = $forwarding.Set([NullString]::Value, [ContainerNet.Core.Addressing.IPFamily]::IPv4, $true)
                $null = $bridges.CreateBridge([NullString]::Value, 'cn0', $null, [NullString]::Value, $true)
                $null = $addresses.Add([NullString]::Value, 'cn0', "$script:BridgeGateway/16", $false)
                $defaultRoute = [ContainerNet.Core.Routes.RouteSpec]@{ IsDefault = $true; Gateway = $script:BridgeGateway }
                # The namespaces are made on the workers in the background; each is wired once it exists.
                $creations = $connections.StartCreatingNamespaces([string[]] @(Get-BridgeNamespaceNames $n), [System.Threading.CancellationToken]::None)
                foreach ($i in 1..$n) {
                    $ns = "c$i"
                    $h = $i + 1
                    $null = $creations[$i - 1].GetAwaiter().GetResult()
                    $spec = [ContainerNet.Core.Links.VethPairSpec]@{ Name = "vc$i"; PeerName = 'eth0'; PeerNamespace = $ns; Bridge = 'cn0'; Up = $true }
                    $null = $links.CreateVethPair($spec)
                    $null = $addresses.Add($ns, 'eth0', "10.88.$($h -shr 8).$($h -band 255)/16", $false)
                    $null = $routes.Add($ns, $defaultRoute)
                }
            }
            Verify    = $verify
            Teardown  = {
                param($n)
                $core = $script:bridgeCore
                $removal = [ContainerNet.Core.Namespaces.NamespaceRemoval]::new($core.Connections, $core.Links)
                foreach ($i in 1..$n) { $removal.Remove("c$i") }
                $null = $removal.WaitUntilDismantled([timespan]::FromSeconds(10))
                $null = $core.Links.Remove([NullString]::Value, 'cn0')
                $core.Connections.Dispose()
            }
        }
        @{
            Name      = 'ip per step (bash)'
            Info      = "one ip process per step; $ipVersion"
            Available = $bashAvailable
            Setup     = { param($n) Invoke-PeerProgram $script:BridgeBash @($script:BridgePerStepScript, $n, 'setup') }
            Verify    = $verify
            Teardown  = { param($n) Invoke-PeerProgram $script:BridgeBash @($script:BridgePerStepScript, $n, 'teardown') }
        }
        @{
            Name      = 'ip -batch'
            Info      = 'teardown: link del veth by veth, then netns del'
            Available = $bashAvailable
            Setup     = { param($n) Invoke-PeerProgram $script:BridgeBash @($script:BridgeBatchScript, $n, 'setup') }
            Verify    = $verify
            Teardown  = { param($n) Invoke-PeerProgram $script:BridgeBash @($script:BridgeBatchScript, $n, 'teardown') }
        }
        @{
            Name      = 'ip -batch (netns del)'
            Info      = 'setup as ip -batch; teardown: netns del only'
            Available = $bashAvailable
            Setup     = { param($n) Invoke-PeerProgram $script:BridgeBash @($script:BridgeBatchScript, $n, 'setup') }
            Verify    = $verify
            Teardown  = { param($n) Invoke-PeerProgram $script:BridgeBash @($script:BridgeBatchScript, $n, 'teardown-netns') }
        }
        @{
            Name      = 'pyroute2'
            Info      = "python3-pyroute2 $(dpkg-query -W -f '${Version}' python3-pyroute2 2>$null); NetNS proxy per namespace"
            Available = {
                if (-not (Test-Path -LiteralPath $script:BridgePython)) { return "$script:BridgePython missing (apt-get install -y python3-pyroute2)" }
                $null = & $script:BridgePython -c 'import pyroute2' 2>&1
                if ($LASTEXITCODE) { return "python3-pyroute2 not installed (apt-get install -y python3-pyroute2; build.ps1 Bench installs it)" }
                $true
            }
            Setup     = { param($n) Invoke-PeerProgram $script:BridgePython @($script:BridgePyroute2Script, $n, 'setup') }
            Verify    = $verify
            Teardown  = { param($n) Invoke-PeerProgram $script:BridgePython @($script:BridgePyroute2Script, $n, 'teardown') }
        }
    )
    @{ Name = $script:BridgeScenarioName; Methods = $methods }
}

# Issue 4's targets, at the largest N measured, and one of ours marked as such (the loop of one cmdlet
# call per step). Each is a ratio of medians; "n/a" where a method has no time (not available or failed).
function Get-BridgeAcceptance($Results) {
    $rows = @($Results | Where-Object Scenario -EQ $script:BridgeScenarioName)
    if ($rows.Count -eq 0) { return @() }
    $n = [int] ($rows | Measure-Object -Property Count -Maximum).Maximum
    $at = { param($method) $rows | Where-Object { $_.Count -eq $n -and $_.Method -eq $method } | Select-Object -First 1 }
    $cmdlets = & $at 'ContainerNet cmdlets'
    $cmdletsPerStep = & $at 'ContainerNet cmdlets, one call per step'
    $core = & $at 'ContainerNet Core API'
    $perStep = & $at 'ip per step (bash)'
    $batch = & $at 'ip -batch'
    $check = {
        param($target, $numerator, $numeratorName, $denominator, $denominatorName, $property, [double] $limit, [bool] $atMost)
        $value = $null
        if ($numerator.$property -and $denominator.$property) { $value = $numerator.$property / $denominator.$property }
        $verdict = if ($null -eq $value) {
            $missing = @(@(@($numerator, $numeratorName), @($denominator, $denominatorName)) |
                Where-Object { -not $_[0].$property } | ForEach-Object { $_[1] })
            "n/a: no time for $($missing -join ', ')"
        }
        elseif (($atMost -and $value -le $limit) -or (-not $atMost -and $value -ge $limit)) { 'met' }
        else { 'missed' }
        [pscustomobject]@{
            N        = $n
            Target   = $target
            Measured = if ($null -eq $value) { '-' } else { '{0:N2}' -f $value }
            Verdict  = $verdict
        }
    }
    & $check 'setup: Core at least as fast as ip -batch (ip -batch / Core >= 1.0)' $batch 'ip -batch' $core 'Core' SetupMedian 1.0 $false
    & $check 'setup: cmdlets within 1.5x of Core (cmdlets / Core <= 1.5)' $cmdlets 'cmdlets' $core 'Core' SetupMedian 1.5 $true
    & $check 'setup: cmdlets 10x faster than ip per step (ip per step / cmdlets >= 10)' $perStep 'ip per step' $cmdlets 'cmdlets' SetupMedian 10 $false
    & $check 'setup: Core 10x faster than ip per step (ip per step / Core >= 10)' $perStep 'ip per step' $core 'Core' SetupMedian 10 $false
    & $check 'setup (ours, beyond the issue): cmdlets one call per step 10x faster than ip per step (ip per step / cmdlets per step >= 10)' $perStep 'ip per step' $cmdletsPerStep 'cmdlets, one call per step' SetupMedian 10 $false
    & $check 'teardown: cmdlets 5x faster than ip -batch veth by veth (ip -batch / cmdlets >= 5)' $batch 'ip -batch' $cmdlets 'cmdlets' TeardownMedian 5 $false
    & $check 'teardown: Core 5x faster than ip -batch veth by veth (ip -batch / Core >= 5)' $batch 'ip -batch' $core 'Core' TeardownMedian 5 $false
}
