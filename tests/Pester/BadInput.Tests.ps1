# Bad input: four tables (namespaces and links; bridges, addresses, routes and forwarding; NAT
# masquerade and published ports; icc, bridge isolation and container links). Each case
# must fail with an ErrorRecord carrying a stable ErrorId ('<Reason>,ContainerNet.Commands.<Cmdlet>Command')
# and the matching category, and the oracle (`ip netns list`, the files under /run/netns, `ip -d -j link`,
# `ip -j addr` and `ip -j route` of the host and of every namespace, bridge ports, forwarding and the
# nftables ruleset (`nft list ruleset`): see Get-OracleSnapshot) must show that nothing was created or changed.

BeforeAll {
    . $PSScriptRoot/Sandbox.ps1
    Assert-ContainerNetSandbox
    Import-Module ($env:CONTAINERNET_MODULE_PATH ?? "$PSScriptRoot/../../out/ContainerNet") -Force
    . $PSScriptRoot/TestHelpers.ps1

    # Fixtures the table refers to by name (made with iproute2, so they do not depend on the cmdlets):
    #   namespace bi-ns holding eth0 (peer of host bi-h) and the pair bi-v0/bi-in1;
    #   host pair bi-v0/bi-v1. The names bi-missing*, bi-new*, bi-fresh are never created.
    Invoke-Ip netns add bi-ns
    Invoke-Ip link add bi-h type veth peer name eth0 netns bi-ns
    Invoke-Ip -n bi-ns link add bi-v0 type veth peer name bi-in1
    Invoke-Ip link add bi-v0 type veth peer name bi-v1

    # For the second table (all links stay down, so nothing changes asynchronously):
    #   host bridge bi-br0 holding 10.47.0.1/16 and 2001:db8:47::1/64, with no ports;
    #   host bridge bi-br1 with port bi-p0 (veth bi-p0/bi-p1);
    #   eth0 in bi-ns holding 10.47.0.2/16; bridge bi-nbr in bi-ns;
    #   the host route 10.46.0.0/16 dev lo (lo is up; a route out of a down link cannot exist).
    # The host has no route to 10.48.0.0/16 or 10.49.0.0/16, and none via a gateway.
    Invoke-Ip link add bi-br0 type bridge
    Invoke-Ip link add bi-br1 type bridge
    Invoke-Ip link add bi-p0 type veth peer name bi-p1
    Invoke-Ip link set bi-p0 master bi-br1
    Invoke-Ip addr add 10.47.0.1/16 dev bi-br0
    Invoke-Ip addr add 2001:db8:47::1/64 dev bi-br0 nodad
    Invoke-Ip -n bi-ns addr add 10.47.0.2/16 dev eth0
    Invoke-Ip -n bi-ns link add bi-nbr type bridge
    Invoke-Ip route add 10.46.0.0/16 dev lo
    $runEtcExisted = Test-Path -LiteralPath /run/etc

    function Assert-BadInput {
        <# The command fails with the full ErrorId and category, as a terminating error and as exactly
           one record in the error stream with no output, and the oracle snapshot is unchanged.
           -Exception names the exception type when it is not ContainerNet's own: a parameter binding
           error (ParameterBindingException) is thrown before the command runs, so -ErrorVariable never
           holds it and the record is taken from the catch. #>
        param([string]$Command, [hashtable]$Parameters, [string]$ErrorId, [string]$Category,
            [string]$Exception = 'ContainerNet.Core.Errors.ContainerNetException')
        $fullId = "$ErrorId,ContainerNet.Commands.$($Command -replace '-', '')Command"
        $before = Get-OracleSnapshot

        # As a terminating error (-ErrorAction Stop) ...
        $thrown = { & $Command @Parameters -ErrorAction Stop } | Should -Throw -ErrorId $fullId -PassThru
        $thrown.FullyQualifiedErrorId | Should -BeExactly $fullId
        $thrown.CategoryInfo.Category | Should -Be $Category
        $thrown.Exception.GetType().FullName | Should -BeExactly $Exception
        $thrown.Exception.Message | Should -Not -BeNullOrEmpty

        # ... and in the error stream: exactly one ErrorRecord, no output.
        # (A terminating error lands in -ErrorVariable as the exception that carries its ErrorRecord.)
        $caught = $null
        $output = try { & $Command @Parameters -ErrorAction SilentlyContinue -ErrorVariable failures } catch { $caught = $_ }
        $output | Should -BeNullOrEmpty
        $records = @($failures | Where-Object { $null -ne $_ } | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_ } else { $_.ErrorRecord } })
        if ($records.Count -eq 0 -and $caught -and $caught.Exception -is [System.Management.Automation.ParameterBindingException]) {
            $records = @($caught)
        }
        $records.Count | Should -Be 1
        $records[0].FullyQualifiedErrorId | Should -BeExactly $fullId
        $records[0].CategoryInfo.Category | Should -Be $Category

        Get-OracleSnapshot | Should -BeExactly $before
        Test-Path -LiteralPath /run/etc | Should -Be $runEtcExisted
    }
}

AfterAll {
    Remove-OracleNamespace bi-ns
    Remove-OracleLink bi-h, bi-v0, bi-br0, bi-br1, bi-p0
    & ip route del 10.46.0.0/16 dev lo 2>$null
}

