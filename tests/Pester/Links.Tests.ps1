# Links: New-VethPair, Get-NetLink, Set-NetLink and Remove-NetLink, each checked against
# `ip -d -j [-n NS] link` in the host and inside namespaces.

BeforeAll {
    . $PSScriptRoot/Sandbox.ps1
    Assert-ContainerNetSandbox
    Import-Module ($env:CONTAINERNET_MODULE_PATH ?? "$PSScriptRoot/../../out/ContainerNet") -Force
    . $PSScriptRoot/TestHelpers.ps1

    function Assert-LinkMatchesOracle {
        <# One NetLink object against the oracle's view of the same link. #>
        param($Link, $Oracle, [string]$Namespace, [switch]$WithState)
        $Link.Name | Should -BeExactly $Oracle.ifname
        $Link.Namespace | Should -BeExactly $Namespace
        $Link.Index | Should -Be $Oracle.ifindex
        $Link.Mtu | Should -Be $Oracle.mtu
        $Link.MacAddress | Should -BeExactly $Oracle.address
        $Link.Kind | Should -BeExactly (Get-OracleKind $Oracle)
        ($Link.AdminState -eq 'Up') | Should -Be (Test-OracleUp $Oracle) -Because "$($Oracle.ifname) flags are $($Oracle.flags -join ',')"
        if ($Link.Kind -eq 'veth') { $Link.PeerIndex | Should -Be (Get-OraclePeerIndex $Oracle -Namespace $Namespace) }
        if ($WithState) { $Link.State.ToString().ToUpperInvariant() | Should -BeExactly $Oracle.operstate }
    }
}

