# NAT masquerade and published ports (Add/Get/Remove-NatMasquerade, Publish/Get/Unpublish-ContainerPort),
# proved with traffic (OpenBSD nc listeners and clients, every one bounded by `timeout`) and checked
# against `nft -j list ruleset` / `nft list ruleset`.
#
# The topology, built with the cmdlets: bridge cn* with 10.71.0.1/16 and containers A (10.71.0.2) and
# B (10.71.0.3) on it, default routes via the bridge; an "outside" namespace linked to the sandbox host
# by a veth: host 203.0.113.2/24 (+ 198.51.100.2/24 later), outside 203.0.113.1/24 (+ 198.51.100.1/24).
# The outside has no route back to 10.71.0.0/16, so a container reaches it only through masquerade.
# IPv4 forwarding is on. An unrelated table `inet foreign` exists from the start and must come out of
# every ContainerNet operation untouched.
# Subnets: 10.71.0.0/16, 10.100.0.0/24 to 10.100.49.0/24 (rule growth), 10.100.200.0/24 (atomicity).

BeforeAll {
    . $PSScriptRoot/Sandbox.ps1
    Assert-ContainerNetSandbox
    Import-Module ($env:CONTAINERNET_MODULE_PATH ?? "$PSScriptRoot/../../out/ContainerNet") -Force
    . $PSScriptRoot/TestHelpers.ps1

    $script:pongFile = Join-Path ([IO.Path]::GetTempPath()) "cn-fw-pong-$PID.txt"
    Set-Content -LiteralPath $pongFile -Value 'pong'

    function Start-Listener {
        <# A one-shot nc listener in a namespace (the host when empty), bounded by `timeout`, with its
           stderr (-v: "Connection received on ADDR PORT") and stdout captured to files. A UDP listener
           answers 'pong' to the first datagram. Waits until the socket is bound (ss). #>
        param([string]$Namespace, [Parameter(Mandatory)][int]$Port, [switch]$Udp, [int]$TimeoutSec = 8)
        $id = [Guid]::NewGuid().ToString('N').Substring(0, 8)
        $log = Join-Path ([IO.Path]::GetTempPath()) "cn-fw-$id.err"
        $out = Join-Path ([IO.Path]::GetTempPath()) "cn-fw-$id.out"
        $exec = if ($Namespace) { @('ip', 'netns', 'exec', $Namespace) } else { @() }
        $nc = if ($Udp) { @('nc', '-u', '-l', '-n', '-v', "$Port") } else { @('nc', '-l', '-n', '-v', "$Port") }
        $start = @{ FilePath = 'timeout'; ArgumentList = @("$TimeoutSec") + $exec + $nc; RedirectStandardError = $log; RedirectStandardOutput = $out; PassThru = $true }
        if ($Udp) { $start.RedirectStandardInput = $pongFile }
        $process = Start-Process @start
        $ssOption = if ($Udp) { '-Hlun' } else { '-Hltn' }
        $bound = Wait-Oracle {
            $sockets = if ($Namespace) { & ip netns exec $Namespace ss $ssOption "sport = :$Port" 2>$null } else { & ss $ssOption "sport = :$Port" 2>$null }
            "$sockets" -match ":$Port\b"
        } -TimeoutSec 3
        if (-not $bound) { Stop-Listener ([pscustomobject]@{ Process = $process; Log = $log; Out = $out }); throw "nc did not listen on $Port in '$Namespace'" }
        [pscustomobject]@{ Process = $process; Log = $log; Out = $out }
    }

    function Stop-Listener {
        <# Ends the listener by its PID (SIGTERM to timeout, which passes it to nc) and returns the
           address the listener saw connecting ($null when nobody did). #>
        param([Parameter(Mandatory)]$Listener)
        if (-not $Listener.Process.HasExited) {
            & kill -TERM $Listener.Process.Id 2>$null
            $null = $Listener.Process.WaitForExit(3000)
        }
        $text = Get-Content -Raw -LiteralPath $Listener.Log -ErrorAction Ignore
        Remove-Item -LiteralPath $Listener.Log, $Listener.Out -ErrorAction Ignore
        if ($text -match 'Connection received on (\S+) \d+') { $Matches[1] } else { $null }
    }

    function Test-TcpConnect {
        <# A TCP connect (nc -z) from a namespace (the host when empty) within a second. #>
        param([string]$From, [Parameter(Mandatory)][string]$Address, [Parameter(Mandatory)][int]$Port)
        $exec = if ($From) { @('ip', 'netns', 'exec', $From) } else { @() }
        $null = & timeout 3 @exec nc -n -z -w 1 $Address $Port 2>&1
        $LASTEXITCODE -eq 0
    }

    function Test-UdpExchange {
        <# Sends 'ping' over UDP from a namespace (the host when empty): $true when 'pong' comes back within a second. #>
        param([string]$From, [Parameter(Mandatory)][string]$Address, [Parameter(Mandatory)][int]$Port)
        $exec = if ($From) { @('ip', 'netns', 'exec', $From) } else { @() }
        $reply = 'ping' | & timeout 3 @exec nc -u -n -W 1 -w 1 $Address $Port 2>$null
        [bool]($reply -match 'pong')
    }

    function Invoke-Probe {
        <# One connection through the network: a listener in -To on -ListenPort, a client in -From that
           connects to Address:Port. Returns Answered (TCP connected / UDP reply came back) and Source
           (the peer address the listener saw, $null when nothing arrived). #>
        param([string]$From, [string]$To, [Parameter(Mandatory)][string]$Address, [Parameter(Mandatory)][int]$Port,
            [Parameter(Mandatory)][int]$ListenPort, [switch]$Udp)
        $listener = Start-Listener -Namespace $To -Port $ListenPort -Udp:$Udp
        try {
            $answered = if ($Udp) { Test-UdpExchange -From $From -Address $Address -Port $Port }
            else { Test-TcpConnect -From $From -Address $Address -Port $Port }
            # A one-shot TCP listener ends when the connection closes; give it a moment to log.
            $null = $listener.Process.WaitForExit(500)
        }
        finally { $source = Stop-Listener $listener }
        [pscustomobject]@{ Answered = $answered; Source = $source }
    }

    function Get-PortKey {
        <# The oracle's Key format for PortMapping objects, to compare cmdlet output with the kernel. #>
        param([Parameter(ValueFromPipeline)]$Mapping)
        process {
            '{0} {1}:{2} -> {3}:{4}' -f $Mapping.Protocol.ToString().ToLowerInvariant(), ($Mapping.HostAddress ?? '*'),
                $Mapping.HostPort, $Mapping.ContainerAddress, $Mapping.ContainerPort
        }
    }

    $hostForwarding = Get-OracleForwarding

    # The unrelated table, before any ContainerNet operation.
    Invoke-Nft add table inet foreign
    Invoke-Nft add chain inet foreign c '{ type filter hook forward priority 0; policy accept; }'
    Invoke-Nft add rule inet foreign c counter
    $foreignBefore = (Invoke-Nft -s -a list table inet foreign) -join "`n"

    $bridge = New-TestName cn
    $null = New-NetBridge -Name $bridge -Up
    $null = Add-NetAddress -Interface $bridge -Address 10.71.0.1/16
    $a = New-BridgeContainer -Bridge $bridge -Prefix fwa -Address 10.71.0.2/16 -Gateway 10.71.0.1
    $b = New-BridgeContainer -Bridge $bridge -Prefix fwb -Address 10.71.0.3/16 -Gateway 10.71.0.1
    $outside = New-TestName outside
    $uplink = New-TestName up
    $null = New-NetNamespace -Name $outside
    $null = Set-NetLink -Namespace $outside -Name lo -State Up
    $null = New-VethPair -Name $uplink -PeerName eth0 -PeerNamespace $outside -Up
    $null = Add-NetAddress -Interface $uplink -Address 203.0.113.2/24
    $null = Add-NetAddress -Namespace $outside -Interface eth0 -Address 203.0.113.1/24
    $null = Enable-IPForwarding -Family IPv4
    # Carrier and neighbours first, so the first probe of each test does not race them.
    $null = Wait-Oracle { Test-OraclePing -Namespace $outside -Address 203.0.113.2 } -TimeoutSec 5
    $null = Wait-Oracle { Test-OraclePing -Namespace $a.Namespace -Address 10.71.0.3 } -TimeoutSec 5
}

