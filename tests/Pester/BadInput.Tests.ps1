# Bad input: five tables (namespaces and links; bridges, addresses, routes and forwarding; NAT
# masquerade and published ports; icc, bridge isolation and container links; Docker-style networks).
# Each case must fail with an ErrorRecord carrying a stable ErrorId ('<Reason>,ContainerNet.Commands.<Cmdlet>Command')
# and the matching category, and the oracle (`ip netns list`, the files under /run/netns, `ip -d -j link`,
# `ip -j addr` and `ip -j route` of the host and of every namespace, bridge ports, forwarding and the
# nftables ruleset (`nft list ruleset`): see Get-OracleSnapshot) must show that nothing was created or changed.
# The networks' table also compares every file under the state directory and under /etc/netns
# (Get-OracleFileSnapshot): the network documents, the lock, the hosts files and their links.

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
        @{ Case = 'queue count 0'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'eth0'; PeerNamespace = 'bi-ns'; QueueCount = 0 }; ErrorId = 'InvalidQueueCount'; Category = 'InvalidArgument' }
        @{ Case = 'queue count 4097, above the kernel limit'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'bi-new2'; QueueCount = 4097 }; ErrorId = 'InvalidQueueCount'; Category = 'InvalidArgument' }
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

Describe 'Bad input for Docker-style networks gives a stable ErrorId and category, and changes nothing (kernel, state and hosts files)' {
    BeforeAll {
        # Fixtures for the fifth table, made with the cmdlets and checked against the oracles before any
        # case runs (every name starts with bn-, so other files in the sandbox are not disturbed):
        #   namespaces bn-c1 to bn-c4;
        #   bn-net1: 10.151.0.0/16, gateway 10.151.0.1 on bridge bn-br1. bn-c1 is on it with the lowest
        #     free address 10.151.0.2 and the aliases bn-c3 and bn-web; bn-c2 with 10.151.0.20, the
        #     shared alias bn-web and the link bn-c1:db (so its hosts file is its own, not a symlink);
        #   bn-net2 (internal): 10.152.0.0/24, gateway 10.152.0.129, -IPRange 10.152.0.128/25, bridge
        #     bn-br2, no endpoints;
        #   bn-net3: 10.153.0.0/24, whose bridge bn-br3 was deleted behind its back (ip link del).
        # bn-c3 and bn-c4 are on no network. Networks bn-missing and bn-new*, namespace bn-missing and
        # bridge bn-brnew are never created. Making the networks also makes the state lock (.lock), so
        # the file snapshots of the cases never see it appear.
        $stateDir = $env:CONTAINERNET_STATE_DIR
        $forwardingBefore = Get-OracleForwarding
        $nftTableBefore = Test-OracleNftTable containernet
        $null = New-NetNamespace -Name bn-c1, bn-c2, bn-c3, bn-c4 -ErrorAction Stop
        $null = New-ContainerNetwork -Name bn-net1 -Subnet 10.151.0.0/16 -BridgeName bn-br1 -ErrorAction Stop
        $null = New-ContainerNetwork -Name bn-net2 -Subnet 10.152.0.0/24 -Gateway 10.152.0.129 -IPRange 10.152.0.128/25 -BridgeName bn-br2 -Internal -ErrorAction Stop
        $null = New-ContainerNetwork -Name bn-net3 -Subnet 10.153.0.0/24 -BridgeName bn-br3 -ErrorAction Stop
        $null = Connect-ContainerNetwork -Network bn-net1 -Container bn-c1 -Alias bn-c3, bn-web -ErrorAction Stop
        $null = Connect-ContainerNetwork -Network bn-net1 -Container bn-c2 -IPAddress 10.151.0.20 -Alias bn-web -Link bn-c1:db -ErrorAction Stop
        Invoke-Ip link del bn-br3

        Get-OracleAddressCidr -Interface bn-br1 -Family IPv4 | Should -Be @('10.151.0.1/16')
        Get-OracleAddressCidr -Interface bn-br2 -Family IPv4 | Should -Be @('10.152.0.129/24')
        Get-OracleLink -Name bn-br3 | Should -BeNullOrEmpty
        Get-OracleAddressCidr -Namespace bn-c1 -Interface eth0 -Family IPv4 | Should -Be @('10.151.0.2/16')
        Get-OracleAddressCidr -Namespace bn-c2 -Interface eth0 -Family IPv4 | Should -Be @('10.151.0.20/16')
        Get-OracleLinkName -Namespace bn-c3 | Should -Be @('lo')
        Get-OracleLinkName -Namespace bn-c4 | Should -Be @('lo')
        Test-Path -LiteralPath (Join-Path $stateDir .lock) -PathType Leaf | Should -BeTrue
        foreach ($network in 'bn-net1', 'bn-net2', 'bn-net3') {
            Test-Path -LiteralPath (Join-Path $stateDir "$network.json") -PathType Leaf | Should -BeTrue
        }
        [IO.FileInfo]::new('/etc/netns/bn-c1/hosts').LinkTarget | Should -BeExactly (Join-Path $stateDir hosts/bn-net1)
        [IO.FileInfo]::new('/etc/netns/bn-c2/hosts').LinkTarget | Should -BeNullOrEmpty
        Get-Content -Raw -LiteralPath /etc/netns/bn-c2/hosts | Should -Match '(?m)^10\.151\.0\.2\tdb$'

        function Set-HostForwarding {
            <# Sets forwarding sysctls of this (the sandbox's) namespace with sysctl, e.g. net.ipv4.ip_forward=0. #>
            $output = & sysctl -q -w @args 2>&1
            if ($LASTEXITCODE -ne 0) { throw "sysctl -w $($args -join ' ') failed: $output" }
        }

        function Assert-NetworkBadInput {
            <# Assert-BadInput, and the files unchanged as well: every file under the state directory (the
               network documents, .lock, the networks' hosts files) and under /etc/netns (the containers'
               hosts files and symlinks), names, sizes and contents. -TargetObject: the error also names
               this target, in its TargetObject and its message. #>
            param([string]$Command, [hashtable]$Parameters, [string]$ErrorId, [string]$Category,
                [string]$Exception = 'ContainerNet.Core.Errors.ContainerNetException', [string]$TargetObject)
            $files = $env:CONTAINERNET_STATE_DIR, '/etc/netns'
            $before = Get-OracleFileSnapshot -Path $files
            if ($TargetObject) {
                $kernel = Get-OracleSnapshot
                $record = $null
                try { & $Command @Parameters -ErrorAction Stop } catch { $record = $_ }
                $record | Should -Not -BeNullOrEmpty
                $record.TargetObject | Should -BeExactly $TargetObject
                $record.Exception.Message | Should -BeLike "*$([WildcardPattern]::Escape($TargetObject))*"
                Get-OracleSnapshot | Should -BeExactly $kernel
            }
            Assert-BadInput -Command $Command -Parameters $Parameters -ErrorId $ErrorId -Category $Category -Exception $Exception
            Get-OracleFileSnapshot -Path $files | Should -BeExactly $before
        }
    }
    AfterAll {
        $null = Remove-ContainerNetwork -Name bn-net1, bn-net2, bn-net3 -Force -ErrorAction Continue
        $null = Remove-NetNamespace -Name bn-c1, bn-c2, bn-c3, bn-c4 -Force -ErrorAction Continue
        # Whatever the cmdlets could not take away (after a failure), through iproute2 and the file system.
        Remove-OracleLink bn-br1, bn-br2, bn-br3, bn-brbad, bn-brnew
        Remove-OracleNamespace bn-c1, bn-c2, bn-c3, bn-c4
        Get-ChildItem -LiteralPath $stateDir -Filter 'bn-*.json' -Force -ErrorAction Ignore | Remove-Item -Force
        Get-ChildItem -LiteralPath (Join-Path $stateDir hosts) -Filter 'bn-*' -Force -ErrorAction Ignore | Remove-Item -Force
        Get-ChildItem -LiteralPath /etc/netns -Filter 'bn-*' -Force -ErrorAction Ignore | Remove-Item -Recurse -Force
        if ($forwardingBefore) {
            Set-HostForwarding "net.ipv4.ip_forward=$([int]$forwardingBefore.IPv4)" "net.ipv6.conf.all.forwarding=$([int]$forwardingBefore.IPv6)"
        }
        if (-not $nftTableBefore) { & nft delete table inet containernet 2>$null }
    }

    It '<Case>' -ForEach @(
        # New-ContainerNetwork: subnets, gateways, ranges, MTU
        @{ Case = 'subnet inside the subnet of another network'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.151.128.0/17' }; ErrorId = 'SubnetOverlaps'; Category = 'ResourceExists' }
        @{ Case = 'subnet around the subnet of another network'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.150.0.0/15' }; ErrorId = 'SubnetOverlaps'; Category = 'ResourceExists' }
        @{ Case = 'subnet of a network whose bridge is gone'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.153.0.0/24'; BridgeName = 'bn-brnew' }; ErrorId = 'SubnetOverlaps'; Category = 'ResourceExists' }
        @{ Case = 'subnet with host bits (10.154.0.1/24)'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.154.0.1/24' }; ErrorId = 'InvalidSubnet'; Category = 'InvalidArgument' }
        @{ Case = 'subnet without a prefix length'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.154.0.0' }; ErrorId = 'InvalidCidr'; Category = 'InvalidArgument' }
        @{ Case = 'two IPv4 subnets'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.154.0.0/24', '10.155.0.0/24' }; ErrorId = 'TooManySubnets'; Category = 'InvalidArgument' }
        @{ Case = 'gateway outside the subnet'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.154.0.0/24'; Gateway = '10.155.0.1' }; ErrorId = 'GatewayOutsideSubnet'; Category = 'InvalidArgument' }
        @{ Case = 'gateway is the network address'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.173.0.0/24'; Gateway = '10.173.0.0' }; ErrorId = 'InvalidGateway'; Category = 'InvalidArgument' }
        @{ Case = 'gateway is the broadcast address'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.174.0.0/24'; Gateway = '10.174.0.255' }; ErrorId = 'InvalidGateway'; Category = 'InvalidArgument' }
        @{ Case = 'subnet /32 (no room for gateway and endpoint)'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.175.0.5/32' }; ErrorId = 'SubnetTooSmall'; Category = 'InvalidArgument' }
        @{ Case = 'subnet /31'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.176.0.0/31' }; ErrorId = 'SubnetTooSmall'; Category = 'InvalidArgument' }
        @{ Case = 'IP range holding only the gateway'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.178.0.0/24'; IPRange = '10.178.0.1/32' }; ErrorId = 'RangeTooSmall'; Category = 'InvalidArgument' }
        @{ Case = 'loopback subnet'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '127.0.0.0/16' }; ErrorId = 'InvalidSubnet'; Category = 'InvalidArgument' }
        @{ Case = 'network name of 65 characters'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'n' * 65; Subnet = '10.179.0.0/24' }; ErrorId = 'InvalidNetworkName'; Category = 'InvalidArgument' }
        @{ Case = 'network name of 240 characters'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'n' * 240; Subnet = '10.179.0.0/24' }; ErrorId = 'InvalidNetworkName'; Category = 'InvalidArgument' }
        @{ Case = 'IPv6 gateway without an IPv6 subnet'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.154.0.0/24'; Gateway = '2001:db8:154::1' }; ErrorId = 'GatewayWithoutSubnet'; Category = 'InvalidArgument' }
        @{ Case = 'two IPv4 gateways'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.154.0.0/24'; Gateway = '10.154.0.1', '10.154.0.2' }; ErrorId = 'TooManyGateways'; Category = 'InvalidArgument' }
        @{ Case = 'gateway with a prefix length'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.154.0.0/24'; Gateway = '10.154.0.1/24' }; ErrorId = 'InvalidAddress'; Category = 'InvalidArgument' }
        @{ Case = 'IP range outside the subnet'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.154.0.0/24'; IPRange = '10.155.0.0/25' }; ErrorId = 'RangeOutsideSubnet'; Category = 'InvalidArgument' }
        @{ Case = 'IP range larger than the subnet'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.154.0.0/24'; IPRange = '10.154.0.0/23' }; ErrorId = 'RangeOutsideSubnet'; Category = 'InvalidArgument' }
        @{ Case = 'IPv6 range without an IPv6 subnet'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.154.0.0/24'; IPRange = '2001:db8:154::/64' }; ErrorId = 'RangeWithoutSubnet'; Category = 'InvalidArgument' }
        @{ Case = 'MTU 67'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.154.0.0/24'; Mtu = 67 }; ErrorId = 'InvalidMtu'; Category = 'InvalidArgument' }
        @{ Case = 'MTU 65536'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.154.0.0/24'; Mtu = 65536 }; ErrorId = 'InvalidMtu'; Category = 'InvalidArgument' }

        # New-ContainerNetwork: names and bridges
        @{ Case = 'network name ../x'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = '../x'; Subnet = '10.154.0.0/24' }; ErrorId = 'InvalidNetworkName'; Category = 'InvalidArgument' }
        @{ Case = 'empty network name'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = ''; Subnet = '10.154.0.0/24' }; ErrorId = 'InvalidNetworkName'; Category = 'InvalidArgument' }
        @{ Case = 'network name starting with . (a hidden state file)'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = '.lock'; Subnet = '10.154.0.0/24' }; ErrorId = 'InvalidNetworkName'; Category = 'InvalidArgument' }
        @{ Case = 'duplicate network name'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-net1'; Subnet = '10.154.0.0/24' }; ErrorId = 'NetworkExists'; Category = 'ResourceExists' }
        @{ Case = 'duplicate name of a network whose bridge is gone'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-net3'; Subnet = '10.154.0.0/24' }; ErrorId = 'NetworkExists'; Category = 'ResourceExists' }
        @{ Case = 'bridge name of another network (an existing link)'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.154.0.0/24'; BridgeName = 'bn-br1' }; ErrorId = 'BridgeExists'; Category = 'ResourceExists' }
        @{ Case = 'bridge name of an existing veth'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.154.0.0/24'; BridgeName = 'bi-v0' }; ErrorId = 'BridgeExists'; Category = 'ResourceExists' }
        @{ Case = 'bridge name with /'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.154.0.0/24'; BridgeName = 'bn/br' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'bridge name of 16 bytes'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.154.0.0/24'; BridgeName = 'b' * 16 }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }

        # Unknown networks
        @{ Case = 'Get-ContainerNetwork of an unknown network'; Command = 'Get-ContainerNetwork'; Parameters = @{ Name = 'bn-missing' }; ErrorId = 'NetworkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Remove-ContainerNetwork of an unknown network'; Command = 'Remove-ContainerNetwork'; Parameters = @{ Name = 'bn-missing'; Force = $true }; ErrorId = 'NetworkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Connect-ContainerNetwork to an unknown network'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-missing'; Container = 'bn-c4' }; ErrorId = 'NetworkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Disconnect-ContainerNetwork from an unknown network'; Command = 'Disconnect-ContainerNetwork'; Parameters = @{ Network = 'bn-missing'; Container = 'bn-c1' }; ErrorId = 'NetworkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Publish-ContainerPort on an unknown network'; Command = 'Publish-ContainerPort'; Parameters = @{ Network = 'bn-missing'; Container = 'bn-c1'; ContainerPort = '80' }; ErrorId = 'NetworkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Repair-ContainerNetwork of an unknown network'; Command = 'Repair-ContainerNetwork'; Parameters = @{ Name = 'bn-missing' }; ErrorId = 'NetworkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Repair-ContainerNetwork of a broken and an unknown network (the bridge is not made again)'; Command = 'Repair-ContainerNetwork'; Parameters = @{ Name = 'bn-net3', 'bn-missing' }; ErrorId = 'NetworkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Remove-ContainerNetwork ../x'; Command = 'Remove-ContainerNetwork'; Parameters = @{ Name = '../x' }; ErrorId = 'InvalidNetworkName'; Category = 'InvalidArgument' }
        @{ Case = 'Connect-ContainerNetwork to network ../x'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = '../x'; Container = 'bn-c4' }; ErrorId = 'InvalidNetworkName'; Category = 'InvalidArgument' }
        @{ Case = 'Repair-ContainerNetwork ../x'; Command = 'Repair-ContainerNetwork'; Parameters = @{ Name = '../x' }; ErrorId = 'InvalidNetworkName'; Category = 'InvalidArgument' }

        # Connect: containers and names
        @{ Case = 'connect of a missing container namespace'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-missing' }; ErrorId = 'ContainerNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'connect of container ../x'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = '../x' }; ErrorId = 'InvalidContainerName'; Category = 'InvalidArgument' }
        @{ Case = 'connect twice'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c1' }; ErrorId = 'AlreadyConnected'; Category = 'ResourceExists' }
        @{ Case = 'connect twice with other settings'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c2'; IPAddress = '10.151.0.30'; Alias = 'bn-other' }; ErrorId = 'AlreadyConnected'; Category = 'ResourceExists' }
        @{ Case = 'container name taken by the alias of another member'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c3' }; ErrorId = 'NameInUse'; Category = 'ResourceExists' }
        @{ Case = 'alias that is the name of another member'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c4'; Alias = 'bn-web2', 'bn-c2' }; ErrorId = 'NameInUse'; Category = 'ResourceExists' }
        @{ Case = 'invalid alias (a space)'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c4'; Alias = 'bn web' }; ErrorId = 'InvalidAlias'; Category = 'InvalidArgument' }
        @{ Case = 'invalid alias (starts with -)'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c4'; Alias = '-web' }; ErrorId = 'InvalidAlias'; Category = 'InvalidArgument' }
        @{ Case = '-Link to a container not on the network'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c4'; Link = 'bn-c3:db' }; ErrorId = 'LinkTargetNotFound'; Category = 'ObjectNotFound' }
        @{ Case = '-Link to a member and to a container not on the network'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c4'; Link = 'bn-c1:db', 'bn-missing:cache' }; ErrorId = 'LinkTargetNotFound'; Category = 'ObjectNotFound' }
        @{ Case = '-Link without a container (:db)'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c4'; Link = ':db' }; ErrorId = 'InvalidLink'; Category = 'InvalidArgument' }
        @{ Case = '-Link with an invalid alias'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c4'; Link = 'bn-c1:d b' }; ErrorId = 'InvalidAlias'; Category = 'InvalidArgument' }

        # Connect: addresses
        @{ Case = '-IPAddress outside the subnet'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c4'; IPAddress = '10.152.0.130' }; ErrorId = 'AddressOutsideSubnet'; Category = 'InvalidArgument' }
        @{ Case = '-IPAddress outside the -IPRange'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net2'; Container = 'bn-c4'; IPAddress = '10.152.0.5' }; ErrorId = 'AddressOutsideRange'; Category = 'InvalidArgument' }
        @{ Case = '-IPAddress of the network address'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c4'; IPAddress = '10.151.0.0' }; ErrorId = 'AddressOutsideRange'; Category = 'InvalidArgument' }
        @{ Case = '-IPAddress of the broadcast address'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net2'; Container = 'bn-c4'; IPAddress = '10.152.0.255' }; ErrorId = 'AddressOutsideRange'; Category = 'InvalidArgument' }
        @{ Case = '-IPAddress equal to the gateway'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c4'; IPAddress = '10.151.0.1' }; ErrorId = 'AddressIsGateway'; Category = 'ResourceExists' }
        @{ Case = '-IPAddress equal to a gateway given with -Gateway'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net2'; Container = 'bn-c4'; IPAddress = '10.152.0.129' }; ErrorId = 'AddressIsGateway'; Category = 'ResourceExists' }
        @{ Case = '-IPAddress already in use (allocated)'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c4'; IPAddress = '10.151.0.2' }; ErrorId = 'AddressInUse'; Category = 'ResourceExists' }
        @{ Case = '-IPAddress already in use (given explicitly)'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c4'; IPAddress = '10.151.0.20' }; ErrorId = 'AddressInUse'; Category = 'ResourceExists' }
        @{ Case = '-IPAddress IPv6 on an IPv4-only network'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c4'; IPAddress = '2001:db8:151::5' }; ErrorId = 'AddressFamilyMismatch'; Category = 'InvalidArgument' }
        @{ Case = '-IPv6Address on an IPv4-only network'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c4'; IPv6Address = '2001:db8:151::5' }; ErrorId = 'AddressFamilyMismatch'; Category = 'InvalidArgument' }
        @{ Case = '-IPv6Address that is IPv4'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c4'; IPv6Address = '10.151.0.5' }; ErrorId = 'AddressFamilyMismatch'; Category = 'InvalidArgument' }
        @{ Case = '-IPAddress with a prefix length'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c4'; IPAddress = '10.151.0.5/16' }; ErrorId = 'InvalidAddress'; Category = 'InvalidArgument' }
        @{ Case = 'multicast -MacAddress'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c4'; MacAddress = '01:00:5e:00:00:01' }; ErrorId = 'InvalidMacAddress'; Category = 'InvalidArgument' }

        # Connect: interfaces and the bridge
        @{ Case = '-InterfaceName already in the container (lo)'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c4'; InterfaceName = 'lo' }; ErrorId = 'InterfaceExists'; Category = 'ResourceExists' }
        @{ Case = '-InterfaceName of the interface of another network'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net2'; Container = 'bn-c1'; InterfaceName = 'eth0' }; ErrorId = 'InterfaceExists'; Category = 'ResourceExists' }
        @{ Case = 'invalid -InterfaceName (eth/0)'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c4'; InterfaceName = 'eth/0' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'connect to a network whose bridge is gone'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net3'; Container = 'bn-c4' }; ErrorId = 'NetworkBridgeMissing'; Category = 'InvalidOperation' }

        # Disconnect, Remove, Publish
        @{ Case = 'disconnect of a non-member'; Command = 'Disconnect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c4' }; ErrorId = 'NotConnected'; Category = 'ObjectNotFound' }
        @{ Case = 'disconnect of a member and a non-member (the member stays)'; Command = 'Disconnect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c1', 'bn-c4' }; ErrorId = 'NotConnected'; Category = 'ObjectNotFound' }
        @{ Case = 'disconnect of a member of another network'; Command = 'Disconnect-ContainerNetwork'; Parameters = @{ Network = 'bn-net2'; Container = 'bn-c1' }; ErrorId = 'NotConnected'; Category = 'ObjectNotFound' }
        @{ Case = 'Remove-ContainerNetwork with endpoints, without -Force'; Command = 'Remove-ContainerNetwork'; Parameters = @{ Name = 'bn-net1' }; ErrorId = 'NetworkHasEndpoints'; Category = 'InvalidOperation' }
        @{ Case = 'Publish -Network -Container of a non-member'; Command = 'Publish-ContainerPort'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c4'; ContainerPort = '80' }; ErrorId = 'NotConnected'; Category = 'ObjectNotFound' }
        @{ Case = 'Publish -Network -Container of a member of another network'; Command = 'Publish-ContainerPort'; Parameters = @{ Network = 'bn-net2'; Container = 'bn-c1'; ContainerPort = '80'; HostPort = '9151' }; ErrorId = 'NotConnected'; Category = 'ObjectNotFound' }
        @{ Case = 'Publish -Network with an IPv6 host address to an IPv4-only member'; Command = 'Publish-ContainerPort'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c1'; ContainerPort = '80'; HostPort = '9151'; HostAddress = '2001:db8:151::1' }; ErrorId = 'AddressFamilyMismatch'; Category = 'InvalidArgument' }
        @{ Case = 'Publish -Network of container port 0'; Command = 'Publish-ContainerPort'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c1'; ContainerPort = '0' }; ErrorId = 'InvalidPort'; Category = 'InvalidArgument' }
    ) {
        Assert-NetworkBadInput -Command $Command -Parameters $Parameters -ErrorId $ErrorId -Category $Category
    }

    Context 'New-ContainerNetwork whose firewall step fails, with IPv4 forwarding off' {
        BeforeAll {
            # 10.160.0.0/16 is masqueraded on its own, so the network's masquerade of 10.160.0.0/24 is
            # refused after its bridge and gateway address were made and forwarding was turned on: all of
            # that must be undone (the snapshot shows forwarding, which is off for this context).
            $forwardingHere = Get-OracleForwarding
            $null = Add-NatMasquerade -Subnet 10.160.0.0/16 -ErrorAction Stop
            Set-HostForwarding net.ipv4.ip_forward=0
            (Get-OracleForwarding).IPv4 | Should -BeFalse
        }
        AfterAll {
            Remove-NatMasquerade -Subnet 10.160.0.0/16 -ErrorAction Continue
            Set-HostForwarding "net.ipv4.ip_forward=$([int]$forwardingHere.IPv4)"
        }

        It 'subnet inside a masqueraded subnet (bridge, address and forwarding are rolled back)' {
            Assert-NetworkBadInput -Command New-ContainerNetwork -Parameters @{ Name = 'bn-new'; Subnet = '10.160.0.0/24'; BridgeName = 'bn-brnew' } -ErrorId SubnetOverlaps -Category ResourceExists
        }
    }

    Context 'A corrupt state file' {
        BeforeAll {
            # Network bn-bad (made for this context alone: while its document is garbage, every
            # operation that reads all networks fails) with its state file overwritten by garbage.
            # AfterAll puts the document back and removes the network.
            $null = New-ContainerNetwork -Name bn-bad -Subnet 10.159.0.0/24 -BridgeName bn-brbad -Internal -ErrorAction Stop
            $badPath = Join-Path $env:CONTAINERNET_STATE_DIR bn-bad.json
            $badDocument = [IO.File]::ReadAllBytes($badPath)
            [IO.File]::WriteAllText($badPath, "{ `"Name`": `"bn-bad`", `"Subnets`": [ garbage`0`n")
        }
        AfterAll {
            if ($badDocument) { [IO.File]::WriteAllBytes($badPath, $badDocument) }
            $null = Remove-ContainerNetwork -Name bn-bad -Force -ErrorAction Continue
        }

        It '<Case>: StateCorrupt naming the file, which is left as it is' -ForEach @(
            @{ Case = 'Get-ContainerNetwork of the network'; Command = 'Get-ContainerNetwork'; Parameters = @{ Name = 'bn-bad' } }
            @{ Case = 'Get-ContainerNetwork of every network'; Command = 'Get-ContainerNetwork'; Parameters = @{} }
            @{ Case = 'Connect-ContainerNetwork to the network'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-bad'; Container = 'bn-c4' } }
            @{ Case = 'Connect-ContainerNetwork to another network (a connect reads every network)'; Command = 'Connect-ContainerNetwork'; Parameters = @{ Network = 'bn-net1'; Container = 'bn-c4' } }
            @{ Case = 'Disconnect-ContainerNetwork from the network'; Command = 'Disconnect-ContainerNetwork'; Parameters = @{ Network = 'bn-bad'; Container = 'bn-c4' } }
            @{ Case = 'Remove-ContainerNetwork of the network'; Command = 'Remove-ContainerNetwork'; Parameters = @{ Name = 'bn-bad'; Force = $true } }
            @{ Case = 'Publish -Network of the network'; Command = 'Publish-ContainerPort'; Parameters = @{ Network = 'bn-bad'; Container = 'bn-c4'; ContainerPort = '80' } }
            @{ Case = 'Repair-ContainerNetwork of the network'; Command = 'Repair-ContainerNetwork'; Parameters = @{ Name = 'bn-bad' } }
            @{ Case = 'New-ContainerNetwork of another network'; Command = 'New-ContainerNetwork'; Parameters = @{ Name = 'bn-new'; Subnet = '10.154.0.0/24' } }
        ) {
            Assert-NetworkBadInput -Command $Command -Parameters $Parameters -ErrorId 'StateCorrupt' -Category 'InvalidOperation' -TargetObject (Join-Path $env:CONTAINERNET_STATE_DIR bn-bad.json)
        }
    }
}
