# Scenario "network": Docker-style networks, per-container join and leave. N containers join one
# network 10.88.0.0/16 (gateway 10.88.0.1; bridge cn0 for ContainerNet and CNI, podman0 for netavark)
# with masquerade, container 1 with one published port (host tcp 8080 -> container port 80); then they
# all leave. ContainerNet's Connect-ContainerNetwork (one call per container, and one pipeline)
# against the CNI reference plugins and netavark, each run as its runtime runs it (cni_network.sh,
# netavark_network.sh beside this file: one process per measurement, one plugin or netavark process per
# container and step).
#
# The containers' namespaces c1..cN exist before the timed setup and outlive the timed teardown: they
# are made (one `ip -batch` of `netns add`) and removed without the clock, the same for every method.
# Timed setup: all N join (plus creating the network and publishing the port where that is a call of
# its own). Timed teardown: all N leave (plus removing the network where that is the method's job),
# and the wait until the kernel has removed their devices. Container i gets 10.88.0.2 upward in
# connect order (i + 1 mapped into the /16): ContainerNet's IPAM and host-local on a fresh network
# hand them out that way, netavark gets them as static_ips.
#
# The harness (BenchmarkHarness.ps1) times a method's Setup and Teardown whole; this scenario needs
# untimed work on both sides of them, so Invoke-NetworkBenchmarkScenario runs the methods through
# Invoke-BenchmarkScenario (same interleaving, verification, failure rules and resets) wrapped in that
# untimed work, times the join and the leave itself, and reports those times. After every teardown it
# also proves that nothing of the method is left (untimed): no veth, no CNI IPAM allocation, no
# ContainerNet network, no nftables rule or set element beyond the runtime-wide ones a peer keeps by
# design; a run that leaves something behind fails (a chain left empty is only reported).

$script:NetworkScenarioName = 'network'
$script:NetworkName = 'benchnet'
$script:NetworkSubnet = '10.88.0.0/16'
$script:NetworkGateway = '10.88.0.1'
$script:NetworkHostPort = 8080
$script:NetworkContainerPort = 80
# The "outside world" of the verification: a namespace of its own behind a veth from the host, TEST-NET.
$script:NetworkOutsideNamespace = 'outside'
$script:NetworkOutsideHostEnd = 'vout'
$script:NetworkHostOutsideAddress = '203.0.113.1'
$script:NetworkOutsideAddress = '203.0.113.2'
# host-local's dataDir (the network's allocations land in $NetworkIpamDir/benchnet) and the CNI result
# cache of cni_network.sh: a tmpfs of the sandbox's own, mounted here when build.ps1 has not.
$script:NetworkIpamDir = '/run/cni-ipam'
$script:NetworkCmdlets = 'New-ContainerNetwork', 'Connect-ContainerNetwork', 'Disconnect-ContainerNetwork',
    'Remove-ContainerNetwork', 'Publish-ContainerPort'
$script:NetworkCniPlugins = 'bridge', 'host-local', 'loopback', 'portmap'
$script:NetworkNetavark = '/usr/lib/podman/netavark'
# Method names the summary compares.
$script:NetworkCmdletsMethod = 'ContainerNet cmdlets'
$script:NetworkPipelineMethod = 'ContainerNet cmdlets, pipeline'
$script:NetworkCniMethod = 'CNI plugins'
$script:NetworkNetavarkMethod = 'netavark'
# Observations printed once each (tolerated leftovers).
$script:NetworkNotes = [System.Collections.Generic.HashSet[string]]::new()

function Get-NetworkContainerAddress([int] $i) {
    $h = $i + 1
    "10.88.$($h -shr 8).$($h -band 255)"
}

function Get-NetworkNamespaceNames([int] $n) { [string[]] @(1..$n | ForEach-Object { "c$_" }) }

#region Runner

# Invoke-BenchmarkScenario's contract and result rows, with this scenario's untimed work around each
# method's Setup and Teardown and its own clock on the join and the leave.
function Invoke-NetworkBenchmarkScenario {
    param(
        [string] $Scenario,
        [hashtable[]] $Methods,
        [int] $Count,
        [int] $Runs
    )
    # The wrappers are closures (one per method); they call back into this file through the function's
    # own script block, which stays bound to the script that defined it.
    $step = ${function:Invoke-NetworkMethodStep}
    $clocks = @{}
    $wrapped = foreach ($method in $Methods) {
        $m = $method
        $times = @{ Setup = [System.Collections.Generic.List[double]]::new(); Teardown = [System.Collections.Generic.List[double]]::new() }
        $clocks[$m.Name] = $times
        @{
            Name      = $m.Name
            Info      = $m.Info
            Available = { & $step Available $m $times 0 }.GetNewClosure()
            Setup     = { param($n) & $step Setup $m $times $n }.GetNewClosure()
            Verify    = { param($n) & $step Verify $m $times $n }.GetNewClosure()
            Teardown  = { param($n) & $step Teardown $m $times $n }.GetNewClosure()
        }
    }
    foreach ($row in Invoke-BenchmarkScenario -Scenario $Scenario -Methods $wrapped -Count $Count -Runs $Runs) {
        # The harness keeps the runs before a method's first failure (and stops it there): those are
        # the first $row.Runs of ours.
        $times = $clocks[$row.Method]
        $setup = [System.Collections.Generic.List[double]]::new([double[]] @($times.Setup | Select-Object -First $row.Runs))
        $teardown = [System.Collections.Generic.List[double]]::new([double[]] @($times.Teardown | Select-Object -First $row.Runs))
        $row.SetupTimes = @($setup)
        $row.TeardownTimes = @($teardown)
        $row.SetupMin = Get-Min $setup
        $row.SetupMedian = Get-Median $setup
        $row.TeardownMin = Get-Min $teardown
        $row.TeardownMedian = Get-Median $teardown
        $row
    }
}

