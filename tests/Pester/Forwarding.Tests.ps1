# Forwarding: Enable-IPForwarding and Disable-IPForwarding, checked against /proc/sys as each namespace
# sees it (net.ipv4.ip_forward, net.ipv6.conf.all.forwarding, read with `ip netns exec NS cat`) and with
# traffic: two namespaces on different subnets reach each other through a router namespace only while
# the router forwards. Subnets: left 10.44.0.0/16 + 2001:db8:44::/64, right 10.45.0.0/16 + 2001:db8:45::/64.

BeforeAll {
    . $PSScriptRoot/Sandbox.ps1
    Assert-ContainerNetSandbox
    Import-Module ($env:CONTAINERNET_MODULE_PATH ?? "$PSScriptRoot/../../out/ContainerNet") -Force
    . $PSScriptRoot/TestHelpers.ps1

    function Set-OracleForwarding {
        <# Sets both sysctls with iproute2/sysctl, so each test starts from a known state. #>
        param([string]$Namespace, [int]$IPv4, [int]$IPv6)
        $settings = "net.ipv4.ip_forward=$IPv4", "net.ipv6.conf.all.forwarding=$IPv6"
        $output = if ($Namespace) { & ip netns exec $Namespace sysctl -q -w @settings 2>&1 } else { & sysctl -q -w @settings 2>&1 }
        if ($LASTEXITCODE -ne 0) { throw "sysctl in '$Namespace' failed: $output" }
    }

    # left --- router --- right
    $router = New-TestName fwr
    $left = New-TestName fwl
    $right = New-TestName fwg
    foreach ($n in $router, $left, $right) { Invoke-Ip netns add $n }
    Invoke-Ip -n $router link add to-left type veth peer name eth0 netns $left
    Invoke-Ip -n $router link add to-right type veth peer name eth0 netns $right
    Invoke-Ip -n $router addr add 10.44.0.1/16 dev to-left
    Invoke-Ip -n $router addr add 2001:db8:44::1/64 dev to-left nodad
    Invoke-Ip -n $router addr add 10.45.0.1/16 dev to-right
    Invoke-Ip -n $router addr add 2001:db8:45::1/64 dev to-right nodad
    Invoke-Ip -n $left addr add 10.44.0.2/16 dev eth0
    Invoke-Ip -n $left addr add 2001:db8:44::2/64 dev eth0 nodad
    Invoke-Ip -n $right addr add 10.45.0.2/16 dev eth0
    Invoke-Ip -n $right addr add 2001:db8:45::2/64 dev eth0 nodad
    foreach ($n in $router, $left, $right) { Invoke-Ip -n $n link set lo up }
    foreach ($l in 'to-left', 'to-right') { Invoke-Ip -n $router link set $l up }
    foreach ($n in $left, $right) { Invoke-Ip -n $n link set eth0 up }
    Invoke-Ip -n $left route add default via 10.44.0.1
    Invoke-Ip -n $left -6 route add default via 2001:db8:44::1
    Invoke-Ip -n $right route add default via 10.45.0.1
    Invoke-Ip -n $right -6 route add default via 2001:db8:45::1

    $hostForwarding = Get-OracleForwarding
}

AfterAll {
    Remove-OracleNamespace $router, $left, $right
    if ($hostForwarding) { Set-OracleForwarding -IPv4 ([int]$hostForwarding.IPv4) -IPv6 ([int]$hostForwarding.IPv6) }
}

