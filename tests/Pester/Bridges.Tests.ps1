# Bridges: New-NetBridge, Add-BridgePort, Get-BridgePort and Remove-BridgePort, each checked against
# `ip -d -j link` (kind, master, info_slave_data) and `bridge -d -j link` (port state and options), in
# the host and inside namespaces. Traffic through bridges is proved in Topology.Tests.ps1.

BeforeAll {
    . $PSScriptRoot/Sandbox.ps1
    Assert-ContainerNetSandbox
    Import-Module ($env:CONTAINERNET_MODULE_PATH ?? "$PSScriptRoot/../../out/ContainerNet") -Force
    . $PSScriptRoot/TestHelpers.ps1

    function Assert-PortMatchesOracle {
        <# One BridgePort object against `bridge -d -j link` and `ip -d -j link` for the same port. #>
        param($Port, [string]$Namespace)
        $oracle = Get-OracleBridgePort -Namespace $Namespace -Name $Port.Interface
        $oracle | Should -Not -BeNullOrEmpty -Because "bridge link must list $($Port.Interface) as a port"
        $link = Get-OracleLink -Namespace $Namespace -Name $Port.Interface
        $Port.Namespace | Should -BeExactly $Namespace
        $Port.Bridge | Should -BeExactly $oracle.master
        $Port.InterfaceIndex | Should -Be $link.ifindex
        $Port.Isolated | Should -Be $oracle.isolated
        $Port.Hairpin | Should -Be $oracle.hairpin
        $Port.Learning | Should -Be $oracle.learning
    }
}

Describe 'New-NetBridge' {
    BeforeEach {
        $ns = New-TestName nb
        Invoke-Ip netns add $ns
        $hostLinks = [System.Collections.Generic.List[string]]::new()
    }
    AfterEach {
        Remove-OracleNamespace $ns
        Remove-OracleLink $hostLinks
    }

    It 'has the parameters of the contract' {
        $parameters = (Get-Command New-NetBridge).Parameters
        foreach ($name in 'Name', 'Namespace', 'Mtu', 'MacAddress', 'Up', 'WhatIf', 'Confirm') {
            $parameters.Keys | Should -Contain $name
        }
        $parameters.Name.Attributes.Where({ $_ -is [Parameter] }).Mandatory | Should -Contain $true
        (Get-Command New-NetBridge).OutputType.Name | Should -Contain 'ContainerNet.Core.Links.NetLink'
    }

    It 'creates a bridge in the host, down, and returns it as the oracle shows it' {
        $name = New-TestName br
        $hostLinks.Add($name)
        $before = Get-OracleLinkName

        $bridge = New-NetBridge -Name $name

        $oracle = Get-OracleLink -Name $name
        $oracle | Should -Not -BeNullOrEmpty
        $oracle.linkinfo.info_kind | Should -BeExactly 'bridge'
        Test-OracleUp $oracle | Should -BeFalse
        Get-OracleLinkName | Should -Be (@($before) + $name)
        $bridge.Name | Should -BeExactly $name
        $bridge.Kind | Should -BeExactly 'bridge'
        $bridge.Namespace | Should -BeExactly ''
        $bridge.Index | Should -Be $oracle.ifindex
        $bridge.Mtu | Should -Be $oracle.mtu
        $bridge.MacAddress | Should -BeExactly $oracle.address
        $bridge.AdminState | Should -Be 'Down'
        Get-OracleLinkName -Namespace $ns | Should -Be @('lo')
    }

    It '-Up brings it up in the same call' {
        $name = New-TestName bru
        $hostLinks.Add($name)

        $bridge = New-NetBridge -Name $name -Up

        Test-OracleUp (Get-OracleLink -Name $name) | Should -BeTrue
        $bridge.AdminState | Should -Be 'Up'
    }

    It 'applies -Mtu and -MacAddress' {
        $name = New-TestName brm
        $hostLinks.Add($name)

        $bridge = New-NetBridge -Name $name -Mtu 1400 -MacAddress 02:42:ac:11:00:01

        $oracle = Get-OracleLink -Name $name
        $oracle.mtu | Should -Be 1400
        $oracle.address | Should -BeExactly '02:42:ac:11:00:01'
        $bridge.Mtu | Should -Be 1400
        $bridge.MacAddress | Should -BeExactly '02:42:ac:11:00:01'
    }

    It 'creates the bridge inside -Namespace only' {
        $hostBefore = Get-OracleLinkName

        $bridge = New-NetBridge -Name cn0 -Namespace $ns -Up

        Get-OracleLinkName | Should -Be $hostBefore
        $oracle = Get-OracleLink -Namespace $ns -Name cn0
        $oracle.linkinfo.info_kind | Should -BeExactly 'bridge'
        Test-OracleUp $oracle | Should -BeTrue
        $bridge.Namespace | Should -BeExactly $ns
        $bridge.Index | Should -Be $oracle.ifindex
    }

    It 'takes -Name and -Namespace from the pipeline by property name' {
        $result = @([pscustomobject]@{ Name = 'cn1'; Namespace = $ns }, [pscustomobject]@{ Name = 'cn2'; Namespace = $ns } | New-NetBridge)

        $result.Name | Should -Be @('cn1', 'cn2')
        foreach ($n in 'cn1', 'cn2') { (Get-OracleLink -Namespace $ns -Name $n).linkinfo.info_kind | Should -BeExactly 'bridge' }
    }

    It '-WhatIf creates nothing' {
        $name = New-TestName brw
        $hostLinks.Add($name)
        $before = Get-OracleSnapshot

        $bridge = New-NetBridge -Name $name -Up -WhatIf

        $bridge | Should -BeNullOrEmpty
        Get-OracleSnapshot | Should -BeExactly $before
    }
}