AfterAll {
    Get-ContainerPort -ErrorAction SilentlyContinue | Unpublish-ContainerPort -ErrorAction SilentlyContinue
    & nft delete table inet containernet 2>$null
    & nft delete table inet foreign 2>$null
    Remove-OracleNamespace $a.Namespace, $b.Namespace, $outside
    Remove-OracleLink $a.HostEnd, $b.HostEnd, $uplink, $bridge
    Remove-Item -LiteralPath $pongFile -ErrorAction Ignore
    if ($hostForwarding) {
        # (sysctl, not Set-Content: Set-Content does not change a /proc/sys value here.)
        $null = & sysctl -q -w "net.ipv4.ip_forward=$([int]$hostForwarding.IPv4)"
    }
}

Describe 'Add-NatMasquerade, Get-NatMasquerade, Remove-NatMasquerade' {
    AfterAll {
        Get-NatMasquerade -ErrorAction SilentlyContinue | Remove-NatMasquerade -ErrorAction SilentlyContinue
    }

    It 'the table does not exist before the first masquerade' {
        Test-OracleNftTable containernet | Should -BeFalse
        Get-NatMasquerade | Should -BeNullOrEmpty
    }

    It 'without masquerade a container cannot reach the outside (it has no route back to 10.71.0.0/16)' {
        $probe = Invoke-Probe -From $a.Namespace -To $outside -Address 203.0.113.1 -Port 7001 -ListenPort 7001
        $probe.Answered | Should -BeFalse
        # The outside gets the SYN from 10.71.0.2 but cannot answer it, so nc accepts nothing.
        $probe.Source | Should -BeNullOrEmpty
    }

    It 'adds the subnet to the kernel set masq4 and returns it' {
        $result = Add-NatMasquerade -Subnet 10.71.0.0/16 -ExceptInterface $bridge
        $result.Subnet | Should -BeExactly '10.71.0.0/16'
        $result.ExceptInterface | Should -BeExactly $bridge
        $result.Family | Should -Be 'IPv4'
        Test-OracleNftTable containernet | Should -BeTrue
        Get-OracleMasquerade | Should -Be @('10.71.0.0/16')
        $except = Get-OracleNftObject -Kind set -Table containernet | Where-Object name -EQ masq4_except
        @(Get-OracleNftElementField $except.elem[0]) | Should -Be @('10.71.0.0/16', $bridge)
    }

    It 'Get-NatMasquerade reads it back from the kernel' {
        $read = @(Get-NatMasquerade)
        $read.Count | Should -Be 1
        $read[0].Subnet | Should -BeExactly '10.71.0.0/16'
        $read[0].ExceptInterface | Should -BeExactly $bridge
        (Get-NatMasquerade -Subnet 10.71.0.0/16).Subnet | Should -BeExactly '10.71.0.0/16'
        Get-NatMasquerade -Subnet 10.99.0.0/16 | Should -BeNullOrEmpty
    }

    It 'the outside listener sees the host address 203.0.113.2 as the source of a container (TCP)' {
        $probe = Invoke-Probe -From $a.Namespace -To $outside -Address 203.0.113.1 -Port 7002 -ListenPort 7002
        $probe.Answered | Should -BeTrue
        $probe.Source | Should -BeExactly '203.0.113.2'
    }

    It 'the outside listener sees 203.0.113.2 for UDP too, and the reply comes back' {
        $probe = Invoke-Probe -From $b.Namespace -To $outside -Address 203.0.113.1 -Port 7003 -ListenPort 7003 -Udp
        $probe.Answered | Should -BeTrue
        $probe.Source | Should -BeExactly '203.0.113.2'
    }

    It '-ExceptInterface: container B sees container A''s own address across the bridge' {
        $probe = Invoke-Probe -From $a.Namespace -To $b.Namespace -Address 10.71.0.3 -Port 7004 -ListenPort 7004
        $probe.Answered | Should -BeTrue
        $probe.Source | Should -BeExactly '10.71.0.2'
    }

    It 'without -ExceptInterface bridged traffic is masqueraded too when br_netfilter passes it to the IP hooks' {
        $brnf = Get-Content -LiteralPath /proc/sys/net/bridge/bridge-nf-call-iptables -ErrorAction Ignore
        if ("$brnf".Trim() -ne '1') { Set-ItResult -Skipped -Because 'br_netfilter is not loaded: bridged frames never reach the inet hooks'; return }
        Remove-NatMasquerade -Subnet 10.71.0.0/16
        $null = Add-NatMasquerade -Subnet 10.71.0.0/16
        try {
            (Get-NatMasquerade).ExceptInterface | Should -BeNullOrEmpty
            $probe = Invoke-Probe -From $a.Namespace -To $b.Namespace -Address 10.71.0.3 -Port 7005 -ListenPort 7005
            $probe.Answered | Should -BeTrue
            $probe.Source | Should -BeExactly '10.71.0.1' -Because 'masquerade takes the address of the bridge it leaves by'
        }
        finally {
            Remove-NatMasquerade -Subnet 10.71.0.0/16
            $null = Add-NatMasquerade -Subnet 10.71.0.0/16 -ExceptInterface $bridge
        }
    }

    It 'Remove-NatMasquerade (from the pipeline) deletes it, the table goes, and the outside is unreachable again' {
        Get-NatMasquerade -Subnet 10.71.0.0/16 | Remove-NatMasquerade
        Get-OracleMasquerade | Should -BeNullOrEmpty
        Test-OracleNftTable containernet | Should -BeFalse
        Get-NatMasquerade | Should -BeNullOrEmpty
        $probe = Invoke-Probe -From $a.Namespace -To $outside -Address 203.0.113.1 -Port 7006 -ListenPort 7006
        $probe.Answered | Should -BeFalse
        $probe.Source | Should -BeNullOrEmpty
    }

    It 'adjacent subnets (10.72.0.0/24 and 10.72.1.0/24) read back as added, and Get | Remove takes both' {
        $null = Add-NatMasquerade -Subnet 10.72.0.0/24
        $null = Add-NatMasquerade -Subnet 10.72.1.0/24
        try {
            Get-OracleMasquerade | Should -Be @('10.72.0.0/24', '10.72.1.0/24')
            @(Get-NatMasquerade | ForEach-Object Subnet | Sort-Object) | Should -Be @('10.72.0.0/24', '10.72.1.0/24')
            Get-NatMasquerade | Remove-NatMasquerade
            Get-OracleMasquerade | Should -BeNullOrEmpty
            Test-OracleNftTable containernet | Should -BeFalse
        }
        finally {
            Remove-NatMasquerade -Subnet 10.72.0.0/24 -ErrorAction SilentlyContinue
            Remove-NatMasquerade -Subnet 10.72.1.0/24 -ErrorAction SilentlyContinue
        }
    }
}

