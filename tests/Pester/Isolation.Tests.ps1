# Inter-container traffic (Disable-/Enable-InterContainerTraffic), bridge isolation
# (Add/Get/Remove-NetBridgeIsolation) and link exceptions (Add/Get/Remove-ContainerLink), proved with
# traffic (ICMP through Test-NetNamespaceConnection -Quiet and iputils ping; TCP through
# Test-NetNamespaceConnection -Port -Quiet and OpenBSD nc, every listener and client bounded by
# `timeout` and every listener ended by its PID) and checked against `nft -j list ruleset`.
#
# The topology, built with the cmdlets: bridge X (cn*) with 10.81.0.1/16 and containers A (10.81.0.2)
# and B (10.81.0.3) on it; bridge Y (cn*) with 10.82.0.1/16 and container C (10.82.0.2) on it. Every
# container's default route goes via its bridge; IPv4 forwarding is on, so A and C reach each other
# through the sandbox host. bridge-nf-call-iptables/ip6tables start at 0 so that icc off must set them.
# Subnets: 10.81.0.0/16, 10.82.0.0/16. TCP ports: 5432 (the linked port), 5433 (another port).

BeforeAll {
    . $PSScriptRoot/Sandbox.ps1
    Assert-ContainerNetSandbox
    Import-Module ($env:CONTAINERNET_MODULE_PATH ?? "$PSScriptRoot/../../out/ContainerNet") -Force
    . $PSScriptRoot/TestHelpers.ps1

    function Start-Listener {
        <# A TCP nc listener (-k: it keeps accepting) in a namespace, bounded by `timeout`, its stderr
           (-v: "Connection received on ADDR PORT") captured to a file. Waits until the socket is bound (ss). #>
        param([Parameter(Mandatory)][string]$Namespace, [Parameter(Mandatory)][int]$Port, [int]$TimeoutSec = 15)
        $id = [Guid]::NewGuid().ToString('N').Substring(0, 8)
        $log = Join-Path ([IO.Path]::GetTempPath()) "cn-iso-$id.err"
        $out = Join-Path ([IO.Path]::GetTempPath()) "cn-iso-$id.out"
        $process = Start-Process -FilePath timeout -PassThru -RedirectStandardError $log -RedirectStandardOutput $out `
            -ArgumentList (@("$TimeoutSec", 'ip', 'netns', 'exec', $Namespace, 'nc', '-k', '-l', '-n', '-v', "$Port"))
        $listener = [pscustomobject]@{ Process = $process; Log = $log; Out = $out }
        $bound = Wait-Oracle { "$(& ip netns exec $Namespace ss -Hltn "sport = :$Port" 2>$null)" -match ":$Port\b" } -TimeoutSec 3
        if (-not $bound) { $null = Stop-Listener $listener; throw "nc did not listen on $Port in '$Namespace'" }
        $listener
    }

    function Stop-Listener {
        <# Ends the listener by its PID (SIGTERM to timeout, which passes it to nc) and returns the
           addresses the listener saw connecting (none when nobody did). #>
        param([Parameter(Mandatory)]$Listener)
        if (-not $Listener.Process.HasExited) {
            & kill -TERM $Listener.Process.Id 2>$null
            $null = $Listener.Process.WaitForExit(3000)
        }
        $text = Get-Content -LiteralPath $Listener.Log -ErrorAction Ignore
        Remove-Item -LiteralPath $Listener.Log, $Listener.Out -ErrorAction Ignore
        @($text | ForEach-Object { if ($_ -match 'Connection received on (\S+) \d+') { $Matches[1] } })
    }

    function Test-Icmp {
        <# One echo from a namespace, by the cmdlet and by iputils ping; both views, to assert they agree. #>
        param([Parameter(Mandatory)][string]$From, [Parameter(Mandatory)][string]$Address, [int]$Attempts = 1)
        $cmdlet = $false
        for ($i = 0; $i -lt $Attempts -and -not $cmdlet; $i++) {
            $cmdlet = [bool](Test-NetNamespaceConnection -Namespace $From -Address $Address -TimeoutMilliseconds 1000 -Quiet)
        }
        $ping = Test-OraclePing -Namespace $From -Address $Address -Attempts $Attempts
        [pscustomobject]@{ Cmdlet = $cmdlet; Ping = $ping }
    }

    function Invoke-TcpProbe {
        <# A listener in -To on -Port; from -From a TCP connect by the cmdlet (-Port -Quiet) and one by
           nc -z, each within a second. Returns Cmdlet, Nc and Sources (the peers the listener saw). #>
        param([Parameter(Mandatory)][string]$From, [Parameter(Mandatory)][string]$To,
            [Parameter(Mandatory)][string]$Address, [Parameter(Mandatory)][int]$Port)
        $listener = Start-Listener -Namespace $To -Port $Port
        try {
            $cmdlet = [bool](Test-NetNamespaceConnection -Namespace $From -Address $Address -Port $Port -TimeoutMilliseconds 1000 -Quiet)
            $null = & timeout 3 ip netns exec $From nc -n -z -w 1 $Address $Port 2>&1
            $nc = $LASTEXITCODE -eq 0
            Start-Sleep -Milliseconds 200 # let the listener log
        }
        finally { $sources = Stop-Listener $listener }
        [pscustomobject]@{ Cmdlet = $cmdlet; Nc = $nc; Sources = @($sources | Select-Object -Unique) }
    }

    function Assert-Icmp {
        param([string]$From, [string]$Address, [bool]$Expected, [string]$Because)
        $attempts = if ($Expected) { 3 } else { 1 }
        $result = Test-Icmp -From $From -Address $Address -Attempts $attempts
        $result.Cmdlet | Should -Be $Expected -Because "ICMP $Because (Test-NetNamespaceConnection)"
        $result.Ping | Should -Be $Expected -Because "ICMP $Because (ping)"
    }

    function Assert-Tcp {
        param([string]$From, [string]$To, [string]$Address, [int]$Port, [bool]$Expected, [string]$Because, [string]$Source)
        $probe = Invoke-TcpProbe -From $From -To $To -Address $Address -Port $Port
        $probe.Cmdlet | Should -Be $Expected -Because "TCP $Because (Test-NetNamespaceConnection -Port)"
        $probe.Nc | Should -Be $Expected -Because "TCP $Because (nc -z)"
        if ($Expected) { $probe.Sources | Should -Be @($Source) }
        else { $probe.Sources | Should -BeNullOrEmpty -Because "no connection may arrive: $Because" }
    }

    function Get-OracleSetElement {
        <# The elements of one set of `inet containernet` as arrays of fields, joined by ' . '. #>
        param([Parameter(Mandatory)][string]$Name)
        $set = Get-OracleNftObject -Kind set -Table containernet | Where-Object name -CEQ $Name
        @(foreach ($element in @($set.elem)) {
                if ($null -ne $element) { @(Get-OracleNftElementField $element) -join ' . ' }
            }) | Sort-Object
    }

    function Get-OracleIsolationKey {
        <# What Get-NetBridgeIsolation must show, derived from the sets isolated and blocked alone. #>
        $isolated = @(Get-OracleSetElement isolated)
        $blocked = @(Get-OracleSetElement blocked | ForEach-Object { , ($_ -split ' \. ') })
        $bridges = @($isolated + @($blocked | ForEach-Object { $_[0] })) | Sort-Object -Unique
        @(foreach ($bridge in $bridges) {
                $icc = -not ($blocked | Where-Object { $_[0] -ceq $bridge -and $_[1] -ceq $bridge })
                $from = @($blocked | Where-Object { $_[0] -ceq $bridge -and $_[1] -cne $bridge } | ForEach-Object { $_[1] } | Sort-Object)
                '{0} icc={1} isolated={2} from={3}' -f $bridge, $icc, ($isolated -ccontains $bridge), ($from -join ',')
            })
    }

    function Get-IsolationKey {
        param([Parameter(ValueFromPipeline)]$Isolation)
        process {
            '{0} icc={1} isolated={2} from={3}' -f $Isolation.Bridge, $Isolation.InterContainerTraffic, $Isolation.Isolated,
                (@($Isolation.IsolatedFrom | Sort-Object) -join ',')
        }
    }

    function Get-OracleLinkKey {
        <# The link exceptions as the kernel holds them: "src -> dst" (links4/6) and
           "src -> dst:port/proto" (link_ports4/6), sorted. #>
        $keys = foreach ($name in 'links4', 'links6') {
            foreach ($e in Get-OracleSetElement $name) { $f = $e -split ' \. '; '{0} -> {1}' -f $f[0], $f[1] }
        }
        $keys += foreach ($name in 'link_ports4', 'link_ports6') {
            foreach ($e in Get-OracleSetElement $name) {
                $f = $e -split ' \. '
                $proto = switch ("$($f[2])") { '6' { 'tcp' } '17' { 'udp' } default { "$_".ToLowerInvariant() } }
                '{0} -> {1}:{2}/{3}' -f $f[0], $f[1], $f[3], $proto
            }
        }
        @($keys | Sort-Object)
    }

    function Get-LinkKey {
        param([Parameter(ValueFromPipeline)]$Link)
        process {
            if ($null -eq $Link.Port) { '{0} -> {1}' -f $Link.Source, $Link.Destination }
            else { '{0} -> {1}:{2}/{3}' -f $Link.Source, $Link.Destination, $Link.Port, $Link.Protocol.ToString().ToLowerInvariant() }
        }
    }

    $brnfFiles = '/proc/sys/net/bridge/bridge-nf-call-iptables', '/proc/sys/net/bridge/bridge-nf-call-ip6tables'
    $brnfBefore = @($brnfFiles | ForEach-Object { (Get-Content -LiteralPath $_ -ErrorAction Ignore) })
    $hostForwarding = Get-OracleForwarding

    $x = New-TestName cn
    $y = New-TestName cn
    $null = New-NetBridge -Name $x -Up
    $null = New-NetBridge -Name $y -Up
    $null = Add-NetAddress -Interface $x -Address 10.81.0.1/16
    $null = Add-NetAddress -Interface $y -Address 10.82.0.1/16
    $a = New-BridgeContainer -Bridge $x -Prefix isa -Address 10.81.0.2/16 -Gateway 10.81.0.1
    $b = New-BridgeContainer -Bridge $x -Prefix isb -Address 10.81.0.3/16 -Gateway 10.81.0.1
    $c = New-BridgeContainer -Bridge $y -Prefix isc -Address 10.82.0.2/16 -Gateway 10.82.0.1
    $null = Enable-IPForwarding -Family IPv4
    # br_netfilter off to start with: icc off has to turn it on.
    # (Through sh: Set-Content does not change a /proc/sys value here.)
    foreach ($file in $brnfFiles) { if (Test-Path -LiteralPath $file) { & sh -c "echo 0 > $file" } }
    # Carrier and neighbours first, so the first probe of a test does not race them.
    $null = Wait-Oracle { Test-OraclePing -Namespace $a.Namespace -Address 10.81.0.3 } -TimeoutSec 5
    $null = Wait-Oracle { Test-OraclePing -Namespace $a.Namespace -Address 10.82.0.2 } -TimeoutSec 5
}

AfterAll {
    & nft delete table inet containernet 2>$null
    Remove-OracleNamespace $a.Namespace, $b.Namespace, $c.Namespace
    Remove-OracleLink $a.HostEnd, $b.HostEnd, $c.HostEnd, $x, $y
    for ($i = 0; $i -lt $brnfFiles.Count; $i++) {
        if ($brnfBefore[$i]) { & sh -c "echo $($brnfBefore[$i]) > $($brnfFiles[$i])" }
    }
    if ($hostForwarding) { & sh -c "echo $([int]$hostForwarding.IPv4) > /proc/sys/net/ipv4/ip_forward" }
}

Describe 'The topology before any isolation' {
    It 'has no containernet table and every container reaches every other (ICMP and TCP)' {
        Test-OracleNftTable containernet | Should -BeFalse
        Get-NetBridgeIsolation | Should -BeNullOrEmpty
        Get-ContainerLink | Should -BeNullOrEmpty
        Assert-Icmp -From $a.Namespace -Address 10.81.0.3 -Expected $true -Because 'A -> B on one bridge'
        Assert-Icmp -From $b.Namespace -Address 10.81.0.2 -Expected $true -Because 'B -> A on one bridge'
        Assert-Icmp -From $a.Namespace -Address 10.82.0.2 -Expected $true -Because 'A -> C across bridges'
        Assert-Tcp -From $a.Namespace -To $b.Namespace -Address 10.81.0.3 -Port 5433 -Expected $true -Because 'A -> B:5433' -Source 10.81.0.2
    }
}

Describe 'Disable-InterContainerTraffic and Enable-InterContainerTraffic' {
    AfterAll {
        $null = Enable-InterContainerTraffic -Bridge $x -ErrorAction SilentlyContinue
    }

    It 'icc off returns the bridge with InterContainerTraffic false, puts (X . X) in blocked, and turns bridge-nf-call-iptables/ip6tables on' {
        if (-not (Test-Path -LiteralPath $brnfFiles[0])) { Set-ItResult -Skipped -Because 'br_netfilter is not loaded'; return }
        Get-Content -LiteralPath $brnfFiles[0] | Should -Be '0'
        $result = Disable-InterContainerTraffic -Bridge $x -PassThru
        $result.GetType().FullName | Should -BeExactly 'ContainerNet.Core.Firewall.BridgeIsolation'
        $result.Bridge | Should -BeExactly $x
        $result.InterContainerTraffic | Should -BeFalse
        $result.Isolated | Should -BeFalse
        Get-OracleSetElement blocked | Should -Be @("$x . $x")
        Get-OracleSetElement isolated | Should -BeNullOrEmpty
        Get-Content -LiteralPath $brnfFiles[0] | Should -Be '1'
        Get-Content -LiteralPath $brnfFiles[1] | Should -Be '1'
    }

    It 'without -PassThru it writes nothing, and a second icc off changes nothing' {
        $before = Get-OracleNftRulesetText -Stateless
        Disable-InterContainerTraffic -Bridge $x | Should -BeNullOrEmpty
        Get-OracleNftRulesetText -Stateless | Should -BeExactly $before
    }

    It 'Get-NetBridgeIsolation matches the sets in `nft -j list ruleset`' {
        @(Get-NetBridgeIsolation | Get-IsolationKey) | Should -Be @(Get-OracleIsolationKey)
        @(Get-OracleIsolationKey) | Should -Be @("$x icc=False isolated=False from=")
        (Get-NetBridgeIsolation -Bridge $x).InterContainerTraffic | Should -BeFalse
        Get-NetBridgeIsolation -Bridge $y | Should -BeNullOrEmpty
    }

    It 'A and B no longer reach each other: ICMP both ways' {
        Assert-Icmp -From $a.Namespace -Address 10.81.0.3 -Expected $false -Because 'A -> B with icc off'
        Assert-Icmp -From $b.Namespace -Address 10.81.0.2 -Expected $false -Because 'B -> A with icc off'
    }

    It 'A and B no longer reach each other: TCP both ways' {
        Assert-Tcp -From $a.Namespace -To $b.Namespace -Address 10.81.0.3 -Port 5433 -Expected $false -Because 'A -> B:5433 with icc off'
        Assert-Tcp -From $b.Namespace -To $a.Namespace -Address 10.81.0.2 -Port 5433 -Expected $false -Because 'B -> A:5433 with icc off'
    }

    It 'A still reaches its gateway 10.81.0.1 (ICMP)' {
        Assert-Icmp -From $a.Namespace -Address 10.81.0.1 -Expected $true -Because 'A -> its gateway'
    }

    It 'A still reaches C on the other bridge (ICMP and TCP), and C reaches A' {
        Assert-Icmp -From $a.Namespace -Address 10.82.0.2 -Expected $true -Because 'A -> C across bridges'
        Assert-Icmp -From $c.Namespace -Address 10.81.0.2 -Expected $true -Because 'C -> A across bridges'
        Assert-Tcp -From $a.Namespace -To $c.Namespace -Address 10.82.0.2 -Port 5433 -Expected $true -Because 'A -> C:5433' -Source 10.81.0.2
    }

    It 'icc on removes (X . X) and the table, and A and B reach each other again (ICMP and TCP)' {
        $result = Enable-InterContainerTraffic -Bridge $x -PassThru
        $result.Bridge | Should -BeExactly $x
        $result.InterContainerTraffic | Should -BeTrue
        Test-OracleNftTable containernet | Should -BeFalse
        Get-NetBridgeIsolation | Should -BeNullOrEmpty
        Assert-Icmp -From $a.Namespace -Address 10.81.0.3 -Expected $true -Because 'A -> B with icc on again'
        Assert-Icmp -From $b.Namespace -Address 10.81.0.2 -Expected $true -Because 'B -> A with icc on again'
        Assert-Tcp -From $a.Namespace -To $b.Namespace -Address 10.81.0.3 -Port 5433 -Expected $true -Because 'A -> B:5433 with icc on again' -Source 10.81.0.2
    }
}

Describe 'Add-ContainerLink, Get-ContainerLink, Remove-ContainerLink (with icc off on X)' {
    BeforeAll {
        $null = Disable-InterContainerTraffic -Bridge $x
    }
    AfterAll {
        Get-ContainerLink -ErrorAction SilentlyContinue | Remove-ContainerLink -ErrorAction SilentlyContinue
        $null = Enable-InterContainerTraffic -Bridge $x -ErrorAction SilentlyContinue
    }

    Context 'a link A -> B:5432' {
        BeforeAll {
            $link = Add-ContainerLink -Source 10.81.0.2 -Destination 10.81.0.3 -Port 5432
        }
        AfterAll {
            Remove-ContainerLink -Source 10.81.0.2 -Destination 10.81.0.3 -Port 5432 -ErrorAction SilentlyContinue
        }

        It 'is returned as a ContainerLink (TCP by default) and is in link_ports4' {
            $link.GetType().FullName | Should -BeExactly 'ContainerNet.Core.Firewall.ContainerLink'
            $link.Source | Should -BeExactly '10.81.0.2'
            $link.Destination | Should -BeExactly '10.81.0.3'
            $link.Port | Should -Be 5432
            $link.Protocol | Should -Be 'Tcp'
            $link.Family | Should -Be 'IPv4'
            Get-OracleLinkKey | Should -Be @('10.81.0.2 -> 10.81.0.3:5432/tcp')
            Get-OracleSetElement links4 | Should -BeNullOrEmpty
        }

        It 'Get-ContainerLink matches the sets in `nft -j list ruleset`' {
            @(Get-ContainerLink | Get-LinkKey) | Should -Be @(Get-OracleLinkKey)
            @(Get-ContainerLink -Source 10.81.0.2 | Get-LinkKey) | Should -Be @('10.81.0.2 -> 10.81.0.3:5432/tcp')
            Get-ContainerLink -Source 10.81.0.3 | Should -BeNullOrEmpty
        }

        It 'A reaches B:5432 (TCP)' {
            Assert-Tcp -From $a.Namespace -To $b.Namespace -Address 10.81.0.3 -Port 5432 -Expected $true -Because 'the linked port' -Source 10.81.0.2
        }

        It 'A does not reach B on another port (5433)' {
            Assert-Tcp -From $a.Namespace -To $b.Namespace -Address 10.81.0.3 -Port 5433 -Expected $false -Because 'only 5432 is linked'
        }

        It 'A does not reach B by ICMP' {
            Assert-Icmp -From $a.Namespace -Address 10.81.0.3 -Expected $false -Because 'only TCP 5432 is linked'
        }

        It 'B does not reach A, on 5432 or by ICMP' {
            Assert-Tcp -From $b.Namespace -To $a.Namespace -Address 10.81.0.2 -Port 5432 -Expected $false -Because 'the link goes one way'
            Assert-Icmp -From $b.Namespace -Address 10.81.0.2 -Expected $false -Because 'the link goes one way'
        }

        It 'Remove-ContainerLink from the pipeline closes the port again' {
            Get-ContainerLink | Remove-ContainerLink
            Get-OracleLinkKey | Should -BeNullOrEmpty
            Get-ContainerLink | Should -BeNullOrEmpty
            Assert-Tcp -From $a.Namespace -To $b.Namespace -Address 10.81.0.3 -Port 5432 -Expected $false -Because 'the link is gone'
        }
    }

    Context 'a link A -> B without a port' {
        BeforeAll {
            $link = Add-ContainerLink -Source 10.81.0.2 -Destination 10.81.0.3
        }
        AfterAll {
            Remove-ContainerLink -Source 10.81.0.2 -Destination 10.81.0.3 -ErrorAction SilentlyContinue
        }

        It 'has no port or protocol and is in links4' {
            $link.Port | Should -BeNullOrEmpty
            $link.Protocol | Should -BeNullOrEmpty
            Get-OracleSetElement links4 | Should -Be @('10.81.0.2 . 10.81.0.3')
            Get-OracleSetElement link_ports4 | Should -BeNullOrEmpty
            @(Get-ContainerLink | Get-LinkKey) | Should -Be @(Get-OracleLinkKey)
            @(Get-OracleLinkKey) | Should -Be @('10.81.0.2 -> 10.81.0.3')
        }

        It 'A reaches B on any port and by ICMP' {
            Assert-Tcp -From $a.Namespace -To $b.Namespace -Address 10.81.0.3 -Port 5433 -Expected $true -Because 'every port is linked' -Source 10.81.0.2
            Assert-Tcp -From $a.Namespace -To $b.Namespace -Address 10.81.0.3 -Port 5432 -Expected $true -Because 'every port is linked' -Source 10.81.0.2
            Assert-Icmp -From $a.Namespace -Address 10.81.0.3 -Expected $true -Because 'all traffic A -> B is linked'
        }

        It 'B still does not reach A (TCP and ICMP)' {
            Assert-Tcp -From $b.Namespace -To $a.Namespace -Address 10.81.0.2 -Port 5433 -Expected $false -Because 'the link goes one way'
            Assert-Icmp -From $b.Namespace -Address 10.81.0.2 -Expected $false -Because 'the link goes one way'
        }

        It 'removing it leaves the table to icc off alone, and A -> B is dropped again' {
            Remove-ContainerLink -Source 10.81.0.2 -Destination 10.81.0.3
            Get-OracleLinkKey | Should -BeNullOrEmpty
            Get-OracleSetElement blocked | Should -Be @("$x . $x")
            Assert-Icmp -From $a.Namespace -Address 10.81.0.3 -Expected $false -Because 'the link is gone and icc is off'
        }
    }
}

Describe 'Add-NetBridgeIsolation, Get-NetBridgeIsolation, Remove-NetBridgeIsolation' {
    AfterAll {
        Remove-NetBridgeIsolation -Bridge $x -ErrorAction SilentlyContinue
        Remove-NetBridgeIsolation -Bridge $y -ErrorAction SilentlyContinue
    }

    It 'isolating X returns it alone (nothing to block yet), then isolating Y blocks both pairs' {
        $first = @(Add-NetBridgeIsolation -Bridge $x)
        $first.Count | Should -Be 1
        $first[0].Isolated | Should -BeTrue
        $first[0].IsolatedFrom | Should -BeNullOrEmpty
        Get-OracleSetElement isolated | Should -Be @($x)
        Get-OracleSetElement blocked | Should -BeNullOrEmpty
        $second = @(Add-NetBridgeIsolation -Bridge $y)
        $second.Count | Should -Be 1
        $second[0].Bridge | Should -BeExactly $y
        @($second[0].IsolatedFrom) | Should -Be @($x)
        Get-OracleSetElement isolated | Should -Be @($x, $y | Sort-Object)
        Get-OracleSetElement blocked | Should -Be @("$x . $y", "$y . $x" | Sort-Object)
    }

    It 'Get-NetBridgeIsolation matches the sets in `nft -j list ruleset`' {
        @(Get-NetBridgeIsolation | Get-IsolationKey) | Should -Be @(Get-OracleIsolationKey)
        @(Get-OracleIsolationKey) | Should -Be @("$x icc=True isolated=True from=$y", "$y icc=True isolated=True from=$x" | Sort-Object)
        @((Get-NetBridgeIsolation -Bridge $x).IsolatedFrom) | Should -Be @($y)
    }

    It 'A does not reach C, and C does not reach A (ICMP and TCP)' {
        Assert-Icmp -From $a.Namespace -Address 10.82.0.2 -Expected $false -Because 'X and Y are isolated'
        Assert-Icmp -From $c.Namespace -Address 10.81.0.2 -Expected $false -Because 'X and Y are isolated'
        Assert-Tcp -From $a.Namespace -To $c.Namespace -Address 10.82.0.2 -Port 5433 -Expected $false -Because 'X and Y are isolated'
        Assert-Tcp -From $c.Namespace -To $a.Namespace -Address 10.81.0.2 -Port 5433 -Expected $false -Because 'X and Y are isolated'
    }

    It 'each still reaches its own gateway, and A still reaches B on its own bridge' {
        Assert-Icmp -From $a.Namespace -Address 10.81.0.1 -Expected $true -Because 'A -> its gateway'
        Assert-Icmp -From $c.Namespace -Address 10.82.0.1 -Expected $true -Because 'C -> its gateway'
        Assert-Icmp -From $a.Namespace -Address 10.81.0.3 -Expected $true -Because 'icc is on in X'
    }

    It 'icc off on an isolated bridge shows in Get-NetBridgeIsolation as the kernel holds it' {
        $null = Disable-InterContainerTraffic -Bridge $x
        try {
            @(Get-NetBridgeIsolation | Get-IsolationKey) | Should -Be @(Get-OracleIsolationKey)
            (Get-NetBridgeIsolation -Bridge $x | Get-IsolationKey) | Should -BeExactly "$x icc=False isolated=True from=$y"
        }
        finally { $null = Enable-InterContainerTraffic -Bridge $x }
        (Get-NetBridgeIsolation -Bridge $x | Get-IsolationKey) | Should -BeExactly "$x icc=True isolated=True from=$y"
    }

    It 'Remove-NetBridgeIsolation X lets A and C reach each other again (ICMP and TCP); Y stays isolated with nothing to block' {
        Remove-NetBridgeIsolation -Bridge $x
        Get-OracleSetElement isolated | Should -Be @($y)
        Get-OracleSetElement blocked | Should -BeNullOrEmpty
        @(Get-NetBridgeIsolation | Get-IsolationKey) | Should -Be @(Get-OracleIsolationKey)
        Assert-Icmp -From $a.Namespace -Address 10.82.0.2 -Expected $true -Because 'X is no longer isolated'
        Assert-Icmp -From $c.Namespace -Address 10.81.0.2 -Expected $true -Because 'X is no longer isolated'
        Assert-Tcp -From $c.Namespace -To $a.Namespace -Address 10.81.0.2 -Port 5433 -Expected $true -Because 'X is no longer isolated' -Source 10.82.0.2
    }

    It 'one call with both bridges isolates them from each other again' {
        $null = Add-NetBridgeIsolation -Bridge $x, $y
        Get-OracleSetElement blocked | Should -Be @("$x . $y", "$y . $x" | Sort-Object)
        Assert-Icmp -From $a.Namespace -Address 10.82.0.2 -Expected $false -Because 'X and Y are isolated again'
    }
}

Describe 'Cleanup' {
    It 'after removing everything the table inet containernet is gone' {
        $null = Add-NetBridgeIsolation -Bridge $x, $y
        $null = Disable-InterContainerTraffic -Bridge $y
        $null = Add-ContainerLink -Source 10.81.0.2 -Destination 10.82.0.2 -Port 53 -Protocol Udp
        Test-OracleNftTable containernet | Should -BeTrue
        @(Get-ContainerLink | Get-LinkKey) | Should -Be @('10.81.0.2 -> 10.82.0.2:53/udp')
        @(Get-ContainerLink | Get-LinkKey) | Should -Be @(Get-OracleLinkKey)
        Get-ContainerLink | Remove-ContainerLink
        Test-OracleNftTable containernet | Should -BeTrue
        $null = Enable-InterContainerTraffic -Bridge $y
        Test-OracleNftTable containernet | Should -BeTrue
        Get-NetBridgeIsolation | ForEach-Object { if ($_.Isolated) { Remove-NetBridgeIsolation -Bridge $_.Bridge } }
        Test-OracleNftTable containernet | Should -BeFalse
        Get-NetBridgeIsolation | Should -BeNullOrEmpty
        Get-ContainerLink | Should -BeNullOrEmpty
        Assert-Icmp -From $a.Namespace -Address 10.82.0.2 -Expected $true -Because 'nothing is left to drop'
        Assert-Icmp -From $a.Namespace -Address 10.81.0.3 -Expected $true -Because 'nothing is left to drop'
    }
}