Describe 'Add-BridgePort' {
    BeforeEach {
        $ns = New-TestName ab
        $bridge = New-TestName abr
        $other = New-TestName abo
        Invoke-Ip netns add $ns
        Invoke-Ip link add $bridge type bridge
        Invoke-Ip link add $other type bridge
        Invoke-Ip link set $bridge up
        $hostLinks = [System.Collections.Generic.List[string]]::new()
        $hostLinks.AddRange([string[]]@($bridge, $other))

        $namespaces = [System.Collections.Generic.List[string]]::new()
        $namespaces.Add($ns)

        function New-HostEnd {
            <# A veth whose peer is eth0 in a namespace of its own, both ends up (a container's link). #>
            $name = New-TestName abv
            $peerNs = "$name-ns"
            $namespaces.Add($peerNs)
            $hostLinks.Add($name)
            Invoke-Ip netns add $peerNs
            Invoke-Ip link add $name type veth peer name eth0 netns $peerNs
            Invoke-Ip link set $name up
            Invoke-Ip -n $peerNs link set eth0 up
            $name
        }
    }
    AfterEach {
        Remove-OracleNamespace $namespaces
        Remove-OracleLink $hostLinks
    }

    It 'has the parameters of the contract, Interface taking Name from the pipeline' {
        $command = Get-Command Add-BridgePort
        foreach ($name in 'Bridge', 'Interface', 'Namespace', 'Isolated', 'Hairpin', 'DisableLearning', 'WhatIf', 'Confirm') {
            $command.Parameters.Keys | Should -Contain $name
        }
        $command.Parameters.Interface.Aliases | Should -Contain 'Name'
        $command.Parameters.Interface.ParameterType | Should -Be ([string[]])
        $command.OutputType.Name | Should -Contain 'ContainerNet.Core.Bridges.BridgePort'
    }

    It 'enslaves the interface: ip link shows the master, bridge link the port with default options' {
        $name = New-HostEnd

        $port = Add-BridgePort -Bridge $bridge -Interface $name

        (Get-OracleLink -Name $name).master | Should -BeExactly $bridge
        $oracle = Get-OracleBridgePort -Name $name
        $oracle.master | Should -BeExactly $bridge
        # The kernel's defaults: learning on, hairpin and isolation off.
        $oracle.isolated | Should -BeFalse
        $oracle.hairpin | Should -BeFalse
        $oracle.learning | Should -BeTrue
        $port.Bridge | Should -BeExactly $bridge
        $port.Interface | Should -BeExactly $name
        Assert-PortMatchesOracle -Port $port -Namespace ''
        # The other bridge got nothing.
        @(Get-OracleLink | Where-Object master -EQ $other) | Should -BeNullOrEmpty
    }

    It '-Isolated sets IFLA_BRPORT_ISOLATED, nothing else' {
        $name = New-HostEnd

        $port = Add-BridgePort -Bridge $bridge -Interface $name -Isolated

        $oracle = Get-OracleBridgePort -Name $name
        $oracle.isolated | Should -BeTrue
        $oracle.hairpin | Should -BeFalse
        $oracle.learning | Should -BeTrue
        $port.Isolated | Should -BeTrue
        Assert-PortMatchesOracle -Port $port -Namespace ''
    }

    It '-Hairpin and -DisableLearning set hairpin on and learning off' {
        $name = New-HostEnd

        $port = Add-BridgePort -Bridge $bridge -Interface $name -Hairpin -DisableLearning

        $oracle = Get-OracleBridgePort -Name $name
        $oracle.hairpin | Should -BeTrue
        $oracle.learning | Should -BeFalse
        $oracle.isolated | Should -BeFalse
        (Get-OracleLink -Name $name).linkinfo.info_slave_data.hairpin | Should -BeTrue
        $port.Hairpin | Should -BeTrue
        $port.Learning | Should -BeFalse
        Assert-PortMatchesOracle -Port $port -Namespace ''
    }

    It 'takes VethPair objects from New-VethPair down the pipeline' {
        $peerNs = New-TestName abp
        $namespaces.Add($peerNs)
        Invoke-Ip netns add $peerNs
        $name = New-TestName abq
        $hostLinks.Add($name)

        $port = New-VethPair -Name $name -PeerName eth0 -PeerNamespace $peerNs -Up | Add-BridgePort -Bridge $bridge

        (Get-OracleLink -Name $name).master | Should -BeExactly $bridge
        $port.Interface | Should -BeExactly $name
        # The peer stays inside its namespace, unenslaved.
        (Get-OracleLink -Namespace $peerNs -Name eth0).master | Should -BeNullOrEmpty
    }

    It 'takes NetLink objects from Get-NetLink, and several -Interface names at once' {
        $a = New-HostEnd
        $b = New-HostEnd
        $c = New-HostEnd

        $piped = @(Get-NetLink -Name $a | Add-BridgePort -Bridge $bridge -Isolated)
        $listed = @(Add-BridgePort -Bridge $bridge -Interface $b, $c)

        $piped.Interface | Should -Be @($a)
        $listed.Interface | Should -Be @($b, $c)
        foreach ($n in $a, $b, $c) { (Get-OracleBridgePort -Name $n).master | Should -BeExactly $bridge }
        (Get-OracleBridgePort -Name $a).isolated | Should -BeTrue
        (Get-OracleBridgePort -Name $b).isolated | Should -BeFalse
    }

    It 'attaches inside -Namespace, to a bridge of that namespace' {
        Invoke-Ip -n $ns link add cn0 type bridge
        Invoke-Ip -n $ns link add veth-a type veth peer name veth-b
        $hostPorts = @(Get-OracleBridgePort)

        $port = Add-BridgePort -Bridge cn0 -Interface veth-a -Namespace $ns -Hairpin

        (Get-OracleLink -Namespace $ns -Name veth-a).master | Should -BeExactly 'cn0'
        (Get-OracleBridgePort -Namespace $ns -Name veth-a).hairpin | Should -BeTrue
        (Get-OracleLink -Namespace $ns -Name veth-b).master | Should -BeNullOrEmpty
        Assert-PortMatchesOracle -Port $port -Namespace $ns
        @(Get-OracleBridgePort).Count | Should -Be $hostPorts.Count
    }

    It 'reports a missing interface among several as LinkNotFound and attaches the others' {
        $a = New-HostEnd
        $b = New-HostEnd
        $missing = New-TestName abm

        $ports = @(Add-BridgePort -Bridge $bridge -Interface $a, $missing, $b -ErrorAction SilentlyContinue -ErrorVariable failures)

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'LinkNotFound,ContainerNet.Commands.AddBridgePortCommand'
        $failures[0].TargetObject | Should -BeExactly $missing
        $ports.Interface | Should -Be @($a, $b)
        (Get-OracleLink -Name $a).master | Should -BeExactly $bridge
        (Get-OracleLink -Name $b).master | Should -BeExactly $bridge
    }

    It '-WhatIf attaches nothing' {
        $name = New-HostEnd
        $before = Get-OracleSnapshot

        $port = Add-BridgePort -Bridge $bridge -Interface $name -Isolated -WhatIf

        $port | Should -BeNullOrEmpty
        (Get-OracleLink -Name $name).master | Should -BeNullOrEmpty
        Get-OracleSnapshot | Should -BeExactly $before
    }
}

