# Routes: Add-NetRoute, Get-NetRoute and Remove-NetRoute, IPv4 and IPv6, checked against
# `ip -j route` (main table) and with traffic: a namespace reaches an address of the host beyond its
# own subnet only while a route sends it there. Subnets: 10.43.0.0/16 and 2001:db8:43::/64 on the
# link, 10.143.0.1 and 2001:db8:143::1 on the host's lo as the far destination.

BeforeAll {
    . $PSScriptRoot/Sandbox.ps1
    Assert-ContainerNetSandbox
    Import-Module ($env:CONTAINERNET_MODULE_PATH ?? "$PSScriptRoot/../../out/ContainerNet") -Force
    . $PSScriptRoot/TestHelpers.ps1

    function New-RouteFixture {
        <# A namespace whose eth0 (10.43.0.2/16, 2001:db8:43::2/64) is peered with a host link
           (10.43.0.1/16, 2001:db8:43::1/64), both up; no routes but the connected ones. #>
        $fixture = [pscustomobject]@{ Namespace = (New-TestName rt); HostEnd = (New-TestName rth) }
        Invoke-Ip netns add $fixture.Namespace
        Invoke-Ip link add $fixture.HostEnd type veth peer name eth0 netns $fixture.Namespace
        Invoke-Ip addr add 10.43.0.1/16 dev $fixture.HostEnd
        Invoke-Ip addr add 2001:db8:43::1/64 dev $fixture.HostEnd nodad
        Invoke-Ip -n $fixture.Namespace addr add 10.43.0.2/16 dev eth0
        Invoke-Ip -n $fixture.Namespace addr add 2001:db8:43::2/64 dev eth0 nodad
        Invoke-Ip link set $fixture.HostEnd up
        Invoke-Ip -n $fixture.Namespace link set eth0 up
        Invoke-Ip -n $fixture.Namespace link set lo up
        $fixture
    }

    function Remove-RouteFixture {
        param($Fixture)
        if ($Fixture) {
            Remove-OracleNamespace $Fixture.Namespace
            Remove-OracleLink $Fixture.HostEnd
        }
    }

    function Get-OracleRouteLine {
        <# The routes of a namespace as comparable text: "dst via gateway dev metric". #>
        param([string]$Namespace, [string]$Family = '')
        @(Get-OracleRoute -Namespace $Namespace -Family $Family | ForEach-Object { '{0} via {1} dev {2} metric {3}' -f $_.dst, $_.gateway, $_.dev, [uint32]$_.metric })
    }

    function Assert-RouteMatchesOracle {
        <# One NetRoute against the oracle's route to the same destination (and gateway). #>
        param($Route, [string]$Namespace)
        # Metric as the kernel stores it: none for IPv4 unless given, 1024 for an IPv6 route without one.
        $oracle = @(Get-OracleRoute -Namespace $Namespace -Family $Route.Family |
                Where-Object { $_.dst -eq $Route.Destination -and "$($_.gateway)" -eq "$($Route.Gateway)" -and [uint32]$_.metric -eq [uint32]$Route.Metric })
        $oracle.Count | Should -Be 1 -Because "ip route must show the route to $($Route.Destination)"
        $Route.Namespace | Should -BeExactly $Namespace
        $Route.IsDefault | Should -Be ($Route.Destination -in '0.0.0.0/0', '::/0')
        $Route.Interface | Should -BeExactly $oracle[0].dev
    }

    # The far destination: addresses of the host outside the link's subnet.
    Invoke-Ip addr add 10.143.0.1/32 dev lo
    Invoke-Ip addr add 2001:db8:143::1/128 dev lo
}

AfterAll {
    & ip addr del 10.143.0.1/32 dev lo 2>$null
    & ip addr del 2001:db8:143::1/128 dev lo 2>$null
}