Describe 'Publish-ContainerPort, Get-ContainerPort, Unpublish-ContainerPort' {
    BeforeAll {
        $tcp = Publish-ContainerPort -ContainerAddress 10.71.0.2 -ContainerPort 80 -HostPort 8080
        $udp = Publish-ContainerPort -ContainerAddress 10.71.0.2 -ContainerPort 53 -HostPort 5353 -Protocol Udp
        $range = Publish-ContainerPort -ContainerAddress 10.71.0.2 -ContainerPort 9000-9002 -HostPort 19000-19002
        # A second host address on the uplink, and the outside's way to it.
        Invoke-Ip addr add 198.51.100.2/24 dev $uplink
        Invoke-Ip -n $outside addr add 198.51.100.1/24 dev eth0
        $specific = Publish-ContainerPort -ContainerAddress 10.71.0.2 -ContainerPort 443 -HostPort 8443 -HostAddress 203.0.113.2
        $specificUdp = Publish-ContainerPort -ContainerAddress 10.71.0.2 -ContainerPort 443 -HostPort 8443 -HostAddress 203.0.113.2 -Protocol Udp
    }
    AfterAll {
        Get-ContainerPort -ErrorAction SilentlyContinue | Unpublish-ContainerPort -ErrorAction SilentlyContinue
        & ip addr del 198.51.100.2/24 dev $uplink 2>$null
        & ip -n $outside addr del 198.51.100.1/24 dev eth0 2>$null
    }

    It 'returns one PortMapping per port, as asked' {
        $tcp.Count | Should -Be 1
        $tcp.GetType().FullName | Should -BeExactly 'ContainerNet.Core.Firewall.PortMapping'
        $tcp | Get-PortKey | Should -BeExactly 'tcp *:8080 -> 10.71.0.2:80'
        $udp | Get-PortKey | Should -BeExactly 'udp *:5353 -> 10.71.0.2:53'
        @($range | Get-PortKey) | Should -Be @('tcp *:19000 -> 10.71.0.2:9000', 'tcp *:19001 -> 10.71.0.2:9001', 'tcp *:19002 -> 10.71.0.2:9002')
        $specific | Get-PortKey | Should -BeExactly 'tcp 203.0.113.2:8443 -> 10.71.0.2:443'
    }

    It 'Get-ContainerPort matches the elements of publish4 in `nft -j list ruleset`' {
        $kernel = @(Get-OraclePortMapping | ForEach-Object Key | Sort-Object)
        $kernel.Count | Should -Be 7
        @(Get-ContainerPort | Get-PortKey | Sort-Object) | Should -Be $kernel
        @($tcp, $udp, $range, $specific, $specificUdp | ForEach-Object { $_ } | Get-PortKey | Sort-Object) | Should -Be $kernel
        @(Get-ContainerPort -HostPort 8443 | Get-PortKey | Sort-Object) | Should -Be @('tcp 203.0.113.2:8443 -> 10.71.0.2:443', 'udp 203.0.113.2:8443 -> 10.71.0.2:443')
        @(Get-ContainerPort -Protocol Udp).Count | Should -Be 2
        @(Get-ContainerPort -ContainerAddress 10.71.0.2).Count | Should -Be 7
        Get-ContainerPort -ContainerAddress 10.71.0.3 | Should -BeNullOrEmpty
    }

    It 'Get-ContainerPort reads the kernel: an element added with nft shows up, and goes again' {
        Invoke-Nft add element inet containernet publish4 '{ 203.0.113.2 . tcp . 8999 : 10.71.0.3 . 99 }'
        try {
            @(Get-ContainerPort -HostPort 8999 | Get-PortKey) | Should -Be @('tcp 203.0.113.2:8999 -> 10.71.0.3:99')
        }
        finally { Invoke-Nft delete element inet containernet publish4 '{ 203.0.113.2 . tcp . 8999 }' }
        Get-ContainerPort -HostPort 8999 | Should -BeNullOrEmpty
    }

    It 'the hairpin pair of the bridge is in hairpin4' {
        $set = Get-OracleNftObject -Kind set -Table containernet | Where-Object name -EQ hairpin4
        @($set.elem).Count | Should -Be 1
        @(Get-OracleNftElementField $set.elem[0]) | Should -Be @('10.71.0.0/16', $bridge)
    }

    It 'a published TCP port answers from outside (203.0.113.2:8080 reaches A:80, source kept)' {
        $probe = Invoke-Probe -From $outside -To $a.Namespace -Address 203.0.113.2 -Port 8080 -ListenPort 80
        $probe.Answered | Should -BeTrue
        $probe.Source | Should -BeExactly '203.0.113.1'
    }

    It 'a published UDP port answers from outside (203.0.113.2:5353 reaches A:53 and its reply comes back)' {
        $probe = Invoke-Probe -From $outside -To $a.Namespace -Address 203.0.113.2 -Port 5353 -ListenPort 53 -Udp
        $probe.Answered | Should -BeTrue
        $probe.Source | Should -BeExactly '203.0.113.1'
    }

    It 'the host itself reaches a published TCP port at its own address 203.0.113.2' {
        $probe = Invoke-Probe -To $a.Namespace -Address 203.0.113.2 -Port 8080 -ListenPort 80
        $probe.Answered | Should -BeTrue
        $probe.Source | Should -BeExactly '203.0.113.2'
    }

    It 'the host itself reaches a published UDP port at its own address 203.0.113.2' {
        $probe = Invoke-Probe -To $a.Namespace -Address 203.0.113.2 -Port 5353 -ListenPort 53 -Udp
        $probe.Answered | Should -BeTrue
    }

    It 'hairpin: container B reaches A through 203.0.113.2:8080 (TCP), masqueraded to the bridge address' {
        $probe = Invoke-Probe -From $b.Namespace -To $a.Namespace -Address 203.0.113.2 -Port 8080 -ListenPort 80
        $probe.Answered | Should -BeTrue
        $probe.Source | Should -BeExactly '10.71.0.1'
    }

    It 'hairpin: container B reaches A through 203.0.113.2:5353 (UDP)' {
        $probe = Invoke-Probe -From $b.Namespace -To $a.Namespace -Address 203.0.113.2 -Port 5353 -ListenPort 53 -Udp
        $probe.Answered | Should -BeTrue
        $probe.Source | Should -BeExactly '10.71.0.1'
    }

    It 'a port range maps each port: 19000+i reaches A:9000+i' -ForEach @(
        @{ HostPort = 19000; ContainerPort = 9000 }
        @{ HostPort = 19001; ContainerPort = 9001 }
        @{ HostPort = 19002; ContainerPort = 9002 }
    ) {
        $probe = Invoke-Probe -From $outside -To $a.Namespace -Address 203.0.113.2 -Port $HostPort -ListenPort $ContainerPort
        $probe.Answered | Should -BeTrue
        $probe.Source | Should -BeExactly '203.0.113.1'
        # ... and not the neighbour's port.
        $other = Invoke-Probe -From $outside -To $a.Namespace -Address 203.0.113.2 -Port $HostPort -ListenPort ($ContainerPort + 10)
        $other.Answered | Should -BeFalse
    }

    It 'a mapping on every address answers on the second host address too' {
        (Invoke-Probe -From $outside -To $a.Namespace -Address 198.51.100.2 -Port 8080 -ListenPort 80).Answered | Should -BeTrue
    }

    It 'a mapping on 203.0.113.2 answers there and not on 198.51.100.2 (TCP)' {
        (Invoke-Probe -From $outside -To $a.Namespace -Address 203.0.113.2 -Port 8443 -ListenPort 443).Answered | Should -BeTrue
        $elsewhere = Invoke-Probe -From $outside -To $a.Namespace -Address 198.51.100.2 -Port 8443 -ListenPort 443
        $elsewhere.Answered | Should -BeFalse
        $elsewhere.Source | Should -BeNullOrEmpty
    }

    It 'a mapping on 203.0.113.2 answers there and not on 198.51.100.2 (UDP)' {
        (Invoke-Probe -From $outside -To $a.Namespace -Address 203.0.113.2 -Port 8443 -ListenPort 443 -Udp).Answered | Should -BeTrue
        $elsewhere = Invoke-Probe -From $outside -To $a.Namespace -Address 198.51.100.2 -Port 8443 -ListenPort 443 -Udp
        $elsewhere.Answered | Should -BeFalse
        $elsewhere.Source | Should -BeNullOrEmpty
    }

    It 'Unpublish-ContainerPort -HostPort stops TCP 8080 from outside, from the host and by hairpin, quickly' {
        Unpublish-ContainerPort -HostPort 8080
        Get-ContainerPort -HostPort 8080 | Should -BeNullOrEmpty
        Get-OraclePortMapping | Where-Object HostPort -EQ 8080 | Should -BeNullOrEmpty
        $clock = [Diagnostics.Stopwatch]::StartNew()
        (Invoke-Probe -From $outside -To $a.Namespace -Address 203.0.113.2 -Port 8080 -ListenPort 80).Answered | Should -BeFalse
        (Invoke-Probe -To $a.Namespace -Address 203.0.113.2 -Port 8080 -ListenPort 80).Answered | Should -BeFalse
        (Invoke-Probe -From $b.Namespace -To $a.Namespace -Address 203.0.113.2 -Port 8080 -ListenPort 80).Answered | Should -BeFalse
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
        # The others still answer.
        (Invoke-Probe -From $outside -To $a.Namespace -Address 203.0.113.2 -Port 19000 -ListenPort 9000).Answered | Should -BeTrue
    }

    It 'Unpublish-ContainerPort -Protocol Udp stops UDP 5353' {
        Unpublish-ContainerPort -HostPort 5353 -Protocol Udp
        Get-OraclePortMapping | Where-Object HostPort -EQ 5353 | Should -BeNullOrEmpty
        (Invoke-Probe -From $outside -To $a.Namespace -Address 203.0.113.2 -Port 5353 -ListenPort 53 -Udp).Answered | Should -BeFalse
    }

    It 'Get-ContainerPort | Unpublish-ContainerPort empties the map in one go and the table disappears' {
        @(Get-ContainerPort).Count | Should -Be 5
        Get-ContainerPort | Unpublish-ContainerPort
        Get-OraclePortMapping | Should -BeNullOrEmpty
        Get-ContainerPort | Should -BeNullOrEmpty
        Test-OracleNftTable containernet | Should -BeFalse
        (Invoke-Probe -From $outside -To $a.Namespace -Address 203.0.113.2 -Port 19000 -ListenPort 9000).Answered | Should -BeFalse
        (Invoke-Probe -From $outside -To $a.Namespace -Address 203.0.113.2 -Port 8443 -ListenPort 443).Answered | Should -BeFalse
    }
}