Describe 'Get-BridgePort' {
    BeforeAll {
        $ns = New-TestName gb
        $br1 = New-TestName gbx
        $br2 = New-TestName gby
        $p1 = New-TestName gbp
        $p2 = New-TestName gbq
        $p3 = New-TestName gbr
        $loose = New-TestName gbl
        Invoke-Ip netns add $ns
        Invoke-Ip link add $br1 up type bridge
        Invoke-Ip link add $br2 type bridge
        foreach ($p in $p1, $p2, $p3, $loose) { Invoke-Ip link add $p type veth peer name "$p-p" }
        Invoke-Ip link set $p1 master $br1
        Invoke-Ip link set $p2 master $br1
        Invoke-Ip link set $p3 master $br2
        Invoke-Ip link set dev $p2 type bridge_slave isolated on hairpin on learning off
        # A bridge inside the namespace, with the same port name as a host port.
        Invoke-Ip -n $ns link add cn0 type bridge
        Invoke-Ip -n $ns link add $p1 type veth peer name "$p1-q"
        Invoke-Ip -n $ns link set $p1 master cn0
    }
    AfterAll {
        Remove-OracleNamespace $ns
        Remove-OracleLink $br1, $br2, $p1, $p2, $p3, $loose
    }

    It 'lists every port of the host with its bridge and options, as bridge -d -j link shows them' {
        $ports = @(Get-BridgePort)
        $oracle = @(Get-OracleBridgePort)

        @($ports.Interface | Sort-Object) | Should -Be @($oracle.ifname | Sort-Object)
        $ports.Interface | Should -Not -Contain $loose
        foreach ($port in $ports) { Assert-PortMatchesOracle -Port $port -Namespace '' }
        $second = $ports | Where-Object Interface -EQ $p2
        $second.Isolated | Should -BeTrue
        $second.Hairpin | Should -BeTrue
        $second.Learning | Should -BeFalse
    }

    It 'reports the STP port state as the kernel does (Forwarding when up, Disabled when down)' {
        Invoke-Ip link set $p3 down
        Invoke-Ip link set $p1 up
        Invoke-Ip link set "$p1-p" up
        $null = Wait-Oracle { (Get-OracleBridgePort -Name $p1).state -eq 'forwarding' }

        $ports = @(Get-BridgePort)

        ($ports | Where-Object Interface -EQ $p1).State | Should -BeExactly 'Forwarding'
        ($ports | Where-Object Interface -EQ $p3).State | Should -BeExactly 'Disabled'
        foreach ($port in $ports) { $port.State.ToLowerInvariant() | Should -BeExactly (Get-OracleBridgePort -Name $port.Interface).state }
    }

    It '-Bridge lists the ports of that bridge only' {
        $ports = @(Get-BridgePort -Bridge $br1)

        $ports.Interface | Should -Be @(Get-OracleBridgePort | Where-Object master -EQ $br1 | ForEach-Object ifname)
        $ports.Interface | Should -Be @($p1, $p2)
        $ports.Bridge | Sort-Object -Unique | Should -BeExactly $br1
        @(Get-BridgePort $br2).Interface | Should -Be @($p3)
    }

    It '-Interface filters by name with wildcards' {
        $stem = $p2.Substring(0, 3)

        @(Get-BridgePort -Interface $p2).Interface | Should -Be @($p2)
        @(Get-BridgePort -Interface "$stem*").Interface | Should -Be @(Get-OracleBridgePort | Where-Object ifname -Like "$stem*" | ForEach-Object ifname)
        Get-BridgePort -Interface $loose | Should -BeNullOrEmpty
    }

    It '-Namespace lists the ports inside that namespace only' {
        $ports = @(Get-BridgePort -Namespace $ns)

        $ports.Interface | Should -Be @($p1)
        $ports[0].Bridge | Should -BeExactly 'cn0'
        Assert-PortMatchesOracle -Port $ports[0] -Namespace $ns
    }
}