function Invoke-NetworkMethodStep([string] $Step, [hashtable] $Method, [hashtable] $Times, [int] $n) {
    switch ($Step) {
        'Available' {
            $reason = if ($Method.Available) { & $Method.Available } else { $true }
            if ($reason -ne $true) { Write-Host "  $script:NetworkScenarioName`: skipping '$($Method.Name)': $reason" }
            return $reason
        }
        'Setup' {
            Initialize-NetworkRun $Method $n
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $null = & $Method.Setup $n
            $watch.Stop()
            $Times.Setup.Add($watch.Elapsed.TotalSeconds)
        }
        'Verify' { return Test-NetworkJoined $Method $n }
        'Teardown' {
            try {
                $watch = [System.Diagnostics.Stopwatch]::StartNew()
                $null = & $Method.Teardown $n
                # On a timeout the leftover check below names what is left.
                $null = Wait-NetworkLinksGone $Method -TimeoutSeconds 10
                $watch.Stop()
                $verdict = Test-NetworkLeftovers $Method $n
                if ($verdict -ne $true) { throw "left behind: $verdict" }
                $Times.Teardown.Add($watch.Elapsed.TotalSeconds)
            }
            finally { Remove-NetworkRunRemains $n }
        }
    }
}

# Untimed, before the timed setup: the sandbox's CNI directory, a fresh network state for every
# method (host-local hands out addresses after the last one it reserved, ContainerNet keeps its
# networks in the state directory), the namespaces, and the ruleset to compare with after teardown.
function Initialize-NetworkRun([hashtable] $Method, [int] $n) {
    Initialize-NetworkSandboxDirectory
    Remove-Item -LiteralPath (Join-Path $script:NetworkIpamDir $script:NetworkName), (Join-Path $script:NetworkIpamDir 'results') -Recurse -Force -ErrorAction Ignore
    if ($env:CONTAINERNET_SANDBOX -eq '1' -and $env:CONTAINERNET_STATE_DIR) {
        # A network a failed ContainerNet run left in the sandbox's state directory.
        Remove-Item -LiteralPath (Join-Path $env:CONTAINERNET_STATE_DIR "$script:NetworkName.json") -Force -ErrorAction Ignore
    }
    $output = (Get-NetworkNamespaceNames $n | ForEach-Object { "netns add $_" }) | ip -batch - 2>&1
    if ($LASTEXITCODE) { throw "ip -batch (netns add c1..c$n) exited $LASTEXITCODE`: $(@($output)[0])" }
    $script:NetworkRulesetBefore = Get-NetworkRulesetItems
}

# Untimed, after the timed teardown (also after a failed one): the namespaces, what the method leaves
# by design (CNI's bridge), the IPAM directory. The harness then waits until only lo is left.
function Remove-NetworkRunRemains([int] $n) {
    $namespaces = @(Get-ChildItem -Name /run/netns -ErrorAction Ignore)
    if ($namespaces.Count) {
        $null = $namespaces | ForEach-Object { "netns del $_" } | ip -force -batch - 2>&1
    }
    $links = @(Get-NetworkHostLinks)
    if ($links.Count) {
        $null = $links | ForEach-Object { "link del $_" } | ip -force -batch - 2>&1
    }
    Remove-Item -LiteralPath (Join-Path $script:NetworkIpamDir $script:NetworkName), (Join-Path $script:NetworkIpamDir 'results') -Recurse -Force -ErrorAction Ignore
}

# host-local writes its allocations under dataDir: that must be a tmpfs of this sandbox, never the
# machine's /run. build.ps1's sandbox has a private mount namespace, so a mount here stays in it.
function Initialize-NetworkSandboxDirectory {
    if (Test-NetworkMountPoint $script:NetworkIpamDir) { return }
    if ($env:CONTAINERNET_SANDBOX -ne '1') { throw "Not in the benchmark sandbox (CONTAINERNET_SANDBOX is not 1): refusing to mount $script:NetworkIpamDir." }
    $null = New-Item -ItemType Directory -Force -Path $script:NetworkIpamDir
    $output = mount -t tmpfs -o mode=0755 containernet-sandbox $script:NetworkIpamDir 2>&1
    if ($LASTEXITCODE) { throw "Cannot mount a tmpfs on $script:NetworkIpamDir`: $output" }
}