Describe 'New-VethPair' {
    BeforeEach {
        $ns = New-TestName vp
        Invoke-Ip netns add $ns
        $hostLinks = [System.Collections.Generic.List[string]]::new()
        $namespaces = [System.Collections.Generic.List[string]]::new()
        $namespaces.Add($ns)
    }
    AfterEach {
        Remove-OracleNamespace $namespaces
        Remove-OracleLink $hostLinks
    }

    It 'creates the peer as eth0 directly inside -PeerNamespace, the host end in the host, linked across' {
        $name = New-TestName vh
        $hostLinks.Add($name)
        $hostBefore = Get-OracleLinkName

        $pair = New-VethPair -Name $name -PeerName eth0 -PeerNamespace $ns

        $hostEnd = Get-OracleLink -Name $name
        $peer = Get-OracleLink -Namespace $ns -Name eth0
        $hostEnd | Should -Not -BeNullOrEmpty
        $peer | Should -Not -BeNullOrEmpty
        $hostEnd.linkinfo.info_kind | Should -BeExactly 'veth'
        $peer.linkinfo.info_kind | Should -BeExactly 'veth'
        # Each end points at the other, across namespaces (link-netns set on both sides).
        $hostEnd.link_index | Should -Be $peer.ifindex
        $peer.link_index | Should -Be $hostEnd.ifindex
        $hostEnd.PSObject.Properties.Name | Should -Contain 'link_netnsid'
        $peer.PSObject.Properties.Name | Should -Contain 'link_netnsid'
        # Only the host end was added to the host; the namespace holds lo and eth0.
        Get-OracleLinkName | Should -Be (@($hostBefore) + $name)
        Get-OracleLinkName -Namespace $ns | Should -Be @('lo', 'eth0')
        # The returned object describes what the kernel made.
        $pair.Name | Should -BeExactly $name
        $pair.Namespace | Should -BeExactly ''
        $pair.Index | Should -Be $hostEnd.ifindex
        $pair.PeerName | Should -BeExactly 'eth0'
        $pair.PeerNamespace | Should -BeExactly $ns
        $pair.PeerIndex | Should -Be $peer.ifindex
        $pair.MacAddress | Should -BeExactly $hostEnd.address
        $pair.PeerMacAddress | Should -BeExactly $peer.address
        $pair.Mtu | Should -Be $hostEnd.mtu
    }

    It 'creates the peer in place: it works while the host already has a link named like the peer' {
        # Creating the peer in the host and moving it afterwards would collide with the host's eth0.
        $hostEth0Peer = New-TestName ve0
        $hostLinks.AddRange([string[]]@('eth0', $hostEth0Peer))
        Invoke-Ip link add eth0 type veth peer name $hostEth0Peer
        $name = New-TestName vh
        $hostLinks.Add($name)

        $null = New-VethPair -Name $name -PeerName eth0 -PeerNamespace $ns

        Get-OracleLinkName -Namespace $ns | Should -Be @('lo', 'eth0')
        (Get-OracleLink -Name $name).link_index | Should -Be (Get-OracleLink -Namespace $ns -Name eth0).ifindex
        (Get-OracleLink -Name eth0).link | Should -BeExactly $hostEth0Peer
    }

    It '-Up brings both ends up' {
        $name = New-TestName vup
        $hostLinks.Add($name)

        $pair = New-VethPair -Name $name -PeerName eth0 -PeerNamespace $ns -Up

        Test-OracleUp (Get-OracleLink -Name $name) | Should -BeTrue
        Test-OracleUp (Get-OracleLink -Namespace $ns -Name eth0) | Should -BeTrue
        $pair.AdminState | Should -Be 'Up'
        # With both ends up the carrier comes: the link really works.
        Wait-Oracle { (Get-OracleLink -Name $name).operstate -eq 'UP' -and (Get-OracleLink -Namespace $ns -Name eth0).operstate -eq 'UP' } |
            Should -BeTrue -Because 'both ends are up, so the carrier must come'
    }

    It '-Bridge makes the first end an up port of the bridge, a pure port without IPv6 addresses; the peer keeps its link-local' {
        $bridge = New-TestName vbr
        $name = New-TestName vbp
        $control = New-TestName vbc
        $hostLinks.Add($name); $hostLinks.Add($control); $hostLinks.Add($bridge)
        Invoke-Ip link add $bridge type bridge
        Invoke-Ip link set $bridge up
        $controlNs = New-TestName vbn
        $namespaces.Add($controlNs)
        Invoke-Ip netns add $controlNs

        $pair = New-VethPair -Name $name -PeerName eth0 -PeerNamespace $ns -Bridge $bridge -Up
        # The control: the same pair without -Bridge, so its host end gets the kernel's default.
        $null = New-VethPair -Name $control -PeerName eth0 -PeerNamespace $controlNs -Up

        $pair.Bridge | Should -BeExactly $bridge
        $hostEnd = Get-OracleLink -Name $name
        $hostEnd.master | Should -BeExactly $bridge
        Test-OracleUp $hostEnd | Should -BeTrue
        $hostEnd.inet6_addr_gen_mode | Should -BeExactly 'none'
        (Get-OracleLink -Name $control).inet6_addr_gen_mode | Should -Not -BeExactly 'none'
        (Get-OracleLink -Namespace $ns -Name eth0).inet6_addr_gen_mode | Should -Not -BeExactly 'none'
        # Once the carrier is up the kernel gives link-locals: to the peer and to the control's host
        # end, never to the port.
        Wait-Oracle { @(Get-OracleAddress -Namespace $ns -Interface eth0 -Family IPv6 | Where-Object { Test-OracleLinkLocal $_.local }).Count -eq 1 } |
            Should -BeTrue -Because 'the peer in the container keeps its IPv6 link-local address'
        Wait-Oracle { @(Get-OracleAddress -Interface $control -Family IPv6 | Where-Object { Test-OracleLinkLocal $_.local }).Count -eq 1 } |
            Should -BeTrue -Because 'a veth end that is no bridge port gets a link-local address as usual'
        @(Get-OracleAddress -Interface $name -Family IPv6) | Should -BeNullOrEmpty
        Get-Content -LiteralPath "/proc/sys/net/ipv6/conf/$name/addr_gen_mode" | Should -Be '1'
    }

    It 'leaves both ends down without -Up' {
        $name = New-TestName vdn
        $hostLinks.Add($name)

        $pair = New-VethPair -Name $name -PeerName eth0 -PeerNamespace $ns

        Test-OracleUp (Get-OracleLink -Name $name) | Should -BeFalse
        Test-OracleUp (Get-OracleLink -Namespace $ns -Name eth0) | Should -BeFalse
        $pair.AdminState | Should -Be 'Down'
    }

    It 'applies -Mtu to both ends and -MacAddress/-PeerMacAddress to each' {
        $name = New-TestName vmtu
        $hostLinks.Add($name)

        $pair = New-VethPair -Name $name -PeerName eth0 -PeerNamespace $ns -Mtu 1400 -MacAddress 02:aa:bb:cc:dd:01 -PeerMacAddress '02-AA-BB-CC-DD-02'

        $hostEnd = Get-OracleLink -Name $name
        $peer = Get-OracleLink -Namespace $ns -Name eth0
        $hostEnd.mtu | Should -Be 1400
        $peer.mtu | Should -Be 1400
        $hostEnd.address | Should -BeExactly '02:aa:bb:cc:dd:01'
        $peer.address | Should -BeExactly '02:aa:bb:cc:dd:02'
        $pair.Mtu | Should -Be 1400
        $pair.MacAddress | Should -BeExactly '02:aa:bb:cc:dd:01'
        $pair.PeerMacAddress | Should -BeExactly '02:aa:bb:cc:dd:02'
    }

    It 'creates each end with one transmit and one receive queue, where the kernel alone would give one per CPU' {
        $name = New-TestName vq1
        $control = New-TestName vqc
        $hostLinks.Add($name)
        $hostLinks.Add($control)
        # The control pair is made by ip without queue counts: the kernel's own allocation.
        Invoke-Ip link add $control type veth peer name "${control}p"
        # veth's default is one queue per possible CPU (/sys/devices/system/cpu/possible, e.g. "0-1").
        $possible = (Get-Content -Raw /sys/devices/system/cpu/possible).Trim() -split ',' | ForEach-Object {
            $first, $last = $_ -split '-'; if ($last) { [int]$last - [int]$first + 1 } else { 1 } }
        $cpus = ($possible | Measure-Object -Sum).Sum

        $null = New-VethPair -Name $name -PeerName eth0 -PeerNamespace $ns

        foreach ($end in (Get-OracleLink -Name $name), (Get-OracleLink -Namespace $ns -Name eth0)) {
            $end.num_tx_queues | Should -Be 1
            $end.num_rx_queues | Should -Be 1
        }
        (Get-OracleLink -Name $control).num_tx_queues | Should -Be $cpus
        # All allocated queues are active: sysfs lists one tx and one rx queue directory.
        @(Get-ChildItem -Name "/sys/class/net/$name/queues") | Sort-Object | Should -Be @('rx-0', 'tx-0')
    }

    It '-QueueCount gives both ends that many queues, all active' {
        $name = New-TestName vq4
        $hostLinks.Add($name)

        $null = New-VethPair -Name $name -PeerName eth0 -PeerNamespace $ns -QueueCount 4

        foreach ($end in (Get-OracleLink -Name $name), (Get-OracleLink -Namespace $ns -Name eth0)) {
            $end.num_tx_queues | Should -Be 4
            $end.num_rx_queues | Should -Be 4
        }
        @(Get-ChildItem -Name "/sys/class/net/$name/queues" -Filter 'tx-*').Count | Should -Be 4
        @(Get-ChildItem -Name "/sys/class/net/$name/queues" -Filter 'rx-*').Count | Should -Be 4
    }

    It 'gives each end a random unicast, locally administered MAC when none is given' {
        $name = New-TestName vmac
        $hostLinks.Add($name)

        $null = New-VethPair -Name $name -PeerName eth0 -PeerNamespace $ns

        foreach ($mac in (Get-OracleLink -Name $name).address, (Get-OracleLink -Namespace $ns -Name eth0).address) {
            $first = [Convert]::ToByte($mac.Substring(0, 2), 16)
            ($first -band 1) | Should -Be 0 -Because "$mac must be unicast"
            ($first -band 2) | Should -Be 2 -Because "$mac must be locally administered"
        }
    }

    It 'creates both ends in the host when no namespace is given' {
        $name = New-TestName vha
        $peerName = New-TestName vhb
        $hostLinks.Add($name)

        $pair = New-VethPair $name $peerName

        $a = Get-OracleLink -Name $name
        $b = Get-OracleLink -Name $peerName
        $a.link | Should -BeExactly $peerName
        $b.link | Should -BeExactly $name
        Get-OraclePeerIndex $a | Should -Be $b.ifindex
        $a.PSObject.Properties.Name | Should -Not -Contain 'link_netnsid'
        $pair.PeerNamespace | Should -BeExactly ''
        $pair.PeerIndex | Should -Be $b.ifindex
    }

    It 'creates the first end inside -Namespace and the peer inside -PeerNamespace' {
        $other = New-TestName vpo
        $namespaces.Add($other)
        Invoke-Ip netns add $other
        $hostNames = Get-OracleLinkName

        $pair = New-VethPair -Name veth-a -PeerName veth-b -Namespace $ns -PeerNamespace $other -Up

        Get-OracleLinkName | Should -Be $hostNames
        $a = Get-OracleLink -Namespace $ns -Name veth-a
        $b = Get-OracleLink -Namespace $other -Name veth-b
        $a.link_index | Should -Be $b.ifindex
        $b.link_index | Should -Be $a.ifindex
        Test-OracleUp $a | Should -BeTrue
        Test-OracleUp $b | Should -BeTrue
        $pair.Namespace | Should -BeExactly $ns
        $pair.PeerNamespace | Should -BeExactly $other
        $pair.Index | Should -Be $a.ifindex
    }

    It '-WhatIf creates nothing' {
        $name = New-TestName vwi
        $hostLinks.Add($name)
        $before = Get-OracleSnapshot

        $pair = New-VethPair -Name $name -PeerName eth0 -PeerNamespace $ns -Up -WhatIf

        $pair | Should -BeNullOrEmpty
        Get-OracleSnapshot | Should -BeExactly $before
    }
}