Describe 'Remove-BridgePort' {
    BeforeEach {
        $ns = New-TestName rb
        $bridge = New-TestName rbr
        $names = 1..3 | ForEach-Object { New-TestName rbp }
        Invoke-Ip netns add $ns
        Invoke-Ip link add $bridge type bridge
        foreach ($n in $names) {
            Invoke-Ip link add $n type veth peer name "$n-p"
            Invoke-Ip link set $n master $bridge
        }
        $hostLinks = @($bridge) + $names
    }
    AfterEach {
        Remove-OracleNamespace $ns
        Remove-OracleLink $hostLinks
    }

    It 'has the parameters of the contract and writes nothing' {
        $command = Get-Command Remove-BridgePort
        foreach ($name in 'Bridge', 'Interface', 'Namespace', 'WhatIf', 'Confirm') { $command.Parameters.Keys | Should -Contain $name }

        $output = Remove-BridgePort -Bridge $bridge -Interface $names[0]

        $output | Should -BeNullOrEmpty
    }

    It 'detaches the interface: no master, no longer a bridge port; the link itself stays' {
        $index = (Get-OracleLink -Name $names[0]).ifindex

        Remove-BridgePort -Bridge $bridge -Interface $names[0]

        $link = Get-OracleLink -Name $names[0]
        $link.ifindex | Should -Be $index
        $link.master | Should -BeNullOrEmpty
        Get-OracleBridgePort -Name $names[0] | Should -BeNullOrEmpty
        (Get-OracleLink -Name $names[1]).master | Should -BeExactly $bridge
        (Get-OracleLink -Name $names[2]).master | Should -BeExactly $bridge
    }

    It 'takes BridgePort objects from Get-BridgePort down the pipeline' {
        Get-BridgePort -Bridge $bridge -Interface $names[0], $names[2] | Remove-BridgePort

        @(Get-OracleBridgePort | Where-Object master -EQ $bridge | ForEach-Object ifname) | Should -Be @($names[1])
    }

    It 'detaches inside -Namespace' {
        Invoke-Ip -n $ns link add cn0 type bridge
        Invoke-Ip -n $ns link add veth-a type veth peer name veth-b
        Invoke-Ip -n $ns link set veth-a master cn0

        Remove-BridgePort -Bridge cn0 -Interface veth-a -Namespace $ns

        (Get-OracleLink -Namespace $ns -Name veth-a).master | Should -BeNullOrEmpty
        @(Get-OracleBridgePort | Where-Object master -EQ $bridge).Count | Should -Be 3
    }

    It '-WhatIf detaches nothing' {
        $before = Get-OracleSnapshot

        Remove-BridgePort -Bridge $bridge -Interface $names -WhatIf

        Get-OracleSnapshot | Should -BeExactly $before
        @(Get-OracleBridgePort | Where-Object master -EQ $bridge).Count | Should -Be 3
    }
}