Describe 'Bad input gives a stable ErrorId and category, and changes nothing' {
    It '<Case>' -ForEach @(
        # Link names (the kernel's rules: 1-15 bytes, no '/', ':' or whitespace, not '.' or '..')
        @{ Case = 'link name of 16 bytes'; Command = 'New-VethPair'; Parameters = @{ Name = 'a' * 16; PeerName = 'bi-new1' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'link name of 8 characters but 16 UTF-8 bytes'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = [string]([char]0xE4) * 8 }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'link name with /'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi/new'; PeerName = 'bi-new1' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'link name with a space'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi new'; PeerName = 'bi-new1' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'link name with :'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi:new'; PeerName = 'bi-new1' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'empty link name'; Command = 'New-VethPair'; Parameters = @{ Name = ''; PeerName = 'bi-new1' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'peer name ..'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = '..' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'new name with / (Set-NetLink)'; Command = 'Set-NetLink'; Parameters = @{ Name = 'bi-v0'; NewName = 'bi/v0' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'Get-NetLink -Name with a space'; Command = 'Get-NetLink'; Parameters = @{ Name = 'bi v0' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'Remove-NetLink with an empty name'; Command = 'Remove-NetLink'; Parameters = @{ Name = '' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }

        # Namespace names (one component under /run/netns)
        @{ Case = 'namespace name .'; Command = 'New-NetNamespace'; Parameters = @{ Name = '.' }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }
        @{ Case = 'namespace name ..'; Command = 'New-NetNamespace'; Parameters = @{ Name = '..' }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }
        @{ Case = 'namespace name ../etc'; Command = 'New-NetNamespace'; Parameters = @{ Name = '../etc' }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }
        @{ Case = 'namespace name a/b'; Command = 'New-NetNamespace'; Parameters = @{ Name = 'a/b' }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }
        @{ Case = 'empty namespace name'; Command = 'New-NetNamespace'; Parameters = @{ Name = '' }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }
        @{ Case = 'namespace name with a space'; Command = 'New-NetNamespace'; Parameters = @{ Name = 'bi ns' }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }
        @{ Case = 'Remove-NetNamespace ../etc'; Command = 'Remove-NetNamespace'; Parameters = @{ Name = '../etc'; Force = $true }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }
        @{ Case = 'Get-NetNamespace ../etc'; Command = 'Get-NetNamespace'; Parameters = @{ Name = '../etc' }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }
        @{ Case = 'Get-NetLink -Namespace ..'; Command = 'Get-NetLink'; Parameters = @{ Namespace = '..' }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }
        @{ Case = 'veth peer into namespace ../etc'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'eth0'; PeerNamespace = '../etc' }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }
        @{ Case = 'Invoke-NetNamespace in namespace a/b'; Command = 'Invoke-NetNamespace'; Parameters = @{ Name = 'a/b'; FilePath = 'true' }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }

        # Duplicates
        @{ Case = 'duplicate namespace'; Command = 'New-NetNamespace'; Parameters = @{ Name = 'bi-ns' }; ErrorId = 'NamespaceExists'; Category = 'ResourceExists' }
        @{ Case = 'duplicate link (first end exists in the host)'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-v0'; PeerName = 'bi-fresh' }; ErrorId = 'LinkExists'; Category = 'ResourceExists' }
        @{ Case = 'duplicate link (peer exists in the host)'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-fresh'; PeerName = 'bi-v1' }; ErrorId = 'LinkExists'; Category = 'ResourceExists' }
        @{ Case = 'duplicate link (peer exists in -PeerNamespace)'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-fresh'; PeerName = 'eth0'; PeerNamespace = 'bi-ns'; Up = $true }; ErrorId = 'LinkExists'; Category = 'ResourceExists' }
        @{ Case = 'rename onto an existing link'; Command = 'Set-NetLink'; Parameters = @{ Name = 'bi-v0'; NewName = 'bi-v1' }; ErrorId = 'LinkExists'; Category = 'ResourceExists' }
        @{ Case = 'move into a namespace holding the same name'; Command = 'Set-NetLink'; Parameters = @{ Name = 'bi-v0'; DestinationNamespace = 'bi-ns' }; ErrorId = 'LinkExists'; Category = 'ResourceExists' }
        @{ Case = 'both veth ends with the same name'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'bi-new1' }; ErrorId = 'DuplicateInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'both veth ends with the same name in one namespace'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'bi-new1'; Namespace = 'bi-ns'; PeerNamespace = 'bi-ns' }; ErrorId = 'DuplicateInterfaceName'; Category = 'InvalidArgument' }

        # Missing namespaces
        @{ Case = 'Get-NetLink -Namespace missing'; Command = 'Get-NetLink'; Parameters = @{ Namespace = 'bi-missing' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'veth peer into a missing namespace'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'eth0'; PeerNamespace = 'bi-missing' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'veth first end into a missing namespace'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'eth0'; Namespace = 'bi-missing'; PeerNamespace = 'bi-ns' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Set-NetLink -DestinationNamespace missing'; Command = 'Set-NetLink'; Parameters = @{ Name = 'bi-v0'; DestinationNamespace = 'bi-missing' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Remove-NetLink -Namespace missing'; Command = 'Remove-NetLink'; Parameters = @{ Name = 'eth0'; Namespace = 'bi-missing' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Get-NetNamespace of a missing exact name'; Command = 'Get-NetNamespace'; Parameters = @{ Name = 'bi-missing' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Remove-NetNamespace of a missing name'; Command = 'Remove-NetNamespace'; Parameters = @{ Name = 'bi-missing'; Force = $true }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Invoke-NetNamespace in a missing namespace'; Command = 'Invoke-NetNamespace'; Parameters = @{ Name = 'bi-missing'; FilePath = 'true' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }

        # Missing links and programs
        @{ Case = 'Set-NetLink of a missing link'; Command = 'Set-NetLink'; Parameters = @{ Name = 'bi-missing'; State = 'Up' }; ErrorId = 'LinkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Set-NetLink of a link that is only in another namespace'; Command = 'Set-NetLink'; Parameters = @{ Name = 'bi-in1'; Mtu = 1400 }; ErrorId = 'LinkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Remove-NetLink of a missing link'; Command = 'Remove-NetLink'; Parameters = @{ Name = 'bi-missing' }; ErrorId = 'LinkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Remove-NetLink of a missing link in a namespace'; Command = 'Remove-NetLink'; Parameters = @{ Name = 'bi-v1'; Namespace = 'bi-ns' }; ErrorId = 'LinkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Get-NetLink -Name of a missing exact name'; Command = 'Get-NetLink'; Parameters = @{ Name = 'bi-missing' }; ErrorId = 'LinkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Get-NetLink -Name of a missing exact name in a namespace'; Command = 'Get-NetLink'; Parameters = @{ Name = 'bi-h'; Namespace = 'bi-ns' }; ErrorId = 'LinkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Invoke-NetNamespace of a missing program'; Command = 'Invoke-NetNamespace'; Parameters = @{ Name = 'bi-ns'; FilePath = '/no/such/program' }; ErrorId = 'ProgramNotFound'; Category = 'ObjectNotFound' }

        # Out-of-range and malformed values
        @{ Case = 'MTU 10'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'bi-new2'; Mtu = 10 }; ErrorId = 'InvalidMtu'; Category = 'InvalidArgument' }
        @{ Case = 'MTU 70000'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'eth0'; PeerNamespace = 'bi-ns'; Mtu = 70000 }; ErrorId = 'InvalidMtu'; Category = 'InvalidArgument' }
        @{ Case = 'MTU 65536, above the veth maximum'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'bi-new2'; Mtu = 65536 }; ErrorId = 'InvalidMtu'; Category = 'InvalidArgument' }
        @{ Case = 'MTU 67 (Set-NetLink)'; Command = 'Set-NetLink'; Parameters = @{ Name = 'bi-v0'; Mtu = 67 }; ErrorId = 'InvalidMtu'; Category = 'InvalidArgument' }
        @{ Case = 'MTU 65536 (Set-NetLink)'; Command = 'Set-NetLink'; Parameters = @{ Name = 'bi-v0'; Mtu = 65536 }; ErrorId = 'InvalidMtu'; Category = 'InvalidArgument' }
        @{ Case = 'MAC address that is not hex'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'bi-new2'; MacAddress = 'zz:zz:zz:zz:zz:zz' }; ErrorId = 'InvalidMacAddress'; Category = 'InvalidArgument' }
        @{ Case = 'MAC address of five bytes'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'bi-new2'; PeerMacAddress = '02:00:00:00:01' }; ErrorId = 'InvalidMacAddress'; Category = 'InvalidArgument' }
        @{ Case = 'all-zero MAC address'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'bi-new2'; MacAddress = '00:00:00:00:00:00' }; ErrorId = 'InvalidMacAddress'; Category = 'InvalidArgument' }
        @{ Case = 'all-zero MAC address (Set-NetLink)'; Command = 'Set-NetLink'; Parameters = @{ Name = 'bi-v0'; MacAddress = '00:00:00:00:00:00' }; ErrorId = 'InvalidMacAddress'; Category = 'InvalidArgument' }
        @{ Case = 'multicast MAC address'; Command = 'Set-NetLink'; Parameters = @{ Name = 'bi-v0'; MacAddress = '01:00:5e:00:00:01' }; ErrorId = 'InvalidMacAddress'; Category = 'InvalidArgument' }
        @{ Case = 'Set-NetLink with nothing to change'; Command = 'Set-NetLink'; Parameters = @{ Name = 'bi-v0' }; ErrorId = 'NothingToChange'; Category = 'InvalidArgument' }
        @{ Case = 'Invoke-NetNamespace with no program'; Command = 'Invoke-NetNamespace'; Parameters = @{ Name = 'bi-ns'; FilePath = '' }; ErrorId = 'InvalidFilePath'; Category = 'InvalidArgument' }
    ) {
        Assert-BadInput -Command $Command -Parameters $Parameters -ErrorId $ErrorId -Category $Category
    }
}