Describe 'Rule growth: ports and subnets live in sets and maps' {
    BeforeAll {
        $subnets = @(0..49 | ForEach-Object { "10.100.$_.0/24" })
    }
    AfterAll {
        Get-ContainerPort -ErrorAction SilentlyContinue | Unpublish-ContainerPort -ErrorAction SilentlyContinue
        foreach ($subnet in $subnets) { Remove-NatMasquerade -Subnet $subnet -ErrorAction SilentlyContinue }
    }

    It 'the rule count with 1000 published ports and 50 masqueraded subnets equals the count with 1 and 1' {
        $null = Publish-ContainerPort -ContainerAddress 10.71.0.2 -ContainerPort 20000 -HostPort 30000
        $null = Add-NatMasquerade -Subnet 10.100.0.0/24
        $small = Get-OracleNftRuleCount
        $smallOwn = Get-OracleNftRuleCount -Table containernet
        Unpublish-ContainerPort -HostPort 30000
        Remove-NatMasquerade -Subnet 10.100.0.0/24
        Test-OracleNftTable containernet | Should -BeFalse

        $clock = [Diagnostics.Stopwatch]::StartNew()
        $published = Publish-ContainerPort -ContainerAddress 10.71.0.2 -ContainerPort 20000-20999 -HostPort 30000-30999
        $publishTime = $clock.Elapsed
        foreach ($subnet in $subnets) { $null = Add-NatMasquerade -Subnet $subnet }
        $large = Get-OracleNftRuleCount
        $largeOwn = Get-OracleNftRuleCount -Table containernet

        Write-Host ("    rules in the ruleset: {0} with 1 port and 1 subnet, {1} with 1000 ports and 50 subnets (table containernet: {2} and {3}); 1000 ports published in one call in {4:N0} ms" -f
            $small, $large, $smallOwn, $largeOwn, $publishTime.TotalMilliseconds)
        @($published).Count | Should -Be 1000
        @(Get-OraclePortMapping).Count | Should -Be 1000
        Get-OracleMasquerade | Should -Be ($subnets | Sort-Object)
        @(Get-ContainerPort).Count | Should -Be 1000
        @(Get-NatMasquerade).Count | Should -Be 50
        $large | Should -Be $small
        $largeOwn | Should -Be $smallOwn
    }

    It 'the last of 1000 ports answers (30999 reaches A:20999)' {
        (Invoke-Probe -From $outside -To $a.Namespace -Address 203.0.113.2 -Port 30999 -ListenPort 20999).Answered | Should -BeTrue
    }

    It 'Get-NatMasquerade reads the 50 subnets back as they were added' {
        @(Get-NatMasquerade | ForEach-Object Subnet | Sort-Object) | Should -Be ($subnets | Sort-Object)
    }

    It 'Get-ContainerPort | Unpublish-ContainerPort removes 1000 ports; the table stays while masquerades remain' {
        Get-ContainerPort | Unpublish-ContainerPort
        Get-OraclePortMapping | Should -BeNullOrEmpty
        Test-OracleNftTable containernet | Should -BeTrue
        foreach ($subnet in $subnets) { Remove-NatMasquerade -Subnet $subnet }
        Get-OracleMasquerade | Should -BeNullOrEmpty
        Test-OracleNftTable containernet | Should -BeFalse
    }
}