Describe 'Add-NetRoute' {
    BeforeEach { $f = New-RouteFixture; $ns = $f.Namespace }
    AfterEach { Remove-RouteFixture $f }

    It 'has the parameters of the contract: -Destination or -Default, -Gateway -Interface -Metric -Namespace -Family' {
        $command = Get-Command Add-NetRoute
        foreach ($name in 'Destination', 'Default', 'Gateway', 'Interface', 'Metric', 'Namespace', 'Family', 'WhatIf', 'Confirm') {
            $command.Parameters.Keys | Should -Contain $name
        }
        $command.ParameterSets.Name | Sort-Object | Should -Be @('Default', 'Destination')
        $command.OutputType.Name | Should -Contain 'ContainerNet.Core.Routes.NetRoute'
    }

    It 'adds an IPv4 default route via a gateway: ip route shows it and traffic beyond the subnet flows' {
        $before = Get-Reachability -Namespace $ns -Address 10.143.0.1
        $before.Ping | Should -BeFalse -Because 'without a route the far address is unreachable'
        $before.Cmdlet | Should -BeFalse

        $route = Add-NetRoute -Namespace $ns -Default -Gateway 10.43.0.1

        $oracle = Get-OracleRoute -Namespace $ns -Family IPv4 | Where-Object dst -EQ '0.0.0.0/0'
        $oracle.gateway | Should -BeExactly '10.43.0.1'
        $oracle.dev | Should -BeExactly 'eth0'
        $route.Destination | Should -BeExactly '0.0.0.0/0'
        $route.IsDefault | Should -BeTrue
        $route.Gateway | Should -BeExactly '10.43.0.1'
        $route.Family | Should -Be 'IPv4'
        # The kernel picked the link from the gateway's subnet; the object says which.
        $route.Interface | Should -BeExactly 'eth0'
        Assert-RouteMatchesOracle -Route $route -Namespace $ns
        # Only the namespace got a route.
        Get-OracleRoute -Family IPv4 | Where-Object dst -EQ '0.0.0.0/0' | Should -BeNullOrEmpty
        $after = Get-Reachability -Namespace $ns -Address 10.143.0.1 -Attempts 3
        $after.Ping | Should -BeTrue
        $after.Cmdlet | Should -BeTrue
    }

    It 'adds an IPv6 default route via a gateway (::/0), and IPv6 traffic beyond the subnet flows' {
        (Get-Reachability -Namespace $ns -Address 2001:db8:143::1).Ping | Should -BeFalse

        $route = Add-NetRoute -Namespace $ns -Default -Gateway 2001:db8:43::1

        $oracle = Get-OracleRoute -Namespace $ns -Family IPv6 | Where-Object dst -EQ '::/0'
        $oracle.gateway | Should -BeExactly '2001:db8:43::1'
        $oracle.dev | Should -BeExactly 'eth0'
        Get-OracleRoute -Namespace $ns -Family IPv4 | Where-Object dst -EQ '0.0.0.0/0' | Should -BeNullOrEmpty
        $route.Destination | Should -BeExactly '::/0'
        $route.Family | Should -Be 'IPv6'
        $route.Metric | Should -Be $oracle.metric
        Assert-RouteMatchesOracle -Route $route -Namespace $ns
        $after = Get-Reachability -Namespace $ns -Address 2001:db8:143::1 -Attempts 3
        $after.Ping | Should -BeTrue
        $after.Cmdlet | Should -BeTrue
    }

    It 'adds a route to a network via a gateway, with -Metric' {
        $route = Add-NetRoute -Namespace $ns -Destination 10.143.0.0/16 -Gateway 10.43.0.1 -Metric 70

        $oracle = Get-OracleRoute -Namespace $ns -Family IPv4 | Where-Object dst -EQ '10.143.0.0/16'
        $oracle.gateway | Should -BeExactly '10.43.0.1'
        $oracle.metric | Should -Be 70
        $route.Metric | Should -Be 70
        $route.IsDefault | Should -BeFalse
        Assert-RouteMatchesOracle -Route $route -Namespace $ns
        (Get-Reachability -Namespace $ns -Address 10.143.0.1 -Attempts 3).Ping | Should -BeTrue
    }

    It 'adds an on-link route with -Interface only (scope link, no gateway)' {
        $route = Add-NetRoute -Namespace $ns -Destination 10.143.0.0/16 -Interface eth0

        $oracle = Get-OracleRoute -Namespace $ns -Family IPv4 | Where-Object dst -EQ '10.143.0.0/16'
        $oracle.dev | Should -BeExactly 'eth0'
        $oracle.gateway | Should -BeNullOrEmpty
        $oracle.scope | Should -BeExactly 'link'
        $route.Interface | Should -BeExactly 'eth0'
        $route.Scope | Should -BeExactly 'link'
        Assert-RouteMatchesOracle -Route $route -Namespace $ns
        # The host answers ARP for its own addresses on any link, so the on-link route works.
        (Get-Reachability -Namespace $ns -Address 10.143.0.1 -Attempts 3).Ping | Should -BeTrue
    }

    It 'adds an IPv6 network route with -Gateway and -Interface' {
        $route = Add-NetRoute -Namespace $ns -Destination 2001:db8:143::/48 -Gateway 2001:db8:43::1 -Interface eth0

        $oracle = Get-OracleRoute -Namespace $ns -Family IPv6 | Where-Object dst -EQ '2001:db8:143::/48'
        $oracle.gateway | Should -BeExactly '2001:db8:43::1'
        $oracle.dev | Should -BeExactly 'eth0'
        Assert-RouteMatchesOracle -Route $route -Namespace $ns
        (Get-Reachability -Namespace $ns -Address 2001:db8:143::1 -Attempts 3).Cmdlet | Should -BeTrue
    }

    It '-Default -Interface -Family IPv6 adds ::/0 out of the link without a gateway' {
        $route = Add-NetRoute -Namespace $ns -Default -Interface eth0 -Family IPv6

        $oracle = Get-OracleRoute -Namespace $ns -Family IPv6 | Where-Object dst -EQ '::/0'
        $oracle.dev | Should -BeExactly 'eth0'
        $oracle.gateway | Should -BeNullOrEmpty
        Get-OracleRoute -Namespace $ns -Family IPv4 | Where-Object dst -EQ '0.0.0.0/0' | Should -BeNullOrEmpty
        $route.Destination | Should -BeExactly '::/0'
    }

    It 'adds a route in the host without -Namespace' {
        $route = Add-NetRoute -Destination 10.243.0.0/16 -Gateway 10.43.0.2

        (Get-OracleRoute -Family IPv4 | Where-Object dst -EQ '10.243.0.0/16').gateway | Should -BeExactly '10.43.0.2'
        Get-OracleRoute -Namespace $ns -Family IPv4 | Where-Object dst -EQ '10.243.0.0/16' | Should -BeNullOrEmpty
        Assert-RouteMatchesOracle -Route $route -Namespace ''
        # Leaves with the fixture: the kernel drops a route when its link goes.
    }

    It 'takes routes from the pipeline by property name (copies a namespace''s routes into another)' {
        $g = New-RouteFixture
        try {
            Invoke-Ip -n $ns route add default via 10.43.0.1
            Invoke-Ip -n $ns route add 10.144.0.0/16 via 10.43.0.1 metric 9

            $copied = @(Get-NetRoute -Namespace $ns -Family IPv4 | Where-Object Protocol -EQ boot | Add-NetRoute -Namespace $g.Namespace)

            $copied.Destination | Should -Be @('0.0.0.0/0', '10.144.0.0/16')
            Get-OracleRouteLine -Namespace $g.Namespace -Family IPv4 | Should -Be (Get-OracleRouteLine -Namespace $ns -Family IPv4)
        }
        finally { Remove-RouteFixture $g }
    }

    It '-WhatIf adds nothing' {
        $before = Get-OracleSnapshot

        $route = Add-NetRoute -Namespace $ns -Default -Gateway 10.43.0.1 -WhatIf

        $route | Should -BeNullOrEmpty
        Get-OracleSnapshot | Should -BeExactly $before
    }
}

