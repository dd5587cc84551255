# The topology Docker builds for `docker run` on the default bridge, made entirely with the cmdlets:
# namespaces, veth pairs with the peer as eth0 inside, one bridge with the gateway address, container
# addresses, default routes via the bridge, forwarding on. The oracles (`ip -j`, `bridge -j`,
# /proc/sys) show every step; traffic (iputils ping and Test-NetNamespaceConnection, which must agree)
# proves it works: container to container, container to bridge and beyond, host to container, IPv4
# and IPv6; isolated ports; and a removed port stops traffic.
# Subnets: 10.61.0.0/16 (+ 2001:db8:61::/64), 10.62.0.0/16 (+ 2001:db8:62::/64), 10.63.0.0/16.

BeforeAll {
    . $PSScriptRoot/Sandbox.ps1
    Assert-ContainerNetSandbox
    Import-Module ($env:CONTAINERNET_MODULE_PATH ?? "$PSScriptRoot/../../out/ContainerNet") -Force
    . $PSScriptRoot/TestHelpers.ps1

    function New-Container {
        <# One container on a bridge, as Docker makes it, with the cmdlets only. Returns its names. #>
        param(
            [Parameter(Mandatory)][string]$Bridge,
            [Parameter(Mandatory)][string]$Prefix,
            [Parameter(Mandatory)][string[]]$Address,
            [string[]]$Gateway = @(),
            [switch]$Isolated
        )
        $name = New-TestName $Prefix
        $hostEnd = "v$name"
        $null = New-NetNamespace -Name $name
        $null = Set-NetLink -Namespace $name -Name lo -State Up
        $port = New-VethPair -Name $hostEnd -PeerName eth0 -PeerNamespace $name -Up | Add-BridgePort -Bridge $Bridge -Isolated:$Isolated
        $null = Add-NetAddress -Namespace $name -Interface eth0 -Address $Address
        foreach ($g in $Gateway) { $null = Add-NetRoute -Namespace $name -Default -Gateway $g }
        [pscustomobject]@{ Namespace = $name; HostEnd = $hostEnd; Port = $port; Address = @($Address | ForEach-Object { ($_ -split '/')[0] }) }
    }

    function Assert-Reachable {
        <# Ping and Test-NetNamespaceConnection both say From reaches Address (a few tries: the first
           echo may race the carrier or neighbour discovery). #>
        param([string]$From, [Parameter(Mandatory)][string]$Address)
        $reach = Get-Reachability -Namespace $From -Address $Address -Attempts 3
        $who = if ($From) { $From } else { 'the host' }
        $reach.Ping | Should -BeTrue -Because "$who must reach $Address (ping)"
        $reach.Cmdlet | Should -BeTrue -Because "$who must reach $Address (Test-NetNamespaceConnection: $($reach.Error))"
    }

    function Assert-Unreachable {
        <# Ping and Test-NetNamespaceConnection both say From does not reach Address within a second. #>
        param([string]$From, [Parameter(Mandatory)][string]$Address)
        $reach = Get-Reachability -Namespace $From -Address $Address
        $who = if ($From) { $From } else { 'the host' }
        $reach.Ping | Should -BeFalse -Because "$who must not reach $Address (ping)"
        $reach.Cmdlet | Should -BeFalse -Because "$who must not reach $Address (Test-NetNamespaceConnection)"
    }

    $hostForwarding = Get-OracleForwarding
}

AfterAll {
    $files = '/proc/sys/net/ipv4/ip_forward', '/proc/sys/net/ipv6/conf/all/forwarding'
    if ($hostForwarding) {
        Set-Content -LiteralPath $files[0] -Value ([int]$hostForwarding.IPv4)
        Set-Content -LiteralPath $files[1] -Value ([int]$hostForwarding.IPv6)
    }
}