Describe 'Atomicity: a refused publish leaves the ruleset byte-identical' {
    BeforeAll {
        # The table exists (through a masquerade) and hairpin4 is still empty.
        $null = Add-NatMasquerade -Subnet 10.100.200.0/24
    }
    AfterAll {
        & nft delete element inet containernet hairpin4 "{ 10.71.0.0/24 . `"$bridge`" }" 2>$null
        Get-ContainerPort -ErrorAction SilentlyContinue | Unpublish-ContainerPort -ErrorAction SilentlyContinue
        Get-NatMasquerade -ErrorAction SilentlyContinue | Remove-NatMasquerade -ErrorAction SilentlyContinue
    }

    It 'the kernel refuses the batch half-way (hairpin element after 11 map elements): nothing of it stays' {
        # An element for part of the bridge's subnet, added behind ContainerNet's back: the publish
        # below plans (10.71.0.0/16 . bridge) for hairpin4 after the 11 publish4 elements, and the
        # kernel refuses the overlapping interval (EEXIST) when it gets there, so the map elements of
        # the same batch are already in the transaction and must be rolled back.
        Invoke-Nft add element inet containernet hairpin4 "{ 10.71.0.0/24 . `"$bridge`" }"
        try {
            $before = Get-OracleNftRulesetText -Stateless
            $beforeOwn = (Invoke-Nft list table inet containernet) -join "`n"
            $failure = $null
            $result = Publish-ContainerPort -ContainerAddress 10.71.0.2 -ContainerPort 40000-40010 -ErrorAction SilentlyContinue -ErrorVariable failure
            $result | Should -BeNullOrEmpty
            @($failure).Count | Should -Be 1
            $record = $failure[0]
            Write-Host "    kernel rejection: $($record.FullyQualifiedErrorId) ($($record.CategoryInfo.Category)), errno $($record.Exception.Errno): $($record.Exception.Message)"
            $record.FullyQualifiedErrorId | Should -BeExactly 'FirewallConflict,ContainerNet.Commands.PublishContainerPortCommand'
            $record.CategoryInfo.Category | Should -Be 'ResourceExists'
            $record.Exception.Errno | Should -Not -Be 0 -Because 'the kernel, not the pre-check, refused it'
            $record.Exception.Message | Should -Match 'hairpin4' -Because 'the message names the element the kernel refused'
            # The whole ruleset without counter values (the foreign table's counter may count a stray
            # forwarded packet meanwhile), and ContainerNet's table byte for byte.
            Get-OracleNftRulesetText -Stateless | Should -BeExactly $before
            (Invoke-Nft list table inet containernet) -join "`n" | Should -BeExactly $beforeOwn
            Get-ContainerPort | Should -BeNullOrEmpty
        }
        finally { Invoke-Nft delete element inet containernet hairpin4 "{ 10.71.0.0/24 . `"$bridge`" }" }
    }

    It 'a range over a port taken on one address (HostPortInUse) changes nothing' {
        $null = Publish-ContainerPort -ContainerAddress 10.71.0.3 -ContainerPort 40005 -HostAddress 203.0.113.2
        $before = Get-OracleNftRulesetText -Stateless
        { Publish-ContainerPort -ContainerAddress 10.71.0.2 -ContainerPort 40000-40010 -ErrorAction Stop } |
            Should -Throw -ErrorId 'HostPortInUse,ContainerNet.Commands.PublishContainerPortCommand'
        Get-OracleNftRulesetText -Stateless | Should -BeExactly $before
        Unpublish-ContainerPort -HostPort 40005 -HostAddress 203.0.113.2
    }

    It 'a conflicting element added directly with nft is seen, and the range is refused without a change' {
        Invoke-Nft add element inet containernet publish4 '{ 0.0.0.0/0 . tcp . 40005 : 10.9.9.9 . 1 }'
        $before = Get-OracleNftRulesetText -Stateless
        { Publish-ContainerPort -ContainerAddress 10.71.0.2 -ContainerPort 40000-40010 -HostAddress 203.0.113.2 -ErrorAction Stop } |
            Should -Throw -ErrorId 'HostPortInUse,ContainerNet.Commands.PublishContainerPortCommand'
        Get-OracleNftRulesetText -Stateless | Should -BeExactly $before
        Invoke-Nft delete element inet containernet publish4 '{ 0.0.0.0/0 . tcp . 40005 }'
    }
}

Describe 'Coexistence with other tables' {
    It 'the unrelated table inet foreign is byte-identical after every ContainerNet operation (counter values aside)' {
        (Invoke-Nft -s -a list table inet foreign) -join "`n" | Should -BeExactly $foreignBefore
        # Still hooked: its counter saw the forwarded traffic of the tests above.
        $counter = (Get-OracleNftObject -Kind rule -Table foreign).expr.counter
        $counter.packets | Should -BeGreaterThan 0
    }
}