Describe 'Get-NetRoute' {
    BeforeAll {
        $f = New-RouteFixture
        $ns = $f.Namespace
        Invoke-Ip -n $ns route add default via 10.43.0.1 metric 5
        Invoke-Ip -n $ns route add 10.144.0.0/16 dev eth0
        Invoke-Ip -n $ns -6 route add default via 2001:db8:43::1
        Invoke-Ip -n $ns -6 route add 2001:db8:144::/48 via 2001:db8:43::1 metric 300
    }
    AfterAll { Remove-RouteFixture $f }

    It 'lists the main table of a namespace, IPv4 and IPv6, as ip -j route shows it' {
        $routes = @(Get-NetRoute -Namespace $ns)

        @($routes | ForEach-Object { '{0} via {1} dev {2} metric {3}' -f $_.Destination, $_.Gateway, $_.Interface, [uint32]$_.Metric } | Sort-Object) |
            Should -Be @(Get-OracleRouteLine -Namespace $ns | Sort-Object)
        foreach ($route in $routes) { Assert-RouteMatchesOracle -Route $route -Namespace $ns }
        $connected = $routes | Where-Object Destination -EQ '10.43.0.0/16'
        $connected.Protocol | Should -BeExactly 'kernel'
        $connected.Scope | Should -BeExactly 'link'
        $connected.PreferredSource | Should -BeExactly '10.43.0.2'
    }

    It 'lists the host''s routes without -Namespace' {
        $routes = @(Get-NetRoute)

        @($routes | ForEach-Object { '{0} via {1} dev {2} metric {3}' -f $_.Destination, $_.Gateway, $_.Interface, [uint32]$_.Metric } | Sort-Object) |
            Should -Be @(Get-OracleRouteLine | Sort-Object)
        $routes.Destination | Should -Not -Contain '10.144.0.0/16'
    }

    It '-Family IPv4 and -Family IPv6 split the table' {
        $v4 = @(Get-NetRoute -Namespace $ns -Family IPv4)
        $v6 = @(Get-NetRoute -Namespace $ns -Family IPv6)

        @($v4 | ForEach-Object { '{0} via {1} dev {2} metric {3}' -f $_.Destination, $_.Gateway, $_.Interface, [uint32]$_.Metric } | Sort-Object) |
            Should -Be @(Get-OracleRouteLine -Namespace $ns -Family IPv4 | Sort-Object)
        @($v6 | ForEach-Object { '{0} via {1} dev {2} metric {3}' -f $_.Destination, $_.Gateway, $_.Interface, [uint32]$_.Metric } | Sort-Object) |
            Should -Be @(Get-OracleRouteLine -Namespace $ns -Family IPv6 | Sort-Object)
        $v4.Family | Sort-Object -Unique | Should -Be 'IPv4'
        $v6.Family | Sort-Object -Unique | Should -Be 'IPv6'
    }

    It '-Default lists the default routes only; -Interface the routes out of one link' {
        $defaults = @(Get-NetRoute -Namespace $ns -Default)
        $onEth0 = @(Get-NetRoute -Namespace $ns -Interface eth0)
        $onLo = @(Get-NetRoute -Namespace $ns -Interface lo)

        @($defaults | Where-Object Family -EQ IPv4).Destination | Should -Be @('0.0.0.0/0')
        @($defaults | Where-Object Family -EQ IPv6).Destination | Should -Be @('::/0')
        ($defaults | Where-Object Family -EQ IPv4).Gateway | Should -BeExactly '10.43.0.1'
        ($defaults | Where-Object Family -EQ IPv4).Metric | Should -Be 5
        $onEth0.Count | Should -Be @(Get-OracleRoute -Namespace $ns | Where-Object dev -EQ eth0).Count
        $onLo.Count | Should -Be @(Get-OracleRoute -Namespace $ns | Where-Object dev -EQ lo).Count
    }
}