Describe 'Get-NetLink' {
    BeforeAll {
        $ns = New-TestName gl
        $hostA = New-TestName gla
        $hostB = New-TestName glb
        $inHost = New-TestName glc
        Invoke-Ip netns add $ns
        Invoke-Ip -n $ns link set lo up
        Invoke-Ip link add $hostA mtu 1450 address 02:11:22:33:44:55 type veth peer name eth0 netns $ns
        Invoke-Ip link add $hostB type veth peer name eth1 netns $ns
        Invoke-Ip link add $inHost type veth peer name "$inHost-p"
        Invoke-Ip -n $ns link set eth1 up
    }
    AfterAll {
        Remove-OracleNamespace $ns
        Remove-OracleLink $hostA, $hostB, $inHost
    }

    It 'lists the host''s links as ip -d -j link shows them (name, index, mtu, mac, kind, state)' {
        $links = @(Get-NetLink)
        $oracle = @(Get-OracleLink)

        $links.Name | Should -Be $oracle.ifname
        for ($i = 0; $i -lt $oracle.Count; $i++) {
            Assert-LinkMatchesOracle -Link $links[$i] -Oracle $oracle[$i] -Namespace ''
        }
        ($links | Where-Object Name -EQ $hostA).Mtu | Should -Be 1450
        ($links | Where-Object Name -EQ $hostA).MacAddress | Should -BeExactly '02:11:22:33:44:55'
        ($links | Where-Object Name -EQ 'lo').Kind | Should -BeExactly 'loopback'
    }

    It 'lists a namespace''s links with -Namespace, as ip -n NS shows them' {
        $null = Wait-Oracle { (Get-OracleLink -Namespace $ns -Name eth1).operstate -ne 'UNKNOWN' }
        $links = @(Get-NetLink -Namespace $ns)
        $oracle = @(Get-OracleLink -Namespace $ns)

        $links.Name | Should -Be @('lo', 'eth0', 'eth1')
        $links.Name | Should -Be $oracle.ifname
        for ($i = 0; $i -lt $oracle.Count; $i++) {
            Assert-LinkMatchesOracle -Link $links[$i] -Oracle $oracle[$i] -Namespace $ns -WithState
        }
    }

    It 'filters by -Name with wildcards, each link once' {
        $stem = 'gl'
        $result = @(Get-NetLink -Name "$stem*", $hostA)

        $expected = @(Get-OracleLinkName | Where-Object { $_ -like "$stem*" })
        $result.Name | Should -Be $expected
        $result.Name | Should -Contain $hostA
        $result.Name | Should -Contain $hostB
    }

    It 'returns the one link for an exact -Name, inside a namespace too' {
        $link = Get-NetLink -Name eth0 -Namespace $ns

        @($link).Count | Should -Be 1
        Assert-LinkMatchesOracle -Link $link -Oracle (Get-OracleLink -Namespace $ns -Name eth0) -Namespace $ns
        $link.PeerIndex | Should -Be (Get-OracleLink -Name $hostA).ifindex
    }

    It 'filters by -Kind' {
        $veths = @(Get-NetLink -Kind veth)
        $loopback = @(Get-NetLink -Namespace $ns -Kind loopback)

        $veths.Name | Should -Be @(Get-OracleLink | Where-Object { $_.linkinfo.info_kind -eq 'veth' } | ForEach-Object ifname)
        $veths.Name | Should -Contain $inHost
        $veths.Name | Should -Not -Contain 'lo'
        $loopback.Name | Should -Be @('lo')
    }

    It 'takes -Name and -Namespace from the pipeline by property name' {
        $result = @([pscustomobject]@{ Name = 'eth*'; Namespace = $ns } | Get-NetLink)

        $result.Name | Should -Be @('eth0', 'eth1')
        $result.Namespace | Sort-Object -Unique | Should -BeExactly $ns
    }
}