Describe 'Enable-IPForwarding' {
    BeforeEach { Set-OracleForwarding -Namespace $router -IPv4 0 -IPv6 0 }

    It 'has the parameters of the contract: -Namespace (alias Name) -Family -PassThru' {
        $command = Get-Command Enable-IPForwarding
        foreach ($name in 'Namespace', 'Family', 'PassThru', 'WhatIf', 'Confirm') { $command.Parameters.Keys | Should -Contain $name }
        $command.Parameters.Namespace.Aliases | Should -Contain 'Name'
        $command.OutputType.Name | Should -Contain 'ContainerNet.Core.Forwarding.ForwardingState'
    }

    It 'without forwarding in the router, left does not reach right (the premise of the tests below)' {
        $v4 = Get-Reachability -Namespace $left -Address 10.45.0.2
        $v6 = Get-Reachability -Namespace $left -Address 2001:db8:45::2

        $v4.Ping | Should -BeFalse
        $v4.Cmdlet | Should -BeFalse
        $v6.Ping | Should -BeFalse
        $v6.Cmdlet | Should -BeFalse
        # The links themselves work: the router answers on both sides.
        (Get-Reachability -Namespace $left -Address 10.44.0.1 -Attempts 3).Ping | Should -BeTrue
        (Get-Reachability -Namespace $right -Address 10.45.0.1 -Attempts 3).Ping | Should -BeTrue
    }

    It 'turns on IPv4 and IPv6 forwarding in -Namespace, writes nothing, and left reaches right both ways' {
        $hostBefore = Get-OracleForwarding

        $output = Enable-IPForwarding -Namespace $router

        $output | Should -BeNullOrEmpty
        $state = Get-OracleForwarding -Namespace $router
        $state.IPv4 | Should -BeTrue
        $state.IPv6 | Should -BeTrue
        (Get-OracleForwarding).IPv4 | Should -Be $hostBefore.IPv4
        (Get-OracleForwarding).IPv6 | Should -Be $hostBefore.IPv6
        (Get-OracleForwarding -Namespace $left).IPv4 | Should -BeFalse
        foreach ($target in @(@($left, '10.45.0.2'), @($right, '10.44.0.2'), @($left, '2001:db8:45::2'), @($right, '2001:db8:44::2'))) {
            $reach = Get-Reachability -Namespace $target[0] -Address $target[1] -Attempts 3
            $reach.Ping | Should -BeTrue -Because "$($target[0]) -> $($target[1]) through the forwarding router"
            $reach.Cmdlet | Should -BeTrue -Because "$($target[0]) -> $($target[1]) through the forwarding router ($($reach.Error))"
        }
    }

    It '-PassThru returns the ForwardingState the oracle shows' {
        $state = Enable-IPForwarding -Namespace $router -PassThru

        $state.GetType().FullName | Should -BeExactly 'ContainerNet.Core.Forwarding.ForwardingState'
        $state.Namespace | Should -BeExactly $router
        $state.IPv4 | Should -BeTrue
        $state.IPv6 | Should -BeTrue
        $oracle = Get-OracleForwarding -Namespace $router
        $state.IPv4 | Should -Be $oracle.IPv4
        $state.IPv6 | Should -Be $oracle.IPv6
    }

    It '-Family IPv4 turns on IPv4 only: IPv4 crosses the router, IPv6 does not' {
        $state = Enable-IPForwarding -Namespace $router -Family IPv4 -PassThru

        $oracle = Get-OracleForwarding -Namespace $router
        $oracle.IPv4 | Should -BeTrue
        $oracle.IPv6 | Should -BeFalse
        $state.IPv6 | Should -BeFalse
        (Get-Reachability -Namespace $left -Address 10.45.0.2 -Attempts 3).Ping | Should -BeTrue
        $v6 = Get-Reachability -Namespace $left -Address 2001:db8:45::2
        $v6.Ping | Should -BeFalse
        $v6.Cmdlet | Should -BeFalse
    }

    It '-Family IPv6 turns on IPv6 only: IPv6 crosses the router, IPv4 does not' {
        $null = Enable-IPForwarding -Namespace $router -Family IPv6

        $oracle = Get-OracleForwarding -Namespace $router
        $oracle.IPv4 | Should -BeFalse
        $oracle.IPv6 | Should -BeTrue
        $v6 = Get-Reachability -Namespace $left -Address 2001:db8:45::2 -Attempts 3
        $v6.Ping | Should -BeTrue
        $v6.Cmdlet | Should -BeTrue
        (Get-Reachability -Namespace $left -Address 10.45.0.2).Ping | Should -BeFalse
    }

    It 'takes namespaces from the pipeline: NetNamespace objects (Name) and plain names' {
        Set-OracleForwarding -Namespace $left -IPv4 0 -IPv6 0
        Set-OracleForwarding -Namespace $right -IPv4 0 -IPv6 0
        try {
            $fromObjects = @(Get-NetNamespace -Name $left, $right | Enable-IPForwarding -Family IPv4 -PassThru)
            $fromNames = @($router | Enable-IPForwarding -Family IPv4 -PassThru)

            $fromObjects.Namespace | Should -Be @($left, $right)
            $fromNames.Namespace | Should -Be @($router)
            foreach ($n in $left, $right, $router) { (Get-OracleForwarding -Namespace $n).IPv4 | Should -BeTrue }
        }
        finally {
            Set-OracleForwarding -Namespace $left -IPv4 0 -IPv6 0
            Set-OracleForwarding -Namespace $right -IPv4 0 -IPv6 0
        }
    }

    It 'turns on forwarding in the host (the caller''s namespace) without -Namespace' {
        try {
            Set-OracleForwarding -IPv4 0 -IPv6 0

            $state = Enable-IPForwarding -PassThru

            $oracle = Get-OracleForwarding
            $oracle.IPv4 | Should -BeTrue
            $oracle.IPv6 | Should -BeTrue
            $state.Namespace | Should -BeExactly ''
            (Get-OracleForwarding -Namespace $router).IPv4 | Should -BeFalse
        }
        finally { Set-OracleForwarding -IPv4 ([int]$hostForwarding.IPv4) -IPv6 ([int]$hostForwarding.IPv6) }
    }

    It '-WhatIf changes nothing' {
        $before = Get-OracleSnapshot

        $state = Enable-IPForwarding -Namespace $router -PassThru -WhatIf

        $state | Should -BeNullOrEmpty
        Get-OracleSnapshot | Should -BeExactly $before
        (Get-OracleForwarding -Namespace $router).IPv4 | Should -BeFalse
    }
}

