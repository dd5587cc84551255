# Addresses: Add-NetAddress, Get-NetAddress and Remove-NetAddress, IPv4 and IPv6, each checked against
# `ip -j addr` in the host and inside namespaces; the connected route an address brings is checked
# against `ip -j route`, and traffic proves the address answers. Subnets: 10.42.0.0/16, 2001:db8:42::/64.

BeforeAll {
    . $PSScriptRoot/Sandbox.ps1
    Assert-ContainerNetSandbox
    Import-Module ($env:CONTAINERNET_MODULE_PATH ?? "$PSScriptRoot/../../out/ContainerNet") -Force
    . $PSScriptRoot/TestHelpers.ps1

    # NetAddress has a property named Address, and so has [array] (a method): on an array of results
    # `$result.Address` is the array's method, not the addresses. Hence `ForEach-Object Address`.

    function Assert-AddressMatchesOracle {
        <# One NetAddress object against the oracle's view of the same address. #>
        param($Address, [string]$Namespace)
        $oracle = @(Get-OracleAddress -Namespace $Namespace -Interface $Address.Interface | Where-Object Cidr -EQ $Address.Address)
        $oracle.Count | Should -Be 1 -Because "ip addr must show $($Address.Address) on $($Address.Interface)"
        $Address.Namespace | Should -BeExactly $Namespace
        $Address.InterfaceIndex | Should -Be $oracle[0].ifindex
        $Address.IPAddress.ToString() | Should -BeExactly $oracle[0].local
        $Address.PrefixLength | Should -Be $oracle[0].prefixlen
        $Address.Family | Should -Be $(if ($oracle[0].family -eq 'inet6') { 'IPv6' } else { 'IPv4' })
        $Address.Scope | Should -BeExactly $oracle[0].scope
    }
}