function Test-NetworkMountPoint([string] $Path) {
    # mountinfo field 5 is the mount point (octal escapes for spaces, none in these paths).
    foreach ($line in [IO.File]::ReadAllLines('/proc/self/mountinfo')) {
        if (($line -split ' ')[4] -eq $Path) { return $true }
    }
    $false
}

# The host namespace's links but lo. The sysfs listing (build.ps1 remounts sysfs in the sandbox) is
# cheap enough to sit inside a timed teardown; ip is the fallback, as in the harness.
function Get-NetworkHostLinks {
    if ($script:SysfsShowsSandbox) {
        return @([IO.Directory]::GetFileSystemEntries('/sys/class/net') | ForEach-Object { [IO.Path]::GetFileName($_) } | Where-Object { $_ -ne 'lo' })
    }
    @(ip -o link show | ForEach-Object { ($_ -split ':\s+')[1] -replace '@.*$' } | Where-Object { $_ -ne 'lo' })
}

# Part of the timed teardown, for every method alike: the containers' host ends (and the method's
# bridge, where removing the network is its job) are gone from the host namespace. Device deletion is
# synchronous, so this is normally one look; it matters for a method that deletes in the background.
function Wait-NetworkLinksGone([hashtable] $Method, [double] $TimeoutSeconds) {
    $kept = @($Method.KeptLinks)
    $deadline = [datetime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ($true) {
        if (@(Get-NetworkHostLinks | Where-Object { $kept -notcontains $_ }).Count -eq 0) { return $true }
        if ([datetime]::UtcNow -ge $deadline) { return $false }
        [System.Threading.Thread]::Sleep(2)
    }
}

#endregion

#region Verification (not timed)

# Every container joined: namespaces, the bridge with the gateway address, forwarding, one host veth
# per container as an up port of the bridge, eth0 with its address and the default route in every
# namespace; then traffic: c1 pings cN, cN reaches the outside (masqueraded), the outside reaches c1
# through the published port.
function Test-NetworkJoined([hashtable] $Method, [int] $n) {
    $bridgeName = $Method.Bridge
    $names = @(ip netns list | ForEach-Object { ($_ -split ' ')[0] } | Where-Object { $_ })
    $expected = [System.Collections.Generic.HashSet[string]]::new([string[]] @(Get-NetworkNamespaceNames $n))
    if ($names.Count -ne $n -or @($names | Where-Object { -not $expected.Contains($_) }).Count) {
        return "expected namespaces c1..c$n, ip netns list shows $($names.Count): $((@($names) | Select-Object -First 5) -join ', ')"
    }

    $bridge = ip -j -d link show dev $bridgeName 2>$null | ConvertFrom-Json
    if (-not $bridge -or $bridge[0].linkinfo.info_kind -ne 'bridge') { return "no bridge $bridgeName in the host namespace" }
    if ($bridge[0].flags -notcontains 'UP') { return "bridge $bridgeName is not up" }
    $bridgeAddresses = @(ip -j -4 addr show dev $bridgeName | ConvertFrom-Json | ForEach-Object { $_.addr_info } |
        ForEach-Object { "$($_.local)/$($_.prefixlen)" })
    if ($bridgeAddresses -notcontains "$script:NetworkGateway/16") { return "$bridgeName has $($bridgeAddresses -join ', '), not $script:NetworkGateway/16" }
    if ((Get-Content -LiteralPath /proc/sys/net/ipv4/ip_forward) -ne '1') { return 'IPv4 forwarding is off in the host namespace' }

    $veths = @(ip -j link show type veth | ConvertFrom-Json)
    if ($veths.Count -ne $n) { return "expected $n host veths, found $($veths.Count)" }
    $wrong = @($veths | Where-Object { $_.master -ne $bridgeName -or $_.flags -notcontains 'UP' })
    if ($wrong.Count) {
        return "$($wrong.Count) host veths are not up ports of $bridgeName, e.g. $($wrong[0].ifname) (master '$($wrong[0].master)', flags $($wrong[0].flags -join ','))"
    }

    # One ip per namespace for everything inside: addresses of the links that are up, default route.
    $inside = Invoke-NetworkInAllNamespaces 'addr show up', 'route show default'
    $seen = @{}
    $current = $null
    foreach ($line in $inside) {
        switch -Regex ("$line") {
            '^netns: (\S+)$' { $current = $seen[$Matches[1]] = @{ Eth0 = @(); Default = $false } }
            '^\d+: eth0\s+inet (\S+) ' { if ($current) { $current.Eth0 += $Matches[1] } }
            '^default via (\S+) dev eth0\b' { if ($current -and $Matches[1] -eq $script:NetworkGateway) { $current.Default = $true } }
        }
    }
    $problems = foreach ($i in 1..$n) {
        $state = $seen["c$i"]
        $address = "$(Get-NetworkContainerAddress $i)/16"
        if (-not $state) { "c$i not listed by ip -all netns exec" }
        elseif ($state.Eth0.Count -eq 0) { "c$i has no IPv4 address on eth0, or eth0 is down" }
        elseif ($state.Eth0.Count -ne 1 -or $state.Eth0[0] -ne $address) { "c$i has $($state.Eth0 -join ', ') on eth0, expected $address" }
        elseif (-not $state.Default) { "c$i has no default route via $script:NetworkGateway dev eth0" }
    }
    if (@($problems).Count) { return "$(@($problems).Count) namespaces wrong, e.g. $(@($problems)[0])" }

    $target = if ($n -gt 1) { Get-NetworkContainerAddress $n } else { $script:NetworkGateway }
    if (-not (Test-NetworkPing c1 $target)) { return "c1 cannot ping $target" }
    return Test-NetworkOutsideTraffic $n
}

# `ip -all netns exec ip -o -4 -batch FILE`: the lines of every namespace, each group after "netns: NAME".
function Invoke-NetworkInAllNamespaces([string[]] $Commands) {
    $batch = New-TemporaryFile
    try {
        Set-Content -LiteralPath $batch -Value $Commands
        ip -all netns exec ip -o -4 -batch $batch.FullName 2>&1
    }
    finally { Remove-Item -LiteralPath $batch }
}

# A ping from a namespace, tried up to three times (the first may wait for neighbour resolution).
function Test-NetworkPing([string] $Namespace, [string] $Address) {
    foreach ($try in 1..3) {
        $null = ip netns exec $Namespace ping -c1 -W1 $Address 2>&1
        if ($LASTEXITCODE -eq 0) { return $true }
    }
    $false
}

# The outside world: namespace "outside" with 203.0.113.2/24 behind veth vout (203.0.113.1/24 in the
# host namespace), and no route to 10.88.0.0/16, so it can only answer a container whose traffic was
# masqueraded to the host's address. Made for this check and removed after it.
function Test-NetworkOutsideTraffic([int] $n) {
    $outside = $script:NetworkOutsideNamespace
    $last = "c$n"
    $listeners = [System.Collections.Generic.List[object]]::new()
    $files = [System.Collections.Generic.List[string]]::new()
    try {
        $output = @("netns add $outside", "link add $script:NetworkOutsideHostEnd type veth peer name eth0 netns $outside",
            "addr add $script:NetworkHostOutsideAddress/24 dev $script:NetworkOutsideHostEnd", "link set $script:NetworkOutsideHostEnd up") |
            ip -batch - 2>&1
        if ($LASTEXITCODE) { throw "cannot make the outside namespace: $(@($output)[0])" }
        $output = @('link set lo up', 'link set eth0 up', "addr add $script:NetworkOutsideAddress/24 dev eth0") | ip -n $outside -batch - 2>&1
        if ($LASTEXITCODE) { throw "cannot set up the outside namespace: $(@($output)[0])" }

        # Out: a ping (the outside answers masqueraded traffic only), then a TCP connection whose
        # source address the outside's listener reports.
        if (-not (Test-NetworkPing $last $script:NetworkOutsideAddress)) {
            return "$last cannot ping the outside ($script:NetworkOutsideAddress): no route out, or not masqueraded (the outside has no route to $script:NetworkSubnet)"
        }
        $out = Start-NetworkListener $outside $script:NetworkOutsideAddress 9000 $listeners $files
        $sent = Send-NetworkProbe $last $script:NetworkOutsideAddress 9000 "from $last"
        $heard = Receive-NetworkListener $out
        if (-not $sent) { return "$last cannot connect to the outside ($script:NetworkOutsideAddress tcp 9000)" }
        if ($heard.Output -notmatch "from $last") { return "the outside's listener got '$($heard.Output)' from $last, expected 'from $last'" }
        if ($heard.Error -notmatch "Connection received on $([regex]::Escape($script:NetworkHostOutsideAddress)) ") {
            return "the outside saw $last's connection from another source than the host's $script:NetworkHostOutsideAddress (not masqueraded): $($heard.Error)"
        }

        # In: the outside connects to the host's address, port 8080; a listener in c1 on port 80 gets it.
        $in = Start-NetworkListener c1 $null $script:NetworkContainerPort $listeners $files
        $sent = Send-NetworkProbe $outside $script:NetworkHostOutsideAddress $script:NetworkHostPort 'published'
        $heard = Receive-NetworkListener $in
        if (-not $sent) { return "the outside cannot connect to $script:NetworkHostOutsideAddress tcp $script:NetworkHostPort (published to c1 port $script:NetworkContainerPort)" }
        if ($heard.Output -notmatch 'published') {
            return "c1's listener on port $script:NetworkContainerPort got '$($heard.Output)' through the published port $script:NetworkHostPort, expected 'published'"
        }
        return $true
    }
    finally {
        foreach ($listener in $listeners) {
            if (-not $listener.HasExited) { Stop-Process -Id $listener.Id -Force -ErrorAction Ignore; $null = $listener.WaitForExit(2000) }
        }
        foreach ($file in $files) { Remove-Item -LiteralPath $file -Force -ErrorAction Ignore }
        $null = ip link del $script:NetworkOutsideHostEnd 2>&1
        $null = ip netns del $outside 2>&1
    }
}

# nc -l in a namespace (`ip netns exec` execs nc: the process id is nc's), output to files; returns once
# the port listens (at most 3 s).
function Start-NetworkListener([string] $Namespace, [string] $Address, [int] $Port, $Listeners, $Files) {
    $stdout = (New-TemporaryFile).FullName
    $stderr = (New-TemporaryFile).FullName
    $Files.Add($stdout); $Files.Add($stderr)
    $arguments = @('netns', 'exec', $Namespace, 'nc', '-l', '-n', '-v', '-d') + @(if ($Address) { $Address }) + @("$Port")
    $process = Start-Process -FilePath ip -ArgumentList $arguments -RedirectStandardOutput $stdout -RedirectStandardError $stderr -PassThru
    $Listeners.Add($process)
    foreach ($try in 1..150) {
        if (@(ss -N $Namespace -ltnH "sport = :$Port" 2>$null).Count) { break }
        if ($process.HasExited) { break }
        Start-Sleep -Milliseconds 20
    }
    [pscustomobject]@{ Process = $process; Stdout = $stdout; Stderr = $stderr }
}

# What a listener got: it exits after its one connection closes (killed after 3 s otherwise).
function Receive-NetworkListener($Listener) {
    if (-not $Listener.Process.WaitForExit(3000)) { Stop-Process -Id $Listener.Process.Id -Force -ErrorAction Ignore; $null = $Listener.Process.WaitForExit(2000) }
    [pscustomobject]@{
        Output = (Get-Content -Raw -LiteralPath $Listener.Stdout) -replace '\s+$'
        Error  = (Get-Content -Raw -LiteralPath $Listener.Stderr) -replace '\s+$'
    }
}

# One line over TCP from a namespace; nc gives up after 3 s (-w) and closes after sending (-N).
function Send-NetworkProbe([string] $Namespace, [string] $Address, [int] $Port, [string] $Text) {
    $null = $Text | ip netns exec $Namespace nc -n -N -w 3 $Address $Port 2>&1
    $LASTEXITCODE -eq 0
}

# After the timed teardown: nothing of the method is left. No veth in the host (and the bridge gone
# unless the method keeps it by design), only lo in every container namespace, no allocation in
# host-local's directory, no ContainerNet network, and no rule or set element (nor a chain holding
# one) that was not there before setup except the runtime-wide ones the method declares
# (RuntimeChains). New chains without rules are reported once, not failed.
function Test-NetworkLeftovers([hashtable] $Method, [int] $n) {
    $problems = [System.Collections.Generic.List[string]]::new()
    $veths = @(ip -j link show type veth | ConvertFrom-Json | ForEach-Object ifname)
    if ($veths.Count) { $problems.Add("$($veths.Count) host veths ($((@($veths) | Select-Object -First 5) -join ', '))") }
    $links = @(Get-NetworkHostLinks | Where-Object { @($Method.KeptLinks) -notcontains $_ -and $veths -notcontains $_ })
    if ($links.Count) { $problems.Add("host links $($links -join ', ')") }

    $inside = Invoke-NetworkInAllNamespaces 'link show'
    $current = $null
    $busy = @{}
    foreach ($line in $inside) {
        switch -Regex ("$line") {
            '^netns: (\S+)$' { $current = $Matches[1] }
            '^\d+: (\S+?)(@\S+)?: ' { if ($current -and $Matches[1] -ne 'lo') { $busy[$current] = $Matches[1] } }
        }
    }
    if ($busy.Count) {
        $first = @($busy.Keys | Sort-Object)[0]
        $problems.Add("$($busy.Count) namespaces still hold links besides lo, e.g. $first`: $($busy[$first])")
    }

    $allocations = @(Get-ChildItem -Name -LiteralPath (Join-Path $script:NetworkIpamDir $script:NetworkName) -ErrorAction Ignore |
        Where-Object { $_ -match '^\d+\.\d+\.\d+\.\d+$' })
    if ($allocations.Count) { $problems.Add("$($allocations.Count) CNI IPAM allocations in $script:NetworkIpamDir/$script:NetworkName ($((@($allocations) | Select-Object -First 3) -join ', '))") }
    if (Get-Command Get-ContainerNetwork -CommandType Cmdlet -ErrorAction Ignore) {
        # All networks, not -Name: asking for a missing one may be an error.
        if (@(Get-ContainerNetwork | Where-Object Name -EQ $script:NetworkName).Count) { $problems.Add("Get-ContainerNetwork still lists $script:NetworkName") }
    }

    $rules = Compare-NetworkRuleset $script:NetworkRulesetBefore (Get-NetworkRulesetItems) $Method
    if ($rules.Left.Count) {
        $byKind = ($rules.Left | Group-Object Kind | ForEach-Object { "$($_.Count) $($_.Name)s" }) -join ', '
        $problems.Add("nftables: $byKind not there before setup ($($rules.Summary)), e.g. $($rules.Left[0].Key)")
    }
    foreach ($chain in $rules.EmptyChains) {
        $note = "$($Method.Name) left an empty chain after teardown (no rule in it, so not a failure): $($chain.Table) $($chain.Chain)"
        if ($script:NetworkNotes.Add($note)) { Write-Host "  $script:NetworkScenarioName`: $note" }
    }
    if ($problems.Count) { return $problems -join '; ' }
    $true
}

#endregion

#region Ruleset comparison

# The ruleset as comparable items: "rule FAMILY TABLE CHAIN EXPR", "chain FAMILY TABLE NAME" (chains
# without a hook; base chains are iptables-nft's and every tool's common ground) and "element FAMILY
# TABLE SET ELEMENT". Handles and counters are left out: they change without the rule changing.
function Get-NetworkRulesetItems {
    $json = nft -j list ruleset 2>&1
    if ($LASTEXITCODE) { throw "nft -j list ruleset exited $LASTEXITCODE`: $(@($json)[0])" }
    $items = [System.Collections.Generic.List[object]]::new()
    foreach ($entry in (($json -join "`n") | ConvertFrom-Json).nftables) {
        if ($entry.PSObject.Properties['rule']) {
            $r = $entry.rule
            $expr = ($r.expr | ConvertTo-Json -Compress -Depth 30) -replace '\{"counter":\{"packets":\d+,"bytes":\d+\}\}', '"counter"'
            $jumps = @($r.expr | ForEach-Object { foreach ($verdict in 'jump', 'goto') { if ($_.PSObject.Properties[$verdict]) { $_.$verdict.target } } })
            $items.Add([pscustomobject]@{ Key = "rule $($r.family) $($r.table) $($r.chain) $expr"; Kind = 'rule'; Table = "$($r.family) $($r.table)"; Chain = $r.chain; Targets = $jumps; Text = $expr })
        }
        elseif ($entry.PSObject.Properties['chain'] -and -not $entry.chain.PSObject.Properties['hook']) {
            $c = $entry.chain
            $items.Add([pscustomobject]@{ Key = "chain $($c.family) $($c.table) $($c.name)"; Kind = 'chain'; Table = "$($c.family) $($c.table)"; Chain = $c.name; Targets = @(); Text = $c.name })
        }
        else {
            foreach ($kind in 'set', 'map') {
                if (-not $entry.PSObject.Properties[$kind] -or -not $entry.$kind.PSObject.Properties['elem']) { continue }
                $s = $entry.$kind
                foreach ($element in @($s.elem)) {
                    $text = $element | ConvertTo-Json -Compress -Depth 30
                    $items.Add([pscustomobject]@{ Key = "element $($s.family) $($s.table) $($s.name) $text"; Kind = 'element'; Table = "$($s.family) $($s.table)"; Chain = $null; Targets = @(); Text = $text })
                }
            }
        }
    }
    , $items
}

# Items after teardown that were not there before (as a multiset), less the method's runtime-wide
# chains and the rules in them or jumping to them, as long as those name nothing of this network
# (its subnet, its bridge, the published port). Left: rules, set elements, and chains that still hold
# rules, which fail the run; EmptyChains: new chains without a rule, which hold nothing and are only
# reported (netavark 1.4.0 leaves its network's empty port-forwarding chain NETAVARK-DN-<id> when
# the container with the published port is not the last to leave).
function Compare-NetworkRuleset($Before, $After, [hashtable] $Method) {
    $counts = @{}
    foreach ($item in $Before) { $counts[$item.Key] = 1 + [int] $counts[$item.Key] }
    $runtimeWide = @($Method.RuntimeChains)
    $networkText = '10\.88\.|"' + [regex]::Escape($Method.Bridge) + '"|\b' + $script:NetworkHostPort + '\b'
    $new = foreach ($item in $After) {
        if ($counts[$item.Key]) { $counts[$item.Key]--; continue }
        $own = $runtimeWide -contains $item.Chain -or @($item.Targets | Where-Object { $runtimeWide -contains $_ }).Count
        if ($item.Kind -ne 'element' -and $own -and $item.Text -notmatch $networkText) { continue }
        $item
    }
    $withRules = [System.Collections.Generic.HashSet[string]]::new([string[]] @($After | Where-Object Kind -EQ 'rule' | ForEach-Object { "$($_.Table) $($_.Chain)" }))
    $empty = @($new | Where-Object { $_.Kind -eq 'chain' -and -not $withRules.Contains("$($_.Table) $($_.Chain)") })
    [pscustomobject]@{
        Left        = @($new | Where-Object { $empty -notcontains $_ })
        EmptyChains = $empty
        Summary     = "$(@($Before).Count) items before setup, $(@($After).Count) after teardown"
    }
}

#endregion

#region Methods

function Get-NetworkScenario {
    $script:NetworkBash = (Get-Command bash -CommandType Application -ErrorAction Ignore | Select-Object -First 1).Source
    $script:NetworkCniScript = Join-Path $PSScriptRoot 'cni_network.sh'
    $script:NetworkNetavarkScript = Join-Path $PSScriptRoot 'netavark_network.sh'
    $cmdletsAvailable = {
        $missing = @($script:NetworkCmdlets | Where-Object { -not (Get-Command $_ -CommandType Cmdlet -ErrorAction Ignore) })
        if ($missing.Count) { return "cmdlet(s) $($missing -join ', ') missing" }
        if (-not (Get-Command Publish-ContainerPort).Parameters.ContainsKey('Network')) { return 'Publish-ContainerPort has no -Network yet' }
        $true
    }
    $cniVersion = dpkg-query -W -f '${Version}' containernetworking-plugins 2>$null
    $netavarkVersion = if (Test-Path -LiteralPath $script:NetworkNetavark) { (& $script:NetworkNetavark --version 2>$null) -replace '^netavark\s+', '' }

    $methods = @(
        @{
            Name      = $script:NetworkCmdletsMethod
            Info      = 'New-ContainerNetwork, one Connect-ContainerNetwork per container, Publish-ContainerPort; one Disconnect- per container, Remove-ContainerNetwork'
            Bridge    = 'cn0'
            Available = $cmdletsAvailable
            # The calls as the contract writes them (the network's values spelled out).
            Setup     = {
                param($n)
                New-ContainerNetwork -Name benchnet -Subnet 10.88.0.0/16 -Gateway 10.88.0.1 -BridgeName cn0 | Out-Null
                foreach ($i in 1..$n) { Connect-ContainerNetwork -Network benchnet -Container "c$i" | Out-Null }
                Publish-ContainerPort -Network benchnet -Container c1 -ContainerPort 80 -HostPort 8080 | Out-Null
            }
            Teardown  = {
                param($n)
                foreach ($i in 1..$n) { Disconnect-ContainerNetwork -Network benchnet -Container "c$i" }
                # -Confirm:$false: removing a network may be ConfirmImpact High, and the benchmark has no one to ask.
                Remove-ContainerNetwork -Name benchnet -Confirm:$false
            }
        }
        @{
            Name      = $script:NetworkPipelineMethod
            Info      = 'as one call per container, but c1..cN piped into one Connect-ContainerNetwork (and one Disconnect-)'
            Bridge    = 'cn0'
            Available = $cmdletsAvailable
            Setup     = {
                param($n)
                New-ContainerNetwork -Name benchnet -Subnet 10.88.0.0/16 -Gateway 10.88.0.1 -BridgeName cn0 | Out-Null
                1..$n | ForEach-Object { "c$_" } | Connect-ContainerNetwork -Network benchnet | Out-Null
                Publish-ContainerPort -Network benchnet -Container c1 -ContainerPort 80 -HostPort 8080 | Out-Null
            }
            Teardown  = {
                param($n)
                1..$n | ForEach-Object { "c$_" } | Disconnect-ContainerNetwork -Network benchnet
                Remove-ContainerNetwork benchnet -Confirm:$false
            }
        }
        @{
            Name          = $script:NetworkCniMethod
            Info          = "containernetworking-plugins $cniVersion (cni_network.sh): loopback, bridge (ipMasq, hairpin) + host-local, portmap for c1; no network to remove (cn0 removed untimed)"
            Bridge        = 'cn0'
            # Nothing in CNI deletes the bridge; portmap's chains are shared by every network on the host.
            KeptLinks     = @('cn0')
            RuntimeChains = @('CNI-HOSTPORT-DNAT', 'CNI-HOSTPORT-SETMARK', 'CNI-HOSTPORT-MASQ')
            Available     = {
                if (-not $script:NetworkBash) { return 'bash is not installed' }
                $missing = @($script:NetworkCniPlugins | Where-Object { -not (Test-Path -LiteralPath "/usr/lib/cni/$_") })
                if ($missing.Count) { return "/usr/lib/cni/$($missing -join ', ') missing (apt-get install -y containernetworking-plugins)" }
                if (-not (Get-Command iptables -CommandType Application -ErrorAction Ignore)) { return 'iptables is not installed (the bridge and portmap plugins run it)' }
                $true
            }
            Setup         = { param($n) Invoke-PeerProgram $script:NetworkBash @($script:NetworkCniScript, $n, 'setup') }
            Teardown      = { param($n) Invoke-PeerProgram $script:NetworkBash @($script:NetworkCniScript, $n, 'teardown') }
        }
        @{
            Name          = $script:NetworkNetavarkMethod
            Info          = "netavark $netavarkVersion (netavark_network.sh): one netavark setup/teardown per container, static_ips; removes podman0 with the last"
            Bridge        = 'podman0'
            # netavark's chains for port forwarding and forwarding, shared by every network on the host.
            RuntimeChains = @('NETAVARK-HOSTPORT-DNAT', 'NETAVARK-HOSTPORT-SETMARK', 'NETAVARK-HOSTPORT-MASQ', 'NETAVARK_FORWARD')
            Available     = {
                if (-not $script:NetworkBash) { return 'bash is not installed' }
                if (-not (Test-Path -LiteralPath $script:NetworkNetavark)) { return "$script:NetworkNetavark missing (apt-get install -y netavark)" }
                if (-not (Get-Command iptables -CommandType Application -ErrorAction Ignore)) { return 'iptables is not installed (netavark runs it)' }
                $true
            }
            Setup         = { param($n) Invoke-PeerProgram $script:NetworkBash @($script:NetworkNetavarkScript, $n, 'setup') }
            Teardown      = { param($n) Invoke-PeerProgram $script:NetworkBash @($script:NetworkNetavarkScript, $n, 'teardown') }
        }
    )
    @{ Name = $script:NetworkScenarioName; Methods = $methods; Runner = 'Invoke-NetworkBenchmarkScenario' }
}

#endregion

#region Summary

# What the issue asks for: per container, connect and disconnect, and peer time / ContainerNet time
# for CNI and for netavark, at every N measured. Printed, and appended to results.md.
function Write-NetworkSummary($Results, [string] $OutputDirectory) {
    $rows = @($Results | Where-Object Scenario -EQ $script:NetworkScenarioName)
    if ($rows.Count -eq 0) { return }
    $perContainer = { param($seconds, [int] $n) if ($seconds) { '{0:N2}' -f (1000 * $seconds / $n) } else { '-' } }
    $ratio = { param($peer, $ours) if ($peer -and $ours) { '{0:N1}' -f ($peer / $ours) } else { '-' } }
    $table = foreach ($n in @($rows | ForEach-Object Count | Sort-Object -Unique)) {
        $at = @{}
        foreach ($row in $rows | Where-Object Count -EQ $n) { $at[$row.Method] = $row }
        foreach ($peerName in $script:NetworkCniMethod, $script:NetworkNetavarkMethod) {
            $peer = $at[$peerName]
            foreach ($oursName in $script:NetworkCmdletsMethod, $script:NetworkPipelineMethod) {
                $ours = $at[$oursName]
                [pscustomobject]@{
                    N                              = $n
                    Peer                           = $peerName
                    'ContainerNet method'          = $oursName
                    'Peer connect ms/c'            = & $perContainer $peer.SetupMedian $n
                    'ContainerNet connect ms/c'    = & $perContainer $ours.SetupMedian $n
                    'Connect ratio'                = & $ratio $peer.SetupMedian $ours.SetupMedian
                    'Peer disconnect ms/c'         = & $perContainer $peer.TeardownMedian $n
                    'ContainerNet disconnect ms/c' = & $perContainer $ours.TeardownMedian $n
                    'Disconnect ratio'             = & $ratio $peer.TeardownMedian $ours.TeardownMedian
                    # One line: an exception's text may hold line breaks, which would cut a Markdown row.
                    Note                           = (@(foreach ($r in $peer, $ours) { if ($r.Failure) { "$($r.Method): $($r.Failure)" } }) -join '; ') -replace '\s+', ' '
                }
            }
        }
    }
    $title = 'Network join/leave per container (scenario network)'
    $legend = 'Medians in ms per container (ms/c); ratio = peer / ContainerNet (above 1: ContainerNet is that many times faster).',
        'Connect includes creating the network and publishing the port; disconnect includes removing the network where that is the method''s job.'
    Write-Host ''
    Write-Host "$title`:"
    $table | Format-Table -AutoSize | Out-String -Width 300 | Write-Host
    $legend | ForEach-Object { Write-Host $_ }
    $markdown = Join-Path $OutputDirectory 'results.md'
    if (Test-Path -LiteralPath $markdown) {
        # Two trailing spaces: a Markdown line break, as in the report's preamble.
        Add-Content -LiteralPath $markdown -Value (@('', "## $title", '') + (ConvertTo-MarkdownTable $table) + @('') + @($legend | ForEach-Object { "$_  " }))
    }
}

#endregion