Describe 'Remove-NetRoute' {
    BeforeEach {
        $f = New-RouteFixture
        $ns = $f.Namespace
        Invoke-Ip -n $ns route add default via 10.43.0.1
        Invoke-Ip -n $ns route add 10.144.0.0/16 via 10.43.0.1
        Invoke-Ip -n $ns -6 route add default via 2001:db8:43::1
    }
    AfterEach { Remove-RouteFixture $f }

    It 'removes the default route and writes nothing; traffic beyond the subnet stops' {
        (Get-Reachability -Namespace $ns -Address 10.143.0.1 -Attempts 3).Ping | Should -BeTrue

        $output = Remove-NetRoute -Namespace $ns -Default -Gateway 10.43.0.1

        $output | Should -BeNullOrEmpty
        Get-OracleRoute -Namespace $ns -Family IPv4 | Where-Object dst -EQ '0.0.0.0/0' | Should -BeNullOrEmpty
        Get-OracleRoute -Namespace $ns -Family IPv6 | Where-Object dst -EQ '::/0' | Should -Not -BeNullOrEmpty
        Get-OracleRoute -Namespace $ns -Family IPv4 | Where-Object dst -EQ '10.144.0.0/16' | Should -Not -BeNullOrEmpty
        $after = Get-Reachability -Namespace $ns -Address 10.143.0.1
        $after.Ping | Should -BeFalse
        $after.Cmdlet | Should -BeFalse
    }

    It 'removes a network route by -Destination alone' {
        Remove-NetRoute -Namespace $ns -Destination 10.144.0.0/16

        Get-OracleRoute -Namespace $ns -Family IPv4 | Where-Object dst -EQ '10.144.0.0/16' | Should -BeNullOrEmpty
        Get-OracleRoute -Namespace $ns -Family IPv4 | Where-Object dst -EQ '0.0.0.0/0' | Should -Not -BeNullOrEmpty
    }

    It 'removes the IPv6 default route; IPv6 traffic beyond the subnet stops, IPv4 is untouched' {
        (Get-Reachability -Namespace $ns -Address 2001:db8:143::1 -Attempts 3).Ping | Should -BeTrue

        Remove-NetRoute -Namespace $ns -Default -Family IPv6

        Get-OracleRoute -Namespace $ns -Family IPv6 | Where-Object dst -EQ '::/0' | Should -BeNullOrEmpty
        Get-OracleRoute -Namespace $ns -Family IPv4 | Where-Object dst -EQ '0.0.0.0/0' | Should -Not -BeNullOrEmpty
        $after = Get-Reachability -Namespace $ns -Address 2001:db8:143::1
        $after.Ping | Should -BeFalse
        $after.Cmdlet | Should -BeFalse
    }

    It 'takes NetRoute objects from Get-NetRoute down the pipeline' {
        Get-NetRoute -Namespace $ns -Default | Remove-NetRoute

        Get-OracleRoute -Namespace $ns | Where-Object { $_.dst -in '0.0.0.0/0', '::/0' } | Should -BeNullOrEmpty
        Get-OracleRoute -Namespace $ns -Family IPv4 | Where-Object dst -EQ '10.144.0.0/16' | Should -Not -BeNullOrEmpty
        Get-OracleRoute -Namespace $ns -Family IPv4 | Where-Object dst -EQ '10.43.0.0/16' | Should -Not -BeNullOrEmpty
    }

    It 'reports a missing route as RouteNotFound and goes on with the next piped route' {
        $routes = @(
            [pscustomobject]@{ Destination = '10.145.0.0/16'; Namespace = $ns }
            [pscustomobject]@{ Destination = '10.144.0.0/16'; Namespace = $ns }
        )

        $routes | Remove-NetRoute -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'RouteNotFound,ContainerNet.Commands.RemoveNetRouteCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-OracleRoute -Namespace $ns -Family IPv4 | Where-Object dst -EQ '10.144.0.0/16' | Should -BeNullOrEmpty
    }

    It '-WhatIf removes nothing' {
        $before = Get-OracleSnapshot

        Get-NetRoute -Namespace $ns | Remove-NetRoute -WhatIf

        Get-OracleSnapshot | Should -BeExactly $before
    }
}