Describe 'Add-NetAddress' {
    BeforeEach {
        # A container's link: eth0 in a namespace, its peer in the host, both up.
        $ns = New-TestName aa
        $hostEnd = New-TestName aah
        Invoke-Ip netns add $ns
        Invoke-Ip link add $hostEnd type veth peer name eth0 netns $ns
        Invoke-Ip link set $hostEnd up
        Invoke-Ip -n $ns link set eth0 up
        Invoke-Ip -n $ns link set lo up
    }
    AfterEach {
        Remove-OracleNamespace $ns
        Remove-OracleLink $hostEnd
    }

    It 'has the parameters of the contract' {
        $command = Get-Command Add-NetAddress
        foreach ($name in 'Interface', 'Address', 'Namespace', 'DuplicateAddressDetection', 'WhatIf', 'Confirm') {
            $command.Parameters.Keys | Should -Contain $name
        }
        $command.Parameters.Address.ParameterType | Should -Be ([string[]])
        $command.OutputType.Name | Should -Contain 'ContainerNet.Core.Addresses.NetAddress'
    }

    It 'adds an IPv4 address inside a namespace: ip addr shows it, the kernel adds its connected route, it answers' {
        $address = Add-NetAddress -Namespace $ns -Interface eth0 -Address 10.42.0.2/16

        Get-OracleAddressCidr -Namespace $ns -Interface eth0 -Family IPv4 | Should -Be @('10.42.0.2/16')
        (Get-OracleAddress -Namespace $ns -Interface eth0 -Family IPv4).scope | Should -BeExactly 'global'
        Get-OracleAddressCidr -Family IPv4 | Should -Not -Contain '10.42.0.2/16'
        $route = Get-OracleRoute -Namespace $ns -Family IPv4 | Where-Object dst -EQ '10.42.0.0/16'
        $route.dev | Should -BeExactly 'eth0'
        $route.prefsrc | Should -BeExactly '10.42.0.2'
        $address.Address | Should -BeExactly '10.42.0.2/16'
        $address.Interface | Should -BeExactly 'eth0'
        Assert-AddressMatchesOracle -Address $address -Namespace $ns
        # The address is live: the namespace answers on it.
        Test-OraclePing -Namespace $ns -Address 10.42.0.2 | Should -BeTrue
    }

    It 'adds an address to a host link, reachable from the namespace across the veth' {
        Invoke-Ip -n $ns addr add 10.42.0.2/16 dev eth0

        $address = Add-NetAddress -Interface $hostEnd -Address 10.42.0.1/16

        Get-OracleAddressCidr -Interface $hostEnd -Family IPv4 | Should -Be @('10.42.0.1/16')
        Assert-AddressMatchesOracle -Address $address -Namespace ''
        $reach = Get-Reachability -Namespace $ns -Address 10.42.0.1 -Attempts 3
        $reach.Ping | Should -BeTrue
        $reach.Cmdlet | Should -BeTrue
    }

    It 'adds an IPv6 address without duplicate address detection by default: usable at once, not tentative' {
        $address = Add-NetAddress -Namespace $ns -Interface eth0 -Address 2001:db8:42::2/64

        $oracle = Get-OracleAddress -Namespace $ns -Interface eth0 -Family IPv6 | Where-Object local -EQ '2001:db8:42::2'
        $oracle.prefixlen | Should -Be 64
        $oracle.nodad | Should -BeTrue
        $oracle.tentative | Should -BeFalse
        $address.Family | Should -Be 'IPv6'
        $address.Tentative | Should -BeFalse
        Assert-AddressMatchesOracle -Address $address -Namespace $ns
        (Get-OracleRoute -Namespace $ns -Family IPv6 | Where-Object dst -EQ '2001:db8:42::/64').dev | Should -BeExactly 'eth0'
    }

    It '-DuplicateAddressDetection leaves the IPv6 address tentative while the kernel probes' {
        $null = Add-NetAddress -Namespace $ns -Interface eth0 -Address 2001:db8:42::3/64 -DuplicateAddressDetection

        $oracle = Get-OracleAddress -Namespace $ns -Interface eth0 -Family IPv6 | Where-Object local -EQ '2001:db8:42::3'
        $oracle | Should -Not -BeNullOrEmpty
        $oracle.nodad | Should -BeFalse
        $oracle.tentative | Should -BeTrue -Because 'DAD runs for about a second on a link with carrier'
    }

    It 'adds several addresses of both families in one call, in order' {
        $result = @(Add-NetAddress -Namespace $ns -Interface eth0 -Address 10.42.0.2/16, 10.42.1.2/24, 2001:db8:42::2/64)

        @($result | ForEach-Object Address) | Should -Be @('10.42.0.2/16', '10.42.1.2/24', '2001:db8:42::2/64')
        $result.Family | Should -Be @('IPv4', 'IPv4', 'IPv6')
        Get-OracleAddressCidr -Namespace $ns -Interface eth0 -Family IPv4 | Should -Be @('10.42.0.2/16', '10.42.1.2/24')
        Get-OracleAddressCidr -Namespace $ns -Interface eth0 -Family IPv6 | Should -Contain '2001:db8:42::2/64'
    }

    It 'takes an address without a prefix as a host address (/32), and an [ipaddress] object' {
        $plain = Add-NetAddress -Namespace $ns -Interface eth0 -Address 10.42.5.5
        $object = Add-NetAddress -Namespace $ns -Interface eth0 -Address ([ipaddress]'10.42.6.6')

        $plain.Address | Should -BeExactly '10.42.5.5/32'
        $object.Address | Should -BeExactly '10.42.6.6/32'
        Get-OracleAddressCidr -Namespace $ns -Interface eth0 -Family IPv4 | Should -Be @('10.42.5.5/32', '10.42.6.6/32')
    }

    It 'takes -Interface, -Address and -Namespace from the pipeline by property name' {
        $result = @(
            [pscustomobject]@{ Interface = 'eth0'; Namespace = $ns; Address = '10.42.0.7/16' }
            [pscustomobject]@{ Interface = $hostEnd; Address = '10.42.0.1/16' }
        ) | Add-NetAddress

        @($result | ForEach-Object Address) | Should -Be @('10.42.0.7/16', '10.42.0.1/16')
        Get-OracleAddressCidr -Namespace $ns -Interface eth0 -Family IPv4 | Should -Be @('10.42.0.7/16')
        Get-OracleAddressCidr -Interface $hostEnd -Family IPv4 | Should -Be @('10.42.0.1/16')
    }

    It 'reports one bad address among several and adds the others' {
        $result = @(Add-NetAddress -Namespace $ns -Interface eth0 -Address 10.42.0.2/16, 10.42.0.0/33, 10.42.0.3/16 -ErrorAction SilentlyContinue -ErrorVariable failures)

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidCidr,ContainerNet.Commands.AddNetAddressCommand'
        $failures[0].TargetObject | Should -BeExactly '10.42.0.0/33'
        @($result | ForEach-Object Address) | Should -Be @('10.42.0.2/16', '10.42.0.3/16')
        Get-OracleAddressCidr -Namespace $ns -Interface eth0 -Family IPv4 | Should -Be @('10.42.0.2/16', '10.42.0.3/16')
    }

    It '-WhatIf adds nothing' {
        $before = Get-OracleSnapshot

        $result = Add-NetAddress -Namespace $ns -Interface eth0 -Address 10.42.0.2/16, 2001:db8:42::2/64 -WhatIf

        $result | Should -BeNullOrEmpty
        Get-OracleSnapshot | Should -BeExactly $before
    }
}