Describe 'Set-NetLink' {
    BeforeEach {
        $ns = New-TestName sl
        $name = New-TestName sla
        $peerName = New-TestName slb
        Invoke-Ip netns add $ns
        Invoke-Ip link add $name type veth peer name $peerName
        $hostLinks = [System.Collections.Generic.List[string]]::new()
        $hostLinks.AddRange([string[]]@($name, $peerName))
    }
    AfterEach {
        Remove-OracleNamespace $ns
        Remove-OracleLink $hostLinks
    }

    It 'brings a link up and down (-State)' {
        Set-NetLink -Name $name -State Up
        Test-OracleUp (Get-OracleLink -Name $name) | Should -BeTrue
        Test-OracleUp (Get-OracleLink -Name $peerName) | Should -BeFalse

        Set-NetLink -Name $name -State Down
        Test-OracleUp (Get-OracleLink -Name $name) | Should -BeFalse
    }

    It 'sets the MTU' {
        Set-NetLink -Name $name -Mtu 1280

        (Get-OracleLink -Name $name).mtu | Should -Be 1280
        (Get-OracleLink -Name $peerName).mtu | Should -Be 1500
    }

    It 'renames the link, keeping its index (-NewName)' {
        $index = (Get-OracleLink -Name $name).ifindex
        $newName = New-TestName slr
        $hostLinks.Add($newName)

        Set-NetLink -Name $name -NewName $newName

        Get-OracleLinkName | Should -Not -Contain $name
        (Get-OracleLink -Name $newName).ifindex | Should -Be $index
    }

    It 'sets the MAC address' {
        Set-NetLink -Name $name -MacAddress 02:de:ad:be:ef:01

        (Get-OracleLink -Name $name).address | Should -BeExactly '02:de:ad:be:ef:01'
    }

    It 'moves a link into another namespace (-DestinationNamespace), and -PassThru shows it there' {
        $mac = (Get-OracleLink -Name $peerName).address

        $moved = Set-NetLink -Name $peerName -DestinationNamespace $ns -PassThru

        Get-OracleLinkName | Should -Not -Contain $peerName
        $inside = Get-OracleLink -Namespace $ns -Name $peerName
        $inside.address | Should -BeExactly $mac
        $inside.link_index | Should -Be (Get-OracleLink -Name $name).ifindex
        Assert-LinkMatchesOracle -Link $moved -Oracle $inside -Namespace $ns
    }

    It 'moves a link from one namespace to another and renames it in the same call' {
        $other = New-TestName slo
        Invoke-Ip netns add $other
        try {
            Invoke-Ip link set $peerName netns $ns
            $mac = (Get-OracleLink -Namespace $ns -Name $peerName).address

            $moved = Set-NetLink -Name $peerName -Namespace $ns -DestinationNamespace $other -NewName eth0 -PassThru

            Get-OracleLinkName -Namespace $ns | Should -Be @('lo')
            $inside = Get-OracleLink -Namespace $other -Name eth0
            $inside.address | Should -BeExactly $mac
            $inside.link_index | Should -Be (Get-OracleLink -Name $name).ifindex
            Assert-LinkMatchesOracle -Link $moved -Oracle $inside -Namespace $other
        }
        finally { Remove-OracleNamespace $other }
    }

    It 'changes a link inside a namespace (-Namespace)' {
        Invoke-Ip link set $peerName netns $ns

        Set-NetLink -Name $peerName -Namespace $ns -State Up -Mtu 9000

        $inside = Get-OracleLink -Namespace $ns -Name $peerName
        Test-OracleUp $inside | Should -BeTrue
        $inside.mtu | Should -Be 9000
    }

    It 'applies several changes in one call and -PassThru returns the link as it is afterwards' {
        $newName = New-TestName slm
        $hostLinks.Add($newName)

        $result = Set-NetLink -Name $name -State Up -Mtu 1400 -NewName $newName -MacAddress 02:00:00:00:00:aa -PassThru

        $oracle = Get-OracleLink -Name $newName
        $oracle.mtu | Should -Be 1400
        $oracle.address | Should -BeExactly '02:00:00:00:00:aa'
        Test-OracleUp $oracle | Should -BeTrue
        Assert-LinkMatchesOracle -Link $result -Oracle $oracle -Namespace ''
    }

    It 'writes nothing without -PassThru' {
        Set-NetLink -Name $name -Mtu 1300 | Should -BeNullOrEmpty
        (Get-OracleLink -Name $name).mtu | Should -Be 1300
    }

    It '-WhatIf changes nothing' {
        $before = Get-OracleSnapshot

        Set-NetLink -Name $name -State Up -Mtu 1400 -NewName (New-TestName slw) -DestinationNamespace $ns -WhatIf

        Get-OracleSnapshot | Should -BeExactly $before
    }
}