Describe 'Disable-IPForwarding' {
    BeforeEach { Set-OracleForwarding -Namespace $router -IPv4 1 -IPv6 1 }

    It 'has the parameters of the contract' {
        $command = Get-Command Disable-IPForwarding
        foreach ($name in 'Namespace', 'Family', 'PassThru', 'WhatIf', 'Confirm') { $command.Parameters.Keys | Should -Contain $name }
        $command.Parameters.Namespace.Aliases | Should -Contain 'Name'
    }

    It 'turns off both families in -Namespace; traffic through the router stops' {
        (Get-Reachability -Namespace $left -Address 10.45.0.2 -Attempts 3).Ping | Should -BeTrue

        $output = Disable-IPForwarding -Namespace $router

        $output | Should -BeNullOrEmpty
        $oracle = Get-OracleForwarding -Namespace $router
        $oracle.IPv4 | Should -BeFalse
        $oracle.IPv6 | Should -BeFalse
        foreach ($address in '10.45.0.2', '2001:db8:45::2') {
            $reach = Get-Reachability -Namespace $left -Address $address
            $reach.Ping | Should -BeFalse -Because "$address is behind a router that no longer forwards"
            $reach.Cmdlet | Should -BeFalse -Because "$address is behind a router that no longer forwards"
        }
    }

    It '-Family IPv4 turns off IPv4 only, and -PassThru shows it' {
        $state = Disable-IPForwarding -Namespace $router -Family IPv4 -PassThru

        $oracle = Get-OracleForwarding -Namespace $router
        $oracle.IPv4 | Should -BeFalse
        $oracle.IPv6 | Should -BeTrue
        $state.IPv4 | Should -BeFalse
        $state.IPv6 | Should -BeTrue
        (Get-Reachability -Namespace $left -Address 10.45.0.2).Ping | Should -BeFalse
        (Get-Reachability -Namespace $left -Address 2001:db8:45::2 -Attempts 3).Ping | Should -BeTrue
    }

    It 'is idempotent: disabling twice leaves it off, without an error' {
        Disable-IPForwarding -Namespace $router -ErrorVariable failures
        Disable-IPForwarding -Namespace $router -ErrorVariable +failures

        $failures | Should -BeNullOrEmpty
        (Get-OracleForwarding -Namespace $router).IPv4 | Should -BeFalse
    }

    It '-WhatIf changes nothing' {
        $before = Get-OracleSnapshot

        Disable-IPForwarding -Namespace $router -WhatIf

        Get-OracleSnapshot | Should -BeExactly $before
        (Get-OracleForwarding -Namespace $router).IPv4 | Should -BeTrue
    }
}