Describe 'Get-NetAddress' {
    BeforeAll {
        $ns = New-TestName ga
        $hostEnd = New-TestName gah
        Invoke-Ip netns add $ns
        Invoke-Ip link add $hostEnd type veth peer name eth0 netns $ns
        Invoke-Ip -n $ns link add eth1 type veth peer name eth2
        Invoke-Ip -n $ns addr add 10.42.0.2/16 dev eth0
        Invoke-Ip -n $ns addr add 10.42.1.2/24 dev eth0
        Invoke-Ip -n $ns addr add 2001:db8:42::2/64 dev eth0 nodad
        Invoke-Ip -n $ns addr add 10.42.2.2/24 dev eth1
        Invoke-Ip addr add 10.42.0.1/16 dev $hostEnd
    }
    AfterAll {
        Remove-OracleNamespace $ns
        Remove-OracleLink $hostEnd
    }

    It 'lists every address of a namespace as ip -j addr shows them' {
        $result = @(Get-NetAddress -Namespace $ns)
        $oracle = @(Get-OracleAddress -Namespace $ns)

        @($result | ForEach-Object { "$($_.Interface) $($_.Address)" } | Sort-Object) |
            Should -Be @($oracle | ForEach-Object { "$($_.ifname) $($_.Cidr)" } | Sort-Object)
        foreach ($address in $result) { Assert-AddressMatchesOracle -Address $address -Namespace $ns }
        @($result | ForEach-Object Address) | Should -Not -Contain '10.42.0.1/16'
    }

    It 'lists the host''s addresses without -Namespace' {
        $result = @(Get-NetAddress)

        @($result | ForEach-Object { "$($_.Interface) $($_.Address)" } | Sort-Object) |
            Should -Be @(Get-OracleAddress | ForEach-Object { "$($_.ifname) $($_.Cidr)" } | Sort-Object)
        @($result | Where-Object Interface -EQ $hostEnd | ForEach-Object Address) | Should -Be @('10.42.0.1/16')
        @($result | ForEach-Object Address) | Should -Not -Contain '10.42.0.2/16'
    }

    It '-Interface lists the addresses of one link only' {
        $result = @(Get-NetAddress -Namespace $ns -Interface eth1)

        @($result | ForEach-Object Address) | Should -Be @('10.42.2.2/24')
        $result.Interface | Should -Be @('eth1')
    }

    It '-Family IPv4 and -Family IPv6 split the list as ip -4 and ip -6 do' {
        $v4 = @(Get-NetAddress -Namespace $ns -Interface eth0 -Family IPv4)
        $v6 = @(Get-NetAddress -Namespace $ns -Interface eth0 -Family IPv6)

        @($v4 | ForEach-Object Address | Sort-Object) | Should -Be (Get-OracleAddressCidr -Namespace $ns -Interface eth0 -Family IPv4)
        @($v6 | ForEach-Object Address | Sort-Object) | Should -Be (Get-OracleAddressCidr -Namespace $ns -Interface eth0 -Family IPv6)
        $v4.Family | Sort-Object -Unique | Should -Be 'IPv4'
        $v6.Family | Sort-Object -Unique | Should -Be 'IPv6'
        @($v6 | ForEach-Object Address) | Should -Contain '2001:db8:42::2/64'
    }

    It 'takes -Interface and -Namespace from the pipeline by property name' {
        $result = @([pscustomobject]@{ Interface = 'eth1'; Namespace = $ns } | Get-NetAddress)

        @($result | ForEach-Object Address) | Should -Be @('10.42.2.2/24')
        $result.Namespace | Should -Be @($ns)
    }

    It 'takes NetLink objects from Get-NetLink (Name and Namespace)' {
        $result = @(Get-NetLink -Namespace $ns -Name eth1 | Get-NetAddress)

        @($result | ForEach-Object Address) | Should -Be @('10.42.2.2/24')
        $result.Interface | Sort-Object -Unique | Should -BeExactly 'eth1'
    }
}