Describe 'Set-NetLink with several names' {
    BeforeAll {
        # 12 pairs inside one namespace: more than the 8 names that are looked up one by one, so the
        # batch finds them with one listing.
        $ns = New-TestName sm
        Invoke-Ip netns add $ns
        $names = [string[]] @(1..12 | ForEach-Object { "a$_" })
        $names | ForEach-Object { Invoke-Ip -n $ns link add $_ type veth peer name "b$($_.Substring(1))" }
    }
    AfterAll { Remove-OracleNamespace $ns }
    AfterEach { $names | ForEach-Object { Invoke-Ip -n $ns link set $_ down mtu 1500 } }

    It 'brings every named link up in one call and leaves the others alone' {
        Set-NetLink -Namespace $ns -Name $names -State Up

        foreach ($name in $names) { Test-OracleUp (Get-OracleLink -Namespace $ns -Name $name) | Should -BeTrue -Because $name }
        Test-OracleUp (Get-OracleLink -Namespace $ns -Name b1) | Should -BeFalse
    }

    It 'uses lookups one by one for a few names (<Count> names)' -ForEach @(@{ Count = 2 }, @{ Count = 8 }) {
        $few = $names[0..($Count - 1)]

        $result = Set-NetLink -Namespace $ns -Name $few -Mtu 1400 -PassThru

        $result.Name | Should -Be $few
        foreach ($name in $few) { (Get-OracleLink -Namespace $ns -Name $name).mtu | Should -Be 1400 }
        (Get-OracleLink -Namespace $ns -Name $names[$Count]).mtu | Should -Be 1500
    }

    It '-PassThru returns each link as it is afterwards, in the order given' {
        $order = [string[]] @('a3', 'a12', 'a1', 'a9', 'a2', 'a4', 'a5', 'a6', 'a7', 'a8')

        $result = Set-NetLink -Namespace $ns -Name $order -State Up -PassThru

        $result.Name | Should -Be $order
        foreach ($link in $result) {
            Assert-LinkMatchesOracle -Link $link -Oracle (Get-OracleLink -Namespace $ns -Name $link.Name) -Namespace $ns
        }
    }

    It 'reports a missing and an invalid name on their own and still changes the rest' {
        $given = [string[]] @($names + 'nosuch0', 'bad/name')

        $result = Set-NetLink -Namespace $ns -Name $given -State Up -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue

        $result.Count | Should -Be $names.Count
        $failures.Count | Should -Be 2
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinkNotFound,*'
        $failures[0].TargetObject | Should -BeExactly 'nosuch0'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[1].FullyQualifiedErrorId | Should -BeLike 'InvalidInterfaceName,*'
        foreach ($name in $names) { Test-OracleUp (Get-OracleLink -Namespace $ns -Name $name) | Should -BeTrue -Because $name }
    }

    It 'changes a name given twice once and reports it twice' {
        $result = Set-NetLink -Namespace $ns -Name a1, a2, a1 -State Up -PassThru

        $result.Name | Should -Be @('a1', 'a2', 'a1')
        Test-OracleUp (Get-OracleLink -Namespace $ns -Name a1) | Should -BeTrue
    }

    It 'refuses a new name or MAC address for several links, before anything changes (<Parameter>)' -ForEach @(
        @{ Parameter = 'NewName'; Value = 'x1' }
        @{ Parameter = 'MacAddress'; Value = '02:00:00:00:00:01' }
    ) {
        $before = Get-OracleSnapshot
        $arguments = @{ Namespace = $ns; Name = [string[]] @('a1', 'a2'); $Parameter = $Value }

        { Set-NetLink @arguments } | Should -Throw -ErrorId 'OneLinkOnly,ContainerNet.Commands.SetNetLinkCommand'
        { Set-NetLink @arguments -WhatIf } | Should -Throw -ErrorId 'OneLinkOnly,ContainerNet.Commands.SetNetLinkCommand'

        Get-OracleSnapshot | Should -BeExactly $before
    }

    It '-WhatIf with several names changes nothing' {
        $before = Get-OracleSnapshot

        Set-NetLink -Namespace $ns -Name $names -State Up -Mtu 1400 -WhatIf

        Get-OracleSnapshot | Should -BeExactly $before
    }

    It 'an out-of-range MTU fails before the kernel is asked' {
        $before = Get-OracleSnapshot

        { Set-NetLink -Namespace $ns -Name $names -Mtu 20 } | Should -Throw -ErrorId 'InvalidMtu,ContainerNet.Commands.SetNetLinkCommand'

        Get-OracleSnapshot | Should -BeExactly $before
    }
}