Describe 'The Docker default-bridge topology, built with the cmdlets' {
    BeforeAll {
        $bridge = New-TestName cn
        $null = New-NetBridge -Name $bridge -Up
        $null = Add-NetAddress -Interface $bridge -Address 10.61.0.1/16, 2001:db8:61::1/64
        $web = New-Container -Bridge $bridge -Prefix web -Address 10.61.0.2/16, 2001:db8:61::2/64 -Gateway 10.61.0.1, 2001:db8:61::1
        $db = New-Container -Bridge $bridge -Prefix db -Address 10.61.0.3/16, 2001:db8:61::3/64 -Gateway 10.61.0.1, 2001:db8:61::1
        $forwarding = Enable-IPForwarding -PassThru
        # An address of the host outside the containers' subnet: only the default route leads there.
        $null = Add-NetAddress -Interface lo -Address 10.161.0.1/32
    }
    AfterAll {
        Remove-OracleNamespace $web.Namespace, $db.Namespace
        Remove-OracleLink $web.HostEnd, $db.HostEnd, $bridge
        & ip addr del 10.161.0.1/32 dev lo 2>$null
    }

    It 'the kernel holds every step: bridge up with its addresses, ports, container addresses, default routes, forwarding' {
        $bridgeLink = Get-OracleLink -Name $bridge
        $bridgeLink.linkinfo.info_kind | Should -BeExactly 'bridge'
        Test-OracleUp $bridgeLink | Should -BeTrue
        Get-OracleAddressCidr -Interface $bridge -Family IPv4 | Should -Be @('10.61.0.1/16')
        Get-OracleAddressCidr -Interface $bridge -Family IPv6 | Should -Contain '2001:db8:61::1/64'
        @(Get-OracleBridgePort | Where-Object master -EQ $bridge | ForEach-Object ifname | Sort-Object) |
            Should -Be @($web.HostEnd, $db.HostEnd | Sort-Object)
        foreach ($c in $web, $db) {
            Get-OracleLinkName -Namespace $c.Namespace | Should -Be @('lo', 'eth0')
            $eth0 = Get-OracleLink -Namespace $c.Namespace -Name eth0
            $eth0.link_index | Should -Be (Get-OracleLink -Name $c.HostEnd).ifindex
            Test-OracleUp $eth0 | Should -BeTrue
            Get-OracleAddressCidr -Namespace $c.Namespace -Interface eth0 -Family IPv4 | Should -Be @("$($c.Address[0])/16")
            Get-OracleAddressCidr -Namespace $c.Namespace -Interface eth0 -Family IPv6 | Should -Contain "$($c.Address[1])/64"
            (Get-OracleRoute -Namespace $c.Namespace -Family IPv4 | Where-Object dst -EQ '0.0.0.0/0').gateway | Should -BeExactly '10.61.0.1'
            (Get-OracleRoute -Namespace $c.Namespace -Family IPv6 | Where-Object dst -EQ '::/0').gateway | Should -BeExactly '2001:db8:61::1'
            $c.Port.Bridge | Should -BeExactly $bridge
        }
        $oracle = Get-OracleForwarding
        $oracle.IPv4 | Should -BeTrue
        $oracle.IPv6 | Should -BeTrue
        $forwarding.IPv4 | Should -BeTrue
    }

    It 'the cmdlets read back what they built' {
        @(Get-BridgePort -Bridge $bridge | ForEach-Object Interface | Sort-Object) | Should -Be @($web.HostEnd, $db.HostEnd | Sort-Object)
        (Get-NetAddress -Namespace $web.Namespace -Interface eth0 -Family IPv4).Address | Should -Be @('10.61.0.2/16')
        @(Get-NetRoute -Namespace $db.Namespace -Default).Gateway | Sort-Object | Should -Be @('10.61.0.1', '2001:db8:61::1')
    }

    It 'web reaches db (IPv4)' { Assert-Reachable -From $web.Namespace -Address 10.61.0.3 }

    It 'db reaches web (IPv4)' { Assert-Reachable -From $db.Namespace -Address 10.61.0.2 }

    It 'web reaches the bridge address, its gateway' { Assert-Reachable -From $web.Namespace -Address 10.61.0.1 }

    It 'the host reaches web and db' {
        Assert-Reachable -Address 10.61.0.2
        Assert-Reachable -Address 10.61.0.3
    }

    It 'web reaches the host beyond its subnet through the default route' {
        Assert-Reachable -From $web.Namespace -Address 10.161.0.1
    }

    It 'IPv6: web reaches db and the bridge address, and the host reaches web (ping -6)' {
        Assert-Reachable -From $web.Namespace -Address 2001:db8:61::3
        Assert-Reachable -From $web.Namespace -Address 2001:db8:61::1
        Assert-Reachable -Address 2001:db8:61::2
        Assert-Reachable -From $db.Namespace -Address 2001:db8:61::2
    }

    It 'a TCP connect from web reaches a listener in db (Test-NetNamespaceConnection -Port)' {
        $listener = Start-Process -FilePath ip -ArgumentList 'netns', 'exec', $db.Namespace, 'nc', '-l', '-k', '10.61.0.3', '8080' -PassThru
        try {
            $open = Wait-Oracle { (& ip netns exec $db.Namespace ss -Hltn 'sport = :8080') -match '8080' }
            $open | Should -BeTrue -Because 'nc must be listening in db'

            $result = Test-NetNamespaceConnection -Namespace $web.Namespace -Address 10.61.0.3 -Port 8080
            $closed = Test-NetNamespaceConnection -Namespace $web.Namespace -Address 10.61.0.3 -Port 8081

            $result.Reachable | Should -BeTrue -Because "$($result.Error)"
            $result.Port | Should -Be 8080
            $closed.Reachable | Should -BeFalse
        }
        finally { Stop-Process -Id $listener.Id -ErrorAction SilentlyContinue }
    }
}