Describe 'Remove-NetAddress' {
    BeforeEach {
        $ns = New-TestName ra
        Invoke-Ip netns add $ns
        Invoke-Ip -n $ns link add eth0 type veth peer name eth1
        Invoke-Ip -n $ns link set eth0 up
        Invoke-Ip -n $ns link set eth1 up
        Invoke-Ip -n $ns link set lo up
        # Two primary addresses in separate subnets: deleting a primary also deletes the secondaries of
        # its subnet (net.ipv4.conf.*.promote_secondaries is off), as with `ip addr del`.
        Invoke-Ip -n $ns addr add 10.42.0.2/24 dev eth0
        Invoke-Ip -n $ns addr add 10.42.1.3/24 dev eth0
        Invoke-Ip -n $ns addr add 2001:db8:42::2/64 dev eth0 nodad
        Invoke-Ip -n $ns addr add 10.42.9.9/24 dev eth1
    }
    AfterEach { Remove-OracleNamespace $ns }

    It 'removes an IPv4 address and writes nothing; the other addresses stay' {
        $output = Remove-NetAddress -Namespace $ns -Interface eth0 -Address 10.42.0.2/24

        $output | Should -BeNullOrEmpty
        Get-OracleAddressCidr -Namespace $ns -Interface eth0 -Family IPv4 | Should -Be @('10.42.1.3/24')
        Get-OracleAddressCidr -Namespace $ns -Interface eth0 -Family IPv6 | Should -Contain '2001:db8:42::2/64'
        Get-OracleAddressCidr -Namespace $ns -Interface eth1 | Should -Contain '10.42.9.9/24'
        # The namespace no longer answers on it, and still does on the one that stays.
        Test-OraclePing -Namespace $ns -Address 10.42.0.2 | Should -BeFalse
        Test-OraclePing -Namespace $ns -Address 10.42.1.3 | Should -BeTrue
    }

    It 'removes an IPv6 address' {
        Remove-NetAddress -Namespace $ns -Interface eth0 -Address 2001:db8:42::2/64

        Get-OracleAddressCidr -Namespace $ns -Interface eth0 -Family IPv6 | Should -Not -Contain '2001:db8:42::2/64'
        Get-OracleAddressCidr -Namespace $ns -Interface eth0 -Family IPv4 | Should -Be @('10.42.0.2/24', '10.42.1.3/24')
    }

    It 'removes an address given without its prefix length, whatever the prefix' {
        Remove-NetAddress -Namespace $ns -Interface eth1 -Address 10.42.9.9

        Get-OracleAddressCidr -Namespace $ns -Interface eth1 -Family IPv4 | Should -BeNullOrEmpty
    }

    It 'removing the last address of a subnet removes its connected route' {
        Remove-NetAddress -Namespace $ns -Interface eth1 -Address 10.42.9.9/24

        Get-OracleRoute -Namespace $ns -Family IPv4 | Where-Object dst -EQ '10.42.9.0/24' | Should -BeNullOrEmpty
        Get-OracleRoute -Namespace $ns -Family IPv4 | Where-Object dst -EQ '10.42.0.0/24' | Should -Not -BeNullOrEmpty
    }

    It 'takes NetAddress objects from Get-NetAddress down the pipeline' {
        Get-NetAddress -Namespace $ns -Interface eth0 -Family IPv4 | Remove-NetAddress

        Get-OracleAddressCidr -Namespace $ns -Interface eth0 -Family IPv4 | Should -BeNullOrEmpty
        Get-OracleAddressCidr -Namespace $ns -Interface eth0 -Family IPv6 | Should -Contain '2001:db8:42::2/64'
        Get-OracleAddressCidr -Namespace $ns -Interface eth1 | Should -Contain '10.42.9.9/24'
    }

    It 'reports a missing address among several as AddressNotFound and removes the others' {
        Remove-NetAddress -Namespace $ns -Interface eth0 -Address 10.42.0.2/24, 10.42.7.7/24, 10.42.1.3/24 -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'AddressNotFound,ContainerNet.Commands.RemoveNetAddressCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-OracleAddressCidr -Namespace $ns -Interface eth0 -Family IPv4 | Should -BeNullOrEmpty
    }

    It '-WhatIf removes nothing' {
        $before = Get-OracleSnapshot

        Remove-NetAddress -Namespace $ns -Interface eth0 -Address 10.42.0.2/24, 2001:db8:42::2/64 -WhatIf

        Get-OracleSnapshot | Should -BeExactly $before
    }
}