Describe 'Bad input to bridges, addresses, routes and forwarding gives a stable ErrorId and category, and changes nothing' {
    It '<Case>' -ForEach @(
        # Malformed and out-of-range CIDRs
        @{ Case = 'address 10.1.2/24 (three octets)'; Command = 'Add-NetAddress'; Parameters = @{ Interface = 'bi-br0'; Address = '10.1.2/24' }; ErrorId = 'InvalidCidr'; Category = 'InvalidArgument' }
        @{ Case = 'address 10.1.0.0/33 (prefix out of range)'; Command = 'Add-NetAddress'; Parameters = @{ Interface = 'bi-br0'; Address = '10.1.0.0/33' }; ErrorId = 'InvalidCidr'; Category = 'InvalidArgument' }
        @{ Case = 'address 300.1.1.1/8 (octet out of range)'; Command = 'Add-NetAddress'; Parameters = @{ Interface = 'bi-br0'; Address = '300.1.1.1/8' }; ErrorId = 'InvalidCidr'; Category = 'InvalidArgument' }
        @{ Case = 'address abc'; Command = 'Add-NetAddress'; Parameters = @{ Interface = 'bi-br0'; Address = 'abc' }; ErrorId = 'InvalidCidr'; Category = 'InvalidArgument' }
        @{ Case = 'empty address'; Command = 'Add-NetAddress'; Parameters = @{ Interface = 'bi-br0'; Address = '' }; ErrorId = 'InvalidCidr'; Category = 'InvalidArgument' }
        @{ Case = 'address with an empty prefix length (10.47.0.9/)'; Command = 'Add-NetAddress'; Parameters = @{ Interface = 'bi-br0'; Address = '10.47.0.9/' }; ErrorId = 'InvalidCidr'; Category = 'InvalidArgument' }
        @{ Case = 'address with a negative prefix length'; Command = 'Add-NetAddress'; Parameters = @{ Interface = 'bi-br0'; Address = '10.47.0.9/-1' }; ErrorId = 'InvalidCidr'; Category = 'InvalidArgument' }
        @{ Case = 'IPv6 address 2001:db8::1/129 (prefix out of range)'; Command = 'Add-NetAddress'; Parameters = @{ Interface = 'bi-br0'; Address = '2001:db8::1/129' }; ErrorId = 'InvalidCidr'; Category = 'InvalidArgument' }
        @{ Case = 'IPv6 address with two ::'; Command = 'Add-NetAddress'; Parameters = @{ Interface = 'bi-br0'; Address = '2001::db8::1/64' }; ErrorId = 'InvalidCidr'; Category = 'InvalidArgument' }
        @{ Case = 'classful shorthand 10.1 (IPAddress.Parse would read 10.0.0.1)'; Command = 'Add-NetAddress'; Parameters = @{ Interface = 'bi-br0'; Address = '10.1/16' }; ErrorId = 'InvalidCidr'; Category = 'InvalidArgument' }
        @{ Case = 'malformed address to remove'; Command = 'Remove-NetAddress'; Parameters = @{ Interface = 'bi-br0'; Address = '10.47.0.1/99' }; ErrorId = 'InvalidCidr'; Category = 'InvalidArgument' }
        @{ Case = 'route destination 10.48.0.0/40'; Command = 'Add-NetRoute'; Parameters = @{ Destination = '10.48.0.0/40'; Interface = 'bi-br0' }; ErrorId = 'InvalidCidr'; Category = 'InvalidArgument' }
        @{ Case = 'route destination without a prefix length'; Command = 'Add-NetRoute'; Parameters = @{ Destination = '10.48.0.0'; Interface = 'bi-br0' }; ErrorId = 'InvalidCidr'; Category = 'InvalidArgument' }

        # Addresses: missing links and namespaces, duplicates, missing addresses
        @{ Case = 'address on a missing link'; Command = 'Add-NetAddress'; Parameters = @{ Interface = 'bi-missing'; Address = '10.47.0.5/16' }; ErrorId = 'LinkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'address on a link that is only in another namespace'; Command = 'Add-NetAddress'; Parameters = @{ Interface = 'bi-br0'; Namespace = 'bi-ns'; Address = '10.47.0.5/16' }; ErrorId = 'LinkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'address in a missing namespace'; Command = 'Add-NetAddress'; Parameters = @{ Interface = 'eth0'; Namespace = 'bi-missing'; Address = '10.47.0.5/16' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'address on an invalid link name'; Command = 'Add-NetAddress'; Parameters = @{ Interface = 'bi/br0'; Address = '10.47.0.5/16' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'the same IPv4 address twice'; Command = 'Add-NetAddress'; Parameters = @{ Interface = 'bi-br0'; Address = '10.47.0.1/16' }; ErrorId = 'AddressExists'; Category = 'ResourceExists' }
        @{ Case = 'the same IPv6 address twice'; Command = 'Add-NetAddress'; Parameters = @{ Interface = 'bi-br0'; Address = '2001:db8:47::1/64' }; ErrorId = 'AddressExists'; Category = 'ResourceExists' }
        @{ Case = 'the same address twice inside a namespace'; Command = 'Add-NetAddress'; Parameters = @{ Interface = 'eth0'; Namespace = 'bi-ns'; Address = '10.47.0.2/16' }; ErrorId = 'AddressExists'; Category = 'ResourceExists' }
        @{ Case = 'removing a missing address'; Command = 'Remove-NetAddress'; Parameters = @{ Interface = 'bi-br0'; Address = '10.47.9.9/16' }; ErrorId = 'AddressNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'removing an address with another prefix than it has'; Command = 'Remove-NetAddress'; Parameters = @{ Interface = 'bi-br0'; Address = '10.47.0.1/24' }; ErrorId = 'AddressNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'removing an address from the wrong link'; Command = 'Remove-NetAddress'; Parameters = @{ Interface = 'bi-br1'; Address = '10.47.0.1/16' }; ErrorId = 'AddressNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'removing an address from a missing link'; Command = 'Remove-NetAddress'; Parameters = @{ Interface = 'bi-missing'; Address = '10.47.0.1/16' }; ErrorId = 'LinkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Get-NetAddress of a missing link'; Command = 'Get-NetAddress'; Parameters = @{ Interface = 'bi-missing' }; ErrorId = 'LinkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Get-NetAddress in a missing namespace'; Command = 'Get-NetAddress'; Parameters = @{ Namespace = 'bi-missing' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }

        # Routes
        @{ Case = 'host bits in a route destination'; Command = 'Add-NetRoute'; Parameters = @{ Destination = '10.48.0.1/16'; Interface = 'bi-br0' }; ErrorId = 'InvalidRouteDestination'; Category = 'InvalidArgument' }
        @{ Case = 'host bits in an IPv6 route destination'; Command = 'Add-NetRoute'; Parameters = @{ Destination = '2001:db8:48::1/48'; Interface = 'bi-br0' }; ErrorId = 'InvalidRouteDestination'; Category = 'InvalidArgument' }
        @{ Case = 'gateway not on a connected subnet'; Command = 'Add-NetRoute'; Parameters = @{ Destination = '10.48.0.0/16'; Gateway = '10.49.0.1' }; ErrorId = 'GatewayUnreachable'; Category = 'InvalidArgument' }
        @{ Case = 'gateway not on the subnet of the given -Interface'; Command = 'Add-NetRoute'; Parameters = @{ Destination = '10.48.0.0/16'; Gateway = '10.49.0.1'; Interface = 'lo' }; ErrorId = 'GatewayUnreachable'; Category = 'InvalidArgument' }
        @{ Case = 'default route via a gateway not on a connected subnet'; Command = 'Add-NetRoute'; Parameters = @{ Default = $true; Gateway = '10.49.0.1' }; ErrorId = 'GatewayUnreachable'; Category = 'InvalidArgument' }
        @{ Case = 'gateway family mismatch (IPv4 network via an IPv6 gateway)'; Command = 'Add-NetRoute'; Parameters = @{ Destination = '10.48.0.0/16'; Gateway = '2001:db8:47::9' }; ErrorId = 'AddressFamilyMismatch'; Category = 'InvalidArgument' }
        @{ Case = 'gateway family mismatch (IPv6 network via an IPv4 gateway)'; Command = 'Add-NetRoute'; Parameters = @{ Destination = '2001:db8:48::/48'; Gateway = '10.47.0.9' }; ErrorId = 'AddressFamilyMismatch'; Category = 'InvalidArgument' }
        @{ Case = 'IPv6 destination on an IPv4-only request (-Family IPv4)'; Command = 'Add-NetRoute'; Parameters = @{ Destination = '2001:db8:48::/48'; Interface = 'bi-br0'; Family = 'IPv4' }; ErrorId = 'AddressFamilyMismatch'; Category = 'InvalidArgument' }
        @{ Case = 'IPv6 gateway on an IPv4-only default route (-Family IPv4)'; Command = 'Add-NetRoute'; Parameters = @{ Default = $true; Gateway = '2001:db8:47::9'; Family = 'IPv4' }; ErrorId = 'AddressFamilyMismatch'; Category = 'InvalidArgument' }
        @{ Case = 'IPv4 destination on an IPv6-only removal (-Family IPv6)'; Command = 'Remove-NetRoute'; Parameters = @{ Destination = '10.47.0.0/16'; Family = 'IPv6' }; ErrorId = 'AddressFamilyMismatch'; Category = 'InvalidArgument' }
        @{ Case = 'route without gateway or interface'; Command = 'Add-NetRoute'; Parameters = @{ Destination = '10.48.0.0/16' }; ErrorId = 'MissingNextHop'; Category = 'InvalidArgument' }
        @{ Case = 'default route without gateway or interface'; Command = 'Add-NetRoute'; Parameters = @{ Default = $true }; ErrorId = 'MissingNextHop'; Category = 'InvalidArgument' }
        @{ Case = 'gateway given with a prefix length'; Command = 'Add-NetRoute'; Parameters = @{ Default = $true; Gateway = '10.47.0.1/16' }; ErrorId = 'InvalidAddress'; Category = 'InvalidArgument' }
        @{ Case = 'route out of a missing link'; Command = 'Add-NetRoute'; Parameters = @{ Destination = '10.48.0.0/16'; Interface = 'bi-missing' }; ErrorId = 'LinkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'route in a missing namespace'; Command = 'Add-NetRoute'; Parameters = @{ Destination = '10.48.0.0/16'; Interface = 'eth0'; Namespace = 'bi-missing' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'the same route twice'; Command = 'Add-NetRoute'; Parameters = @{ Destination = '10.46.0.0/16'; Interface = 'lo' }; ErrorId = 'RouteExists'; Category = 'ResourceExists' }
        @{ Case = 'removing a missing route'; Command = 'Remove-NetRoute'; Parameters = @{ Destination = '10.48.0.0/16' }; ErrorId = 'RouteNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'removing a missing default route in a namespace'; Command = 'Remove-NetRoute'; Parameters = @{ Default = $true; Namespace = 'bi-ns' }; ErrorId = 'RouteNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Get-NetRoute in a missing namespace'; Command = 'Get-NetRoute'; Parameters = @{ Namespace = 'bi-missing' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }

        # Bridges and ports
        @{ Case = 'bridge name too long (16 bytes)'; Command = 'New-NetBridge'; Parameters = @{ Name = 'b' * 16 }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'bridge name with /'; Command = 'New-NetBridge'; Parameters = @{ Name = 'bi/br' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'empty bridge name'; Command = 'New-NetBridge'; Parameters = @{ Name = '' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'bridge named like an existing bridge'; Command = 'New-NetBridge'; Parameters = @{ Name = 'bi-br0' }; ErrorId = 'LinkExists'; Category = 'ResourceExists' }
        @{ Case = 'bridge named like an existing veth'; Command = 'New-NetBridge'; Parameters = @{ Name = 'bi-v0'; Up = $true }; ErrorId = 'LinkExists'; Category = 'ResourceExists' }
        @{ Case = 'bridge MTU 10'; Command = 'New-NetBridge'; Parameters = @{ Name = 'bi-new1'; Mtu = 10 }; ErrorId = 'InvalidMtu'; Category = 'InvalidArgument' }
        @{ Case = 'bridge MAC address that is not hex'; Command = 'New-NetBridge'; Parameters = @{ Name = 'bi-new1'; MacAddress = 'zz:zz:zz:zz:zz:zz' }; ErrorId = 'InvalidMacAddress'; Category = 'InvalidArgument' }
        @{ Case = 'bridge in a missing namespace'; Command = 'New-NetBridge'; Parameters = @{ Name = 'bi-new1'; Namespace = 'bi-missing' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'port into a non-bridge (a veth)'; Command = 'Add-BridgePort'; Parameters = @{ Bridge = 'bi-v0'; Interface = 'bi-v1' }; ErrorId = 'NotABridge'; Category = 'InvalidArgument' }
        @{ Case = 'port into a missing bridge'; Command = 'Add-BridgePort'; Parameters = @{ Bridge = 'bi-missing'; Interface = 'bi-v1' }; ErrorId = 'BridgeNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'port into a bridge that is only in another namespace'; Command = 'Add-BridgePort'; Parameters = @{ Bridge = 'bi-nbr'; Interface = 'bi-v1' }; ErrorId = 'BridgeNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'port already enslaved to another bridge'; Command = 'Add-BridgePort'; Parameters = @{ Bridge = 'bi-br0'; Interface = 'bi-p0' }; ErrorId = 'InterfaceEnslaved'; Category = 'ResourceBusy' }
        @{ Case = 'port already in this bridge'; Command = 'Add-BridgePort'; Parameters = @{ Bridge = 'bi-br1'; Interface = 'bi-p0'; Isolated = $true }; ErrorId = 'BridgePortExists'; Category = 'ResourceExists' }
        @{ Case = 'a bridge as a port of itself'; Command = 'Add-BridgePort'; Parameters = @{ Bridge = 'bi-br0'; Interface = 'bi-br0' }; ErrorId = 'InvalidBridgePort'; Category = 'InvalidArgument' }
        @{ Case = 'a missing interface into a bridge'; Command = 'Add-BridgePort'; Parameters = @{ Bridge = 'bi-br0'; Interface = 'bi-missing'; Hairpin = $true }; ErrorId = 'LinkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'port with an invalid bridge name'; Command = 'Add-BridgePort'; Parameters = @{ Bridge = 'bi br0'; Interface = 'bi-v1' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'removing a port that is in no bridge'; Command = 'Remove-BridgePort'; Parameters = @{ Bridge = 'bi-br0'; Interface = 'bi-v1' }; ErrorId = 'BridgePortNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'removing a port from the wrong bridge'; Command = 'Remove-BridgePort'; Parameters = @{ Bridge = 'bi-br0'; Interface = 'bi-p0' }; ErrorId = 'BridgePortNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'removing a port from a missing bridge'; Command = 'Remove-BridgePort'; Parameters = @{ Bridge = 'bi-missing'; Interface = 'bi-p0' }; ErrorId = 'BridgeNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'removing a missing port'; Command = 'Remove-BridgePort'; Parameters = @{ Bridge = 'bi-br1'; Interface = 'bi-missing' }; ErrorId = 'LinkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Get-BridgePort of a veth'; Command = 'Get-BridgePort'; Parameters = @{ Bridge = 'bi-v0' }; ErrorId = 'NotABridge'; Category = 'InvalidArgument' }
        @{ Case = 'Get-BridgePort of a missing bridge'; Command = 'Get-BridgePort'; Parameters = @{ Bridge = 'bi-missing' }; ErrorId = 'BridgeNotFound'; Category = 'ObjectNotFound' }

        # Forwarding
        @{ Case = 'Enable-IPForwarding in a missing namespace'; Command = 'Enable-IPForwarding'; Parameters = @{ Namespace = 'bi-missing' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Disable-IPForwarding in namespace ../etc'; Command = 'Disable-IPForwarding'; Parameters = @{ Namespace = '../etc'; Family = 'IPv4' }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }
    ) {
        Assert-BadInput -Command $Command -Parameters $Parameters -ErrorId $ErrorId -Category $Category
    }
}

Describe 'Bad input to NAT masquerade and published ports gives a stable ErrorId and category, and changes nothing' {
    BeforeAll {
        # Fixtures for the third table, made with the cmdlets (ContainerNet's nf_tables layout is not
        # something to write by hand) and checked against `nft -j` before any case runs: in the host,
        # 10.44.0.0/16 masqueraded; to 10.47.0.2 (on bi-br0's subnet) tcp 8080 published on every
        # address and tcp 8081 on 10.47.0.1 only. bi-ns has no containernet table. Nothing is
        # published or masqueraded elsewhere: 10.45.0.0/16, port 9999 and udp are free.
        $null = Add-NatMasquerade -Subnet 10.44.0.0/16 -ErrorAction Stop
        $null = Publish-ContainerPort -ContainerAddress 10.47.0.2 -ContainerPort 80 -HostPort 8080 -ErrorAction Stop
        $null = Publish-ContainerPort -ContainerAddress 10.47.0.2 -ContainerPort 81 -HostPort 8081 -HostAddress 10.47.0.1 -ErrorAction Stop
        Get-OracleMasquerade | Should -Be @('10.44.0.0/16')
        @(Get-OraclePortMapping | ForEach-Object Key | Sort-Object) | Should -Be @('tcp *:8080 -> 10.47.0.2:80', 'tcp 10.47.0.1:8081 -> 10.47.0.2:81')
        Test-OracleNftTable containernet -Namespace bi-ns | Should -BeFalse
    }
    AfterAll {
        & nft delete table inet containernet 2>$null
    }

    It '<Case>' -ForEach @(
        # Ports and ranges
        @{ Case = 'container port 0'; Command = 'Publish-ContainerPort'; Parameters = @{ ContainerAddress = '10.47.0.2'; ContainerPort = '0' }; ErrorId = 'InvalidPort'; Category = 'InvalidArgument' }
        @{ Case = 'container port 65536'; Command = 'Publish-ContainerPort'; Parameters = @{ ContainerAddress = '10.47.0.2'; ContainerPort = '65536' }; ErrorId = 'InvalidPort'; Category = 'InvalidArgument' }
        @{ Case = 'host port 65536'; Command = 'Publish-ContainerPort'; Parameters = @{ ContainerAddress = '10.47.0.2'; ContainerPort = '80'; HostPort = '65536' }; ErrorId = 'InvalidPort'; Category = 'InvalidArgument' }
        @{ Case = 'host range starting at port 0'; Command = 'Publish-ContainerPort'; Parameters = @{ ContainerAddress = '10.47.0.2'; ContainerPort = '80-81'; HostPort = '0-1' }; ErrorId = 'InvalidPort'; Category = 'InvalidArgument' }
        @{ Case = 'container port that is not a number'; Command = 'Publish-ContainerPort'; Parameters = @{ ContainerAddress = '10.47.0.2'; ContainerPort = 'http' }; ErrorId = 'InvalidPort'; Category = 'InvalidArgument' }
        @{ Case = 'reversed container range'; Command = 'Publish-ContainerPort'; Parameters = @{ ContainerAddress = '10.47.0.2'; ContainerPort = '8010-8000' }; ErrorId = 'InvalidPortRange'; Category = 'InvalidArgument' }
        @{ Case = 'reversed host range'; Command = 'Publish-ContainerPort'; Parameters = @{ ContainerAddress = '10.47.0.2'; ContainerPort = '8000-8010'; HostPort = '9010-9000' }; ErrorId = 'InvalidPortRange'; Category = 'InvalidArgument' }
        @{ Case = 'host and container ranges of different sizes'; Command = 'Publish-ContainerPort'; Parameters = @{ ContainerAddress = '10.47.0.2'; ContainerPort = '8000-8010'; HostPort = '9000-9005' }; ErrorId = 'PortRangeMismatch'; Category = 'InvalidArgument' }
        @{ Case = 'a host range for one container port'; Command = 'Publish-ContainerPort'; Parameters = @{ ContainerAddress = '10.47.0.2'; ContainerPort = '80'; HostPort = '9000-9001' }; ErrorId = 'PortRangeMismatch'; Category = 'InvalidArgument' }

        # Host ports already published (the kernel's map is the truth; see the fixtures)
        @{ Case = 'host port already published on every address'; Command = 'Publish-ContainerPort'; Parameters = @{ ContainerAddress = '10.47.0.3'; ContainerPort = '80'; HostPort = '8080' }; ErrorId = 'HostPortInUse'; Category = 'ResourceExists' }
        @{ Case = 'one address asked, port published on every address'; Command = 'Publish-ContainerPort'; Parameters = @{ ContainerAddress = '10.47.0.3'; ContainerPort = '80'; HostPort = '8080'; HostAddress = '10.47.0.1' }; ErrorId = 'HostPortInUse'; Category = 'ResourceExists' }
        @{ Case = 'every address asked, port published on one address'; Command = 'Publish-ContainerPort'; Parameters = @{ ContainerAddress = '10.47.0.3'; ContainerPort = '81'; HostPort = '8081' }; ErrorId = 'HostPortInUse'; Category = 'ResourceExists' }
        @{ Case = 'port published on the same address'; Command = 'Publish-ContainerPort'; Parameters = @{ ContainerAddress = '10.47.0.3'; ContainerPort = '81'; HostPort = '8081'; HostAddress = '10.47.0.1' }; ErrorId = 'HostPortInUse'; Category = 'ResourceExists' }
        @{ Case = 'a range over a published port'; Command = 'Publish-ContainerPort'; Parameters = @{ ContainerAddress = '10.47.0.3'; ContainerPort = '8075-8085' }; ErrorId = 'HostPortInUse'; Category = 'ResourceExists' }

        # Protocols and addresses
        @{ Case = 'unknown protocol Sctp (binding error)'; Command = 'Publish-ContainerPort'; Parameters = @{ ContainerAddress = '10.47.0.2'; ContainerPort = '80'; Protocol = 'Sctp' }; ErrorId = 'CannotConvertArgumentNoMessage'; Category = 'InvalidArgument'; Exception = 'System.Management.Automation.ParameterBindingException' }
        @{ Case = 'IPv6 host address for an IPv4 container address'; Command = 'Publish-ContainerPort'; Parameters = @{ ContainerAddress = '10.47.0.2'; ContainerPort = '80'; HostPort = '9000'; HostAddress = '2001:db8:47::1' }; ErrorId = 'AddressFamilyMismatch'; Category = 'InvalidArgument' }
        @{ Case = 'IPv4 host address for an IPv6 container address'; Command = 'Publish-ContainerPort'; Parameters = @{ ContainerAddress = '2001:db8:47::2'; ContainerPort = '80'; HostPort = '9000'; HostAddress = '10.47.0.1' }; ErrorId = 'AddressFamilyMismatch'; Category = 'InvalidArgument' }
        @{ Case = 'malformed container address 10.47.0'; Command = 'Publish-ContainerPort'; Parameters = @{ ContainerAddress = '10.47.0'; ContainerPort = '80' }; ErrorId = 'InvalidAddress'; Category = 'InvalidArgument' }
        @{ Case = 'container address with a prefix length'; Command = 'Publish-ContainerPort'; Parameters = @{ ContainerAddress = '10.47.0.2/16'; ContainerPort = '80' }; ErrorId = 'InvalidAddress'; Category = 'InvalidArgument' }
        @{ Case = 'empty container address'; Command = 'Publish-ContainerPort'; Parameters = @{ ContainerAddress = ''; ContainerPort = '80' }; ErrorId = 'InvalidAddress'; Category = 'InvalidArgument' }
        @{ Case = 'malformed host address'; Command = 'Publish-ContainerPort'; Parameters = @{ ContainerAddress = '10.47.0.2'; ContainerPort = '80'; HostPort = '9000'; HostAddress = 'host' }; ErrorId = 'InvalidAddress'; Category = 'InvalidArgument' }
        @{ Case = 'publish in a missing namespace'; Command = 'Publish-ContainerPort'; Parameters = @{ ContainerAddress = '10.47.0.2'; ContainerPort = '80'; HostPort = '9000'; Namespace = 'bi-missing' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }

        # Masquerade
        @{ Case = 'masquerade of an address, not a network (10.1.2.3/16)'; Command = 'Add-NatMasquerade'; Parameters = @{ Subnet = '10.1.2.3/16' }; ErrorId = 'InvalidSubnet'; Category = 'InvalidArgument' }
        @{ Case = 'masquerade of a subnet without a prefix length'; Command = 'Add-NatMasquerade'; Parameters = @{ Subnet = '10.45.0.0' }; ErrorId = 'InvalidCidr'; Category = 'InvalidArgument' }
        @{ Case = 'masquerade of a /33'; Command = 'Add-NatMasquerade'; Parameters = @{ Subnet = '10.45.0.0/33' }; ErrorId = 'InvalidCidr'; Category = 'InvalidArgument' }
        @{ Case = 'masquerade of an existing subnet'; Command = 'Add-NatMasquerade'; Parameters = @{ Subnet = '10.44.0.0/16' }; ErrorId = 'MasqueradeExists'; Category = 'ResourceExists' }
        @{ Case = 'masquerade of an existing subnet with another -ExceptInterface'; Command = 'Add-NatMasquerade'; Parameters = @{ Subnet = '10.44.0.0/16'; ExceptInterface = 'bi-br0' }; ErrorId = 'MasqueradeExists'; Category = 'ResourceExists' }
        @{ Case = 'masquerade of a subnet inside a masqueraded one'; Command = 'Add-NatMasquerade'; Parameters = @{ Subnet = '10.44.128.0/17' }; ErrorId = 'SubnetOverlaps'; Category = 'ResourceExists' }
        @{ Case = 'masquerade of a subnet around a masqueraded one'; Command = 'Add-NatMasquerade'; Parameters = @{ Subnet = '10.0.0.0/8' }; ErrorId = 'SubnetOverlaps'; Category = 'ResourceExists' }
        @{ Case = 'invalid -ExceptInterface name (bi/br0)'; Command = 'Add-NatMasquerade'; Parameters = @{ Subnet = '10.45.0.0/16'; ExceptInterface = 'bi/br0' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = '-ExceptInterface of 16 bytes'; Command = 'Add-NatMasquerade'; Parameters = @{ Subnet = '10.45.0.0/16'; ExceptInterface = 'e' * 16 }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'masquerade in a missing namespace'; Command = 'Add-NatMasquerade'; Parameters = @{ Subnet = '10.45.0.0/16'; Namespace = 'bi-missing' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'masquerade in namespace ../etc'; Command = 'Add-NatMasquerade'; Parameters = @{ Subnet = '10.45.0.0/16'; Namespace = '../etc' }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }
        @{ Case = 'removing a masquerade that does not exist'; Command = 'Remove-NatMasquerade'; Parameters = @{ Subnet = '10.45.0.0/16' }; ErrorId = 'MasqueradeNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'removing part of a masqueraded subnet'; Command = 'Remove-NatMasquerade'; Parameters = @{ Subnet = '10.44.0.0/24' }; ErrorId = 'MasqueradeNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'removing a masquerade given as an address'; Command = 'Remove-NatMasquerade'; Parameters = @{ Subnet = '10.44.0.1/16' }; ErrorId = 'InvalidSubnet'; Category = 'InvalidArgument' }
        @{ Case = 'removing a masquerade in a namespace without the table'; Command = 'Remove-NatMasquerade'; Parameters = @{ Subnet = '10.44.0.0/16'; Namespace = 'bi-ns' }; ErrorId = 'MasqueradeNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Get-NatMasquerade in a missing namespace'; Command = 'Get-NatMasquerade'; Parameters = @{ Namespace = 'bi-missing' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }

        # Unpublish and Get
        @{ Case = 'unpublishing a port that is not published'; Command = 'Unpublish-ContainerPort'; Parameters = @{ HostPort = '9999' }; ErrorId = 'PortMappingNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'unpublishing on one address a port published on every address'; Command = 'Unpublish-ContainerPort'; Parameters = @{ HostPort = '8080'; HostAddress = '10.47.0.1' }; ErrorId = 'PortMappingNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'unpublishing udp of a tcp port'; Command = 'Unpublish-ContainerPort'; Parameters = @{ HostPort = '8080'; Protocol = 'Udp' }; ErrorId = 'PortMappingNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'unpublishing a range only partly published (8080 stays)'; Command = 'Unpublish-ContainerPort'; Parameters = @{ HostPort = '8080-8081' }; ErrorId = 'PortMappingNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'unpublishing port 0'; Command = 'Unpublish-ContainerPort'; Parameters = @{ HostPort = '0' }; ErrorId = 'InvalidPort'; Category = 'InvalidArgument' }
        @{ Case = 'unpublishing a reversed range'; Command = 'Unpublish-ContainerPort'; Parameters = @{ HostPort = '8081-8080' }; ErrorId = 'InvalidPortRange'; Category = 'InvalidArgument' }
        @{ Case = 'unpublishing with a malformed host address'; Command = 'Unpublish-ContainerPort'; Parameters = @{ HostPort = '8081'; HostAddress = '10.47.0.1.5' }; ErrorId = 'InvalidAddress'; Category = 'InvalidArgument' }
        @{ Case = 'unpublishing in a namespace without the table'; Command = 'Unpublish-ContainerPort'; Parameters = @{ HostPort = '8080'; Namespace = 'bi-ns' }; ErrorId = 'PortMappingNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'unpublishing in a missing namespace'; Command = 'Unpublish-ContainerPort'; Parameters = @{ HostPort = '8080'; Namespace = 'bi-missing' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Unpublish -Protocol Sctp (binding error)'; Command = 'Unpublish-ContainerPort'; Parameters = @{ HostPort = '8080'; Protocol = 'Sctp' }; ErrorId = 'CannotConvertArgumentNoMessage'; Category = 'InvalidArgument'; Exception = 'System.Management.Automation.ParameterBindingException' }
        @{ Case = 'Get-ContainerPort in a missing namespace'; Command = 'Get-ContainerPort'; Parameters = @{ Namespace = 'bi-missing' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Get-ContainerPort in namespace ../etc'; Command = 'Get-ContainerPort'; Parameters = @{ Namespace = '../etc' }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }
    ) {
        $exception = if ($Exception) { $Exception } else { 'ContainerNet.Core.Errors.ContainerNetException' }
        Assert-BadInput -Command $Command -Parameters $Parameters -ErrorId $ErrorId -Category $Category -Exception $exception
    }
}

Describe 'Bad input to icc, bridge isolation and container links gives a stable ErrorId and category, and changes nothing' {
    BeforeAll {
        # Fixtures for the fourth table, made with the cmdlets and checked against `nft -j`: in the host,
        # bi-br0 isolated (so the table exists) and the link 10.47.0.2 -> 10.47.0.3:5432/tcp. bi-br1 is
        # a bridge that is not isolated; bi-v0 is a veth; bi-missing does not exist.
        $null = Add-NetBridgeIsolation -Bridge bi-br0 -ErrorAction Stop
        $null = Add-ContainerLink -Source 10.47.0.2 -Destination 10.47.0.3 -Port 5432 -ErrorAction Stop
        $isolated = Get-OracleNftObject -Kind set -Table containernet | Where-Object name -EQ isolated
        @($isolated.elem | ForEach-Object { Get-OracleNftElementField $_ }) | Should -Be @('bi-br0')
        $ports = Get-OracleNftObject -Kind set -Table containernet | Where-Object name -EQ link_ports4
        @($ports.elem).Count | Should -Be 1
    }
    AfterAll {
        & nft delete table inet containernet 2>$null
    }

    It '<Case>' -ForEach @(
        @{ Case = 'icc off on a missing bridge'; Command = 'Disable-InterContainerTraffic'; Parameters = @{ Bridge = 'bi-missing' }; ErrorId = 'BridgeNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'icc on for a veth (NotABridge)'; Command = 'Enable-InterContainerTraffic'; Parameters = @{ Bridge = 'bi-v0' }; ErrorId = 'NotABridge'; Category = 'InvalidArgument' }
        @{ Case = 'icc off on a bridge name with /'; Command = 'Disable-InterContainerTraffic'; Parameters = @{ Bridge = 'bi/br0' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'icc off in a missing namespace'; Command = 'Disable-InterContainerTraffic'; Parameters = @{ Bridge = 'bi-br1'; Namespace = 'bi-missing' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'isolating a veth (NotABridge)'; Command = 'Add-NetBridgeIsolation'; Parameters = @{ Bridge = 'bi-v0' }; ErrorId = 'NotABridge'; Category = 'InvalidArgument' }
        @{ Case = 'isolating a bridge and a missing one (nothing of the call is applied)'; Command = 'Add-NetBridgeIsolation'; Parameters = @{ Bridge = 'bi-br1', 'bi-missing' }; ErrorId = 'BridgeNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'removing the isolation of a bridge that is not isolated'; Command = 'Remove-NetBridgeIsolation'; Parameters = @{ Bridge = 'bi-br1' }; ErrorId = 'IsolationNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Get-NetBridgeIsolation in a missing namespace'; Command = 'Get-NetBridgeIsolation'; Parameters = @{ Namespace = 'bi-missing' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'duplicate link'; Command = 'Add-ContainerLink'; Parameters = @{ Source = '10.47.0.2'; Destination = '10.47.0.3'; Port = 5432 }; ErrorId = 'ContainerLinkExists'; Category = 'ResourceExists' }
        @{ Case = 'removing a missing link (another port)'; Command = 'Remove-ContainerLink'; Parameters = @{ Source = '10.47.0.2'; Destination = '10.47.0.3'; Port = 5433 }; ErrorId = 'ContainerLinkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'removing a missing link (udp of a tcp link)'; Command = 'Remove-ContainerLink'; Parameters = @{ Source = '10.47.0.2'; Destination = '10.47.0.3'; Port = 5432; Protocol = 'Udp' }; ErrorId = 'ContainerLinkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'invalid source address 10.47.0'; Command = 'Add-ContainerLink'; Parameters = @{ Source = '10.47.0'; Destination = '10.47.0.3' }; ErrorId = 'InvalidAddress'; Category = 'InvalidArgument' }
        @{ Case = 'empty destination address'; Command = 'Add-ContainerLink'; Parameters = @{ Source = '10.47.0.2'; Destination = '' }; ErrorId = 'InvalidAddress'; Category = 'InvalidArgument' }
        @{ Case = 'IPv4 source, IPv6 destination'; Command = 'Add-ContainerLink'; Parameters = @{ Source = '10.47.0.2'; Destination = '2001:db8:47::2' }; ErrorId = 'AddressFamilyMismatch'; Category = 'InvalidArgument' }
        @{ Case = 'link to port 70000'; Command = 'Add-ContainerLink'; Parameters = @{ Source = '10.47.0.2'; Destination = '10.47.0.3'; Port = 70000 }; ErrorId = 'InvalidPort'; Category = 'InvalidArgument' }
        @{ Case = 'link to port 0'; Command = 'Add-ContainerLink'; Parameters = @{ Source = '10.47.0.2'; Destination = '10.47.0.3'; Port = 0 }; ErrorId = 'InvalidPort'; Category = 'InvalidArgument' }
        @{ Case = 'link -Protocol Sctp (binding error)'; Command = 'Add-ContainerLink'; Parameters = @{ Source = '10.47.0.2'; Destination = '10.47.0.3'; Port = 5432; Protocol = 'Sctp' }; ErrorId = 'CannotConvertArgumentNoMessage'; Category = 'InvalidArgument'; Exception = 'System.Management.Automation.ParameterBindingException' }
        @{ Case = 'link in a missing namespace'; Command = 'Add-ContainerLink'; Parameters = @{ Source = '10.47.0.2'; Destination = '10.47.0.3'; Namespace = 'bi-missing' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
    ) {
        $exception = if ($Exception) { $Exception } else { 'ContainerNet.Core.Errors.ContainerNetException' }
        Assert-BadInput -Command $Command -Parameters $Parameters -ErrorId $ErrorId -Category $Category -Exception $exception
    }
}
