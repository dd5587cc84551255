# Tab completion: namespace names from /run/netns, link names of the namespace already on the
# command line. What is offered is checked against `ip netns list` and `ip -j -n NS link`.

BeforeAll {
    . $PSScriptRoot/Sandbox.ps1
    Assert-ContainerNetSandbox
    Import-Module ($env:CONTAINERNET_MODULE_PATH ?? "$PSScriptRoot/../../out/ContainerNet") -Force
    . $PSScriptRoot/TestHelpers.ps1

    function Get-Completion {
        <# What TabExpansion2 offers at the end of the input line. #>
        param([Parameter(Mandatory)][string]$InputLine)
        $result = TabExpansion2 -inputScript $InputLine -cursorColumn $InputLine.Length
        @($result.CompletionMatches | ForEach-Object CompletionText)
    }
}

Describe 'Namespace name completion' {
    BeforeAll {
        $stem = New-TestName wcomp
        $w1 = "${stem}1"
        $w2 = "${stem}2"
        $other = New-TestName xcomp
        foreach ($n in $w1, $w2, $other) { Invoke-Ip netns add $n }
    }
    AfterAll { Remove-OracleNamespace $w1, $w2, $other }

    It 'TabExpansion2 ''Remove-NetNamespace -Name w'' offers the existing namespaces starting with w' {
        $offered = Get-Completion 'Remove-NetNamespace -Name w'

        $offered | Should -Contain $w1
        $offered | Should -Contain $w2
        $offered | Should -Not -Contain $other
        $offered | Should -Be @(Get-OracleNamespaceName | Where-Object { $_ -like 'w*' })
    }

    It 'narrows to the typed prefix, also when the word is quoted' {
        Get-Completion "Remove-NetNamespace -Name $stem" | Should -Be @($w1, $w2)
        Get-Completion "Get-NetNamespace '$w2" | Should -Be @($w2)
    }

    It 'offers nothing that does not exist' {
        Get-Completion 'Remove-NetNamespace -Name wcompnothere' | Should -BeNullOrEmpty
    }

    It 'completes -Namespace, -PeerNamespace, -DestinationNamespace and Invoke-NetNamespace -Name too' {
        Get-Completion "Get-NetLink -Namespace $stem" | Should -Be @($w1, $w2)
        Get-Completion "New-VethPair -Name a -PeerName b -PeerNamespace $stem" | Should -Be @($w1, $w2)
        Get-Completion "Set-NetLink -Name a -DestinationNamespace $stem" | Should -Be @($w1, $w2)
        Get-Completion "Invoke-NetNamespace -Name $stem" | Should -Be @($w1, $w2)
    }

    It 'no longer offers a namespace once it is removed' {
        $gone = New-TestName wgone
        Invoke-Ip netns add $gone
        Get-Completion "Remove-NetNamespace -Name $gone" | Should -Be @($gone)
        Invoke-Ip netns del $gone

        Get-Completion "Remove-NetNamespace -Name $gone" | Should -BeNullOrEmpty
    }
}

Describe 'Link name completion' {
    BeforeAll {
        $web = New-TestName web
        $hostEnd = New-TestName wh
        Invoke-Ip netns add $web
        Invoke-Ip link add $hostEnd type veth peer name eth0 netns $web
        Invoke-Ip -n $web link add inner0 type veth peer name inner1
    }
    AfterAll {
        Remove-OracleLink $hostEnd
        Remove-OracleNamespace $web
    }

    It 'TabExpansion2 ''Get-NetLink -Namespace web -Name '' offers that namespace''s links' {
        $offered = Get-Completion "Get-NetLink -Namespace $web -Name "

        $offered | Should -Be @(Get-OracleLinkName -Namespace $web)
        $offered | Should -Contain 'eth0'
        $offered | Should -Contain 'lo'
        $offered | Should -Not -Contain $hostEnd
    }

    It 'narrows to the typed prefix inside the namespace' {
        Get-Completion "Get-NetLink -Namespace $web -Name inn" | Should -Be @(Get-OracleLinkName -Namespace $web | Where-Object { $_ -like 'inn*' })
        Get-Completion "Set-NetLink -Namespace $web -Name e" | Should -Be @('eth0')
        Get-Completion "Remove-NetLink -Namespace $web -Name eth" | Should -Be @('eth0')
    }

    It 'offers the host''s links without -Namespace' {
        $offered = Get-Completion 'Get-NetLink -Name '

        $offered | Should -Be @(Get-OracleLinkName)
        $offered | Should -Contain $hostEnd
        $offered | Should -Not -Contain 'inner0'
    }

    It 'offers nothing for a namespace that does not exist' {
        Get-Completion 'Get-NetLink -Namespace nosuchnamespace -Name ' | Should -BeNullOrEmpty
    }
}