Describe 'Isolated bridge ports' {
    BeforeAll {
        $bridge = New-TestName cni
        $null = New-NetBridge -Name $bridge -Up
        $null = Add-NetAddress -Interface $bridge -Address 10.62.0.1/16, 2001:db8:62::1/64
        $iso1 = New-Container -Bridge $bridge -Prefix isa -Address 10.62.0.2/16, 2001:db8:62::2/64 -Gateway 10.62.0.1 -Isolated
        $iso2 = New-Container -Bridge $bridge -Prefix isb -Address 10.62.0.3/16, 2001:db8:62::3/64 -Gateway 10.62.0.1 -Isolated
        $open = New-Container -Bridge $bridge -Prefix iso -Address 10.62.0.4/16, 2001:db8:62::4/64 -Gateway 10.62.0.1
    }
    AfterAll {
        Remove-OracleNamespace $iso1.Namespace, $iso2.Namespace, $open.Namespace
        Remove-OracleLink $iso1.HostEnd, $iso2.HostEnd, $open.HostEnd, $bridge
    }

    It 'bridge link shows the two isolated ports isolated and the third not' {
        (Get-OracleBridgePort -Name $iso1.HostEnd).isolated | Should -BeTrue
        (Get-OracleBridgePort -Name $iso2.HostEnd).isolated | Should -BeTrue
        (Get-OracleBridgePort -Name $open.HostEnd).isolated | Should -BeFalse
        $iso1.Port.Isolated | Should -BeTrue
        $open.Port.Isolated | Should -BeFalse
    }

    It 'isolated ports reach the bridge address' {
        Assert-Reachable -From $iso1.Namespace -Address 10.62.0.1
        Assert-Reachable -From $iso2.Namespace -Address 10.62.0.1
        Assert-Reachable -From $iso1.Namespace -Address 2001:db8:62::1
    }

    It 'isolated ports reach a port that is not isolated' {
        Assert-Reachable -From $iso1.Namespace -Address 10.62.0.4
        Assert-Reachable -From $open.Namespace -Address 10.62.0.3
    }

    It 'isolated ports cannot reach each other (IPv4 and IPv6)' {
        Assert-Unreachable -From $iso1.Namespace -Address 10.62.0.3
        Assert-Unreachable -From $iso2.Namespace -Address 10.62.0.2
        Assert-Unreachable -From $iso1.Namespace -Address 2001:db8:62::3
    }

    It 'the same two containers reach each other once re-attached without -Isolated (the isolation was the cause)' {
        Remove-BridgePort -Bridge $bridge -Interface $iso1.HostEnd, $iso2.HostEnd
        $null = Add-BridgePort -Bridge $bridge -Interface $iso1.HostEnd, $iso2.HostEnd

        (Get-OracleBridgePort -Name $iso1.HostEnd).isolated | Should -BeFalse
        Assert-Reachable -From $iso1.Namespace -Address 10.62.0.3
        Assert-Reachable -From $iso2.Namespace -Address 2001:db8:62::2
    }
}

Describe 'Remove-BridgePort stops traffic to that container' {
    BeforeAll {
        $bridge = New-TestName cnr
        $null = New-NetBridge -Name $bridge -Up
        $null = Add-NetAddress -Interface $bridge -Address 10.63.0.1/16
        $web = New-Container -Bridge $bridge -Prefix rweb -Address 10.63.0.2/16 -Gateway 10.63.0.1
        $db = New-Container -Bridge $bridge -Prefix rdb -Address 10.63.0.3/16 -Gateway 10.63.0.1
    }
    AfterAll {
        Remove-OracleNamespace $web.Namespace, $db.Namespace
        Remove-OracleLink $web.HostEnd, $db.HostEnd, $bridge
    }

    It 'before: web and the host reach db' {
        Assert-Reachable -From $web.Namespace -Address 10.63.0.3
        Assert-Reachable -Address 10.63.0.3
    }

    It 'after Remove-BridgePort of db''s host end, neither web nor the host reaches db; web still reaches the bridge' {
        Remove-BridgePort -Bridge $bridge -Interface $db.HostEnd

        (Get-OracleLink -Name $db.HostEnd).master | Should -BeNullOrEmpty
        Assert-Unreachable -From $web.Namespace -Address 10.63.0.3
        Assert-Unreachable -Address 10.63.0.3
        Assert-Reachable -From $web.Namespace -Address 10.63.0.1
    }

    It 'Add-BridgePort brings the traffic back' {
        $null = Add-BridgePort -Bridge $bridge -Interface $db.HostEnd

        Assert-Reachable -From $web.Namespace -Address 10.63.0.3
        Assert-Reachable -Address 10.63.0.3
    }
}