Describe 'Remove-NetLink' {
    BeforeEach {
        $ns = New-TestName rl
        Invoke-Ip netns add $ns
        $hostLinks = [System.Collections.Generic.List[string]]::new()
    }
    AfterEach {
        Remove-OracleNamespace $ns
        Remove-OracleLink $hostLinks
    }

    It 'removes both ends of a veth pair in the host' {
        $a = New-TestName rla
        $b = New-TestName rlb
        $hostLinks.AddRange([string[]]@($a, $b))
        Invoke-Ip link add $a type veth peer name $b

        Remove-NetLink -Name $a

        $names = Get-OracleLinkName
        $names | Should -Not -Contain $a
        $names | Should -Not -Contain $b
    }

    It 'removes a veth end inside a namespace, and its host end goes with it' {
        $hostEnd = New-TestName rlh
        $hostLinks.Add($hostEnd)
        Invoke-Ip link add $hostEnd type veth peer name eth0 netns $ns

        Remove-NetLink -Name eth0 -Namespace $ns

        Get-OracleLinkName -Namespace $ns | Should -Be @('lo')
        Get-OracleLinkName | Should -Not -Contain $hostEnd
    }

    It 'removes the host end of a pair whose peer is in a namespace' {
        $hostEnd = New-TestName rlh
        $hostLinks.Add($hostEnd)
        Invoke-Ip link add $hostEnd type veth peer name eth0 netns $ns

        Remove-NetLink $hostEnd

        Get-OracleLinkName | Should -Not -Contain $hostEnd
        Get-OracleLinkName -Namespace $ns | Should -Be @('lo')
    }

    It 'removes the links piped from Get-NetLink, in their namespace only' {
        $names = 1..3 | ForEach-Object { New-TestName rlp }
        foreach ($n in $names) {
            $hostLinks.Add("$n-h")
            Invoke-Ip link add "$n-h" type veth peer name $n netns $ns
        }
        # The host has a link of the same name as one inside: it must stay.
        $hostLinks.AddRange([string[]]@($names[0], "$($names[0])-q"))
        Invoke-Ip link add $names[0] type veth peer name "$($names[0])-q"

        Get-NetLink -Namespace $ns -Kind veth | Remove-NetLink

        Get-OracleLinkName -Namespace $ns | Should -Be @('lo')
        $hostNames = Get-OracleLinkName
        foreach ($n in $names) { $hostNames | Should -Not -Contain "$n-h" }
        $hostNames | Should -Contain $names[0]
        $hostNames | Should -Contain "$($names[0])-q"
    }

    It 'removes both ends of pairs piped together, without reporting the end that went along' {
        $stem = New-TestName rlq
        $hostLinks.AddRange([string[]]@("${stem}a", "${stem}b", "${stem}c", "${stem}d"))
        Invoke-Ip link add "${stem}a" type veth peer name "${stem}b"
        Invoke-Ip link add "${stem}c" type veth peer name "${stem}d"

        Get-NetLink -Name "$stem*" | Remove-NetLink -ErrorVariable failures

        $failures | Should -BeNullOrEmpty
        @(Get-OracleLinkName | Where-Object { $_ -like "$stem*" }) | Should -BeNullOrEmpty
    }

    It 'reports a missing name as LinkNotFound and goes on with the others' {
        $missing = New-TestName rlm
        $a = New-TestName rlx
        $hostLinks.Add($a)
        Invoke-Ip link add $a type veth peer name "$a-p"

        Remove-NetLink -Name $missing, $a -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'LinkNotFound,ContainerNet.Commands.RemoveNetLinkCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -BeExactly $missing
        Get-OracleLinkName | Should -Not -Contain $a
    }

    It '-WhatIf removes nothing' {
        $a = New-TestName rlw
        $hostLinks.Add($a)
        Invoke-Ip link add $a type veth peer name "$a-p"
        $before = Get-OracleSnapshot

        Remove-NetLink -Name $a -WhatIf

        Get-OracleSnapshot | Should -BeExactly $before
    }
}