Describe 'Bridge name completion' {
    BeforeAll {
        $stem = New-TestName bcomp
        $br1 = "${stem}1"
        $br2 = "${stem}2"
        $veth = "${stem}v"
        $ns = New-TestName bcns
        Invoke-Ip link add $br1 type bridge
        Invoke-Ip link add $br2 type bridge
        Invoke-Ip link add $veth type veth peer name "${stem}w"
        Invoke-Ip netns add $ns
        Invoke-Ip -n $ns link add "${stem}n" type bridge
        Invoke-Ip -n $ns link add inner0 type veth peer name inner1
    }
    AfterAll {
        Remove-OracleLink $br1, $br2, $veth
        Remove-OracleNamespace $ns
    }

    It 'TabExpansion2 ''Add-BridgePort -Bridge '' offers the host''s bridges only, as ip -d link shows their kind' {
        $offered = Get-Completion "Add-BridgePort -Bridge $stem"

        $offered | Should -Be @($br1, $br2)
        $offered | Should -Not -Contain $veth
        Get-Completion 'Add-BridgePort -Bridge ' |
            Should -Be @(Get-OracleLink | Where-Object { $_.linkinfo.info_kind -eq 'bridge' } | ForEach-Object ifname)
    }

    It 'completes -Bridge of Get-BridgePort and Remove-BridgePort too, narrowing to the typed prefix' {
        Get-Completion "Get-BridgePort -Bridge $stem" | Should -Be @($br1, $br2)
        Get-Completion "Remove-BridgePort -Bridge ${stem}2" | Should -Be @($br2)
        Get-Completion "Get-BridgePort '$br1" | Should -Be @($br1)
    }

    It 'offers the bridges of the namespace already on the command line' {
        Get-Completion "Add-BridgePort -Namespace $ns -Bridge " | Should -Be @("${stem}n")
        Get-Completion "Get-BridgePort -Namespace $ns -Bridge $stem" | Should -Be @("${stem}n")
    }

    It 'completes -Interface of Add-BridgePort and Add-NetAddress with the links of that namespace' {
        $inner = @(Get-OracleLinkName -Namespace $ns | Where-Object { $_ -like 'inn*' })
        $inner.Count | Should -Be 2

        Get-Completion "Add-BridgePort -Namespace $ns -Bridge ${stem}n -Interface inn" | Should -Be $inner
        Get-Completion "Add-NetAddress -Namespace $ns -Interface inner" | Should -Be $inner
        Get-Completion "Add-NetRoute -Namespace $ns -Destination 10.0.0.0/8 -Interface inn" | Should -Be $inner
    }

    It 'offers nothing that is not a bridge, and nothing for a namespace that does not exist' {
        Get-Completion "Add-BridgePort -Bridge $veth" | Should -BeNullOrEmpty
        Get-Completion "Add-BridgePort -Namespace nosuchnamespace -Bridge " | Should -BeNullOrEmpty
    }
}

Describe 'Network name completion' {
    BeforeAll {
        $stem = New-TestName ncomp
        $null = New-ContainerNetwork -Name "${stem}a" -Subnet 10.90.0.0/24
        $null = New-ContainerNetwork -Name "${stem}b" -Subnet 10.90.1.0/24
        $container = New-TestName ccomp
        Invoke-Ip netns add $container
    }
    AfterAll {
        Remove-ContainerNetwork -Name "${stem}a", "${stem}b" -Force -ErrorAction SilentlyContinue
        Remove-OracleNamespace $container
    }

    It 'offers the networks of the state directory (as the state files name them) for -Network and -Name' {
        $onDisk = @(Get-ChildItem -LiteralPath $env:CONTAINERNET_STATE_DIR -Filter "$stem*.json" | ForEach-Object BaseName | Sort-Object)
        $onDisk | Should -Be @("${stem}a", "${stem}b")
        Get-Completion "Connect-ContainerNetwork -Network $stem" | Should -Be $onDisk
        Get-Completion "Get-ContainerNetwork ${stem}b" | Should -Be @("${stem}b")
        Get-Completion "Remove-ContainerNetwork -Name $stem" | Should -Be $onDisk
        Get-Completion "Publish-ContainerPort -Network ${stem}a" | Should -Be @("${stem}a")
    }

    It 'offers namespaces for -Container, and no network once it is removed' {
        Get-Completion "Connect-ContainerNetwork -Network ${stem}a -Container $container" | Should -Be @($container)
        Remove-ContainerNetwork -Name "${stem}b"
        Get-Completion "Disconnect-ContainerNetwork -Network $stem" | Should -Be @("${stem}a")
    }
}
