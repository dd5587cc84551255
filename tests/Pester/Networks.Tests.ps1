# Docker-style networks (New/Get/Remove/Connect/Disconnect-ContainerNetwork, Publish-ContainerPort
# -Network), proved with traffic (iputils ping, OpenBSD nc, getent through `ip netns exec` and
# Invoke-NetNamespace) and checked against the oracles (`ip -j`, `nft -j list ruleset`, the hosts files
# and the state files).
#
# The topology, made with the cmdlets: networks web (10.61.0.0/16), db (10.62.0.0/16), intern
# (10.63.0.0/16, -Internal) and quiet (10.64.0.0/16, -DisableInterContainerTraffic). Containers: web1 and
# web2 on web (web1 with alias "front"); db1 on db; both on db and then web; int1 and int2 on intern;
# q1, q2 and q3 on quiet, q3 with -Link q1:store. An "outside" namespace hangs off the sandbox host by a
# veth: host 203.0.113.2/24, outside 203.0.113.1/24, with no route back to 10.x: a container reaches it
# only through masquerade.

BeforeAll {
    . $PSScriptRoot/Sandbox.ps1
    Assert-ContainerNetSandbox
    Import-Module ($env:CONTAINERNET_MODULE_PATH ?? "$PSScriptRoot/../../out/ContainerNet") -Force
    . $PSScriptRoot/TestHelpers.ps1

    $script:nets = @{ Web = New-TestName nw; Db = New-TestName nd; Intern = New-TestName ni; Quiet = New-TestName nq }
    $script:c = @{}
    foreach ($role in 'web1', 'web2', 'db1', 'both', 'int1', 'int2', 'q1', 'q2', 'q3') { $script:c[$role] = New-TestName $role }
    $null = $script:c.Values | New-NetNamespace

    $script:web = New-ContainerNetwork -Name $nets.Web -Subnet 10.61.0.0/16
    $script:db = New-ContainerNetwork -Name $nets.Db -Subnet 10.62.0.0/16
    $script:intern = New-ContainerNetwork -Name $nets.Intern -Subnet 10.63.0.0/16 -Internal
    $script:quiet = New-ContainerNetwork -Name $nets.Quiet -Subnet 10.64.0.0/16 -DisableInterContainerTraffic

    $script:web1 = Connect-ContainerNetwork -Network $nets.Web -Container $c.web1 -Alias front
    $script:web2 = Connect-ContainerNetwork -Network $nets.Web -Container $c.web2
    $script:db1 = Connect-ContainerNetwork -Network $nets.Db -Container $c.db1
    $script:bothDb = Connect-ContainerNetwork -Network $nets.Db -Container $c.both
    $script:bothWeb = Connect-ContainerNetwork -Network $nets.Web -Container $c.both
    $null = $c.int1, $c.int2 | Connect-ContainerNetwork -Network $nets.Intern
    $script:q1 = Connect-ContainerNetwork -Network $nets.Quiet -Container $c.q1
    $script:q2 = Connect-ContainerNetwork -Network $nets.Quiet -Container $c.q2
    $script:q3 = Connect-ContainerNetwork -Network $nets.Quiet -Container $c.q3 -Link "$($c.q1):store"

    $script:outside = New-TestName outside
    $script:uplink = "u$outside"
    $null = New-NetNamespace -Name $outside
    $null = Set-NetLink -Namespace $outside -Name lo -State Up
    $null = New-VethPair -Name $uplink -PeerName eth0 -PeerNamespace $outside -Up
    $null = Add-NetAddress -Interface $uplink -Address 203.0.113.2/24
    $null = Add-NetAddress -Namespace $outside -Interface eth0 -Address 203.0.113.1/24
    $null = Wait-Oracle { Test-OraclePing -Namespace $outside -Address 203.0.113.2 } -TimeoutSec 5

    function Get-Address([object]$Endpoint) { ($Endpoint.IPAddress -split '/')[0] }

    function Invoke-InContainer {
        <# A program in a container the way `ip netns exec` runs it (with /etc/netns/NAME/hosts on
           /etc/hosts). The command line is split on spaces (no quoting needed in these tests). #>
        param([Parameter(Mandatory)][string]$Container, [Parameter(Mandatory)][string]$CommandLine)
        $command = $CommandLine -split ' '
        $output = & ip netns exec $Container @command 2>&1
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = "$output" }
    }

    function Test-TcpThrough {
        <# A TCP connect from -From to -Address:-Port, answered by an nc listener in -ListenIn on
           -ListenPort (bounded by `timeout`, ended by its PID). $true when the connect succeeded. #>
        param([string]$From, [string]$Address, [int]$Port, [string]$ListenIn, [int]$ListenPort)
        $log = [IO.Path]::GetTempFileName()
        $listener = Start-Process -FilePath timeout -PassThru -RedirectStandardError $log -RedirectStandardOutput /dev/null `
            -ArgumentList @('10', 'ip', 'netns', 'exec', $ListenIn, 'nc', '-k', '-l', '-n', "$ListenPort")
        try {
            $null = Wait-Oracle { "$(& ip netns exec $ListenIn ss -Hltn "sport = :$ListenPort" 2>$null)" -match ":$ListenPort\b" } -TimeoutSec 3
            $null = & ip netns exec $From timeout 3 nc -z -n -w 2 $Address $Port 2>&1
            $LASTEXITCODE -eq 0
        }
        finally {
            if (-not $listener.HasExited) { & kill -TERM $listener.Id 2>$null; $null = $listener.WaitForExit(3000) }
            Remove-Item -LiteralPath $log -ErrorAction Ignore
        }
    }

    function Get-NetworkHostsLines([string]$Network) {
        @(Get-Content -LiteralPath (Join-Path $env:CONTAINERNET_STATE_DIR "hosts/$Network") | Where-Object { $_ -and -not $_.StartsWith('#') })
    }
}

AfterAll {
    foreach ($name in $nets.Values) { Remove-ContainerNetwork -Name $name -Force -ErrorAction SilentlyContinue }
    # The uplink first, by itself: left to the namespace's asynchronous teardown, it could still be
    # listed when the next file takes its "before" snapshot of the host.
    Remove-OracleLink $uplink
    Remove-OracleNamespace (@($c.Values) + $outside)
}

Describe 'Connect-ContainerNetwork builds the container''s network as Docker does' {
    It 'gives eth0 the lowest free address, a MAC of 02:42 and the address, lo up and a default route via the gateway' {
        $web1.IPAddress | Should -BeExactly '10.61.0.2/16'
        $web2.IPAddress | Should -BeExactly '10.61.0.3/16'
        $web1.InterfaceName | Should -BeExactly 'eth0'
        $web1.MacAddress | Should -BeExactly '02:42:0a:3d:00:02'
        $link = Get-OracleLink -Namespace $c.web1 -Name eth0
        $link.address | Should -BeExactly '02:42:0a:3d:00:02'
        $link.flags | Should -Contain 'UP'
        Get-OracleAddressCidr -Namespace $c.web1 -Interface eth0 -Family IPv4 | Should -BeExactly '10.61.0.2/16'
        (Get-OracleLink -Namespace $c.web1 -Name lo).flags | Should -Contain 'UP'
        $default = @(Get-OracleRoute -Namespace $c.web1 -Family IPv4 | Where-Object dst -eq '0.0.0.0/0')
        $default.Count | Should -Be 1
        $default[0].gateway | Should -BeExactly '10.61.0.1'
        $default[0].dev | Should -BeExactly 'eth0'
    }

    It 'makes the host end an up port of the network''s bridge, holding the gateway address' {
        $hostEnd = Get-OracleLink -Name $web1.HostInterface
        $hostEnd.master | Should -BeExactly $web.BridgeName
        $hostEnd.flags | Should -Contain 'UP'
        Get-OracleAddressCidr -Interface $web.BridgeName -Family IPv4 | Should -BeExactly '10.61.0.1/16'
        # A pure layer-2 port, and an IPv4-only network's endpoint: no IPv6 addresses (no DAD, RS or
        # MLD for the bridge to flood), while a dual-stack network's endpoint keeps its link-local.
        Get-OracleAddressCidr -Interface $web1.HostInterface -Family IPv6 | Should -BeNullOrEmpty
        Get-OracleAddressCidr -Namespace $c.web1 -Interface eth0 -Family IPv6 | Should -BeNullOrEmpty
        $hostEnd.inet6_addr_gen_mode | Should -BeExactly 'none'
        # As Docker 26.0.2+: IPv6 is disabled on the endpoint of an IPv4-only network, not only left
        # without addresses (so no router advertisement can give it one); lo keeps ::1.
        & ip netns exec $c.web1 cat /proc/sys/net/ipv6/conf/eth0/disable_ipv6 | Should -BeExactly '1'
        Get-OracleAddressCidr -Namespace $c.web1 -Interface lo -Family IPv6 | Should -Contain '::1/128'
    }

    It 'Get-ContainerNetwork shows the network and its endpoints as the state and the kernel have them' {
        $shown = Get-ContainerNetwork -Name $nets.Web
        $shown.Subnet | Should -BeExactly '10.61.0.0/16'
        $shown.Gateway | Should -BeExactly '10.61.0.1'
        $shown.Masquerade | Should -BeTrue
        $shown.InterContainerTraffic | Should -BeTrue
        @($shown.Endpoints.Container) | Should -Be @($c.web1, $c.web2, $c.both)
        ($shown.Endpoints | Where-Object Container -eq $c.web1).Aliases | Should -Be @('front')
        $state = Get-Content -Raw -LiteralPath (Join-Path $env:CONTAINERNET_STATE_DIR "$($nets.Web).json") | ConvertFrom-Json
        @($state.Endpoints.IPv4Address) | Should -Be @('10.61.0.2', '10.61.0.3', '10.61.0.4')
        [int](Get-Item -LiteralPath (Join-Path $env:CONTAINERNET_STATE_DIR "$($nets.Web).json")).UnixFileMode | Should -Be ([Convert]::ToInt32('600', 8))
    }

    It 'two containers on a network resolve and reach each other by name and alias, through ip netns exec and Invoke-NetNamespace' {
        (Invoke-InContainer $c.web1 "ping -n -q -c 1 -W 2 $($c.web2)").ExitCode | Should -Be 0
        (Invoke-InContainer $c.web2 "ping -n -q -c 1 -W 2 front").ExitCode | Should -Be 0
        (Invoke-InContainer $c.web2 "getent hosts front").Output | Should -Match '^10\.61\.0\.2\s+front\b|^10\.61\.0\.2\s+.*\bfront\b'
        $result = Invoke-NetNamespace -Name $c.web1 -FilePath getent -ArgumentList hosts, $c.web2
        $result.ExitCode | Should -Be 0
        $result.StandardOutput | Should -Match "^10\.61\.0\.3\s+$([regex]::Escape($c.web2))"
    }

    It 'containers on different networks cannot reach each other, either way' {
        Test-OraclePing -Namespace $c.web1 -Address (Get-Address $db1) | Should -BeFalse
        Test-OraclePing -Namespace $c.db1 -Address (Get-Address $web1) | Should -BeFalse
        # ... while each reaches its own gateway and the other network's gateway is the host's own address
        Test-OraclePing -Namespace $c.db1 -Address 10.62.0.1 -Attempts 3 | Should -BeTrue
    }

    It 'a container on two networks has eth0 and eth1, one default route (its first network''s), and reaches both' {
        $bothDb.InterfaceName | Should -BeExactly 'eth0'
        $bothWeb.InterfaceName | Should -BeExactly 'eth1'
        $default = @(Get-OracleRoute -Namespace $c.both -Family IPv4 | Where-Object dst -eq '0.0.0.0/0')
        $default.Count | Should -Be 1
        $default[0].gateway | Should -BeExactly '10.62.0.1'
        Test-OraclePing -Namespace $c.both -Address (Get-Address $db1) -Attempts 3 | Should -BeTrue
        Test-OraclePing -Namespace $c.both -Address (Get-Address $web2) -Attempts 3 | Should -BeTrue
        (Invoke-InContainer $c.both "ping -n -q -c 1 -W 2 $($c.db1)").ExitCode | Should -Be 0
        (Invoke-InContainer $c.both "ping -n -q -c 1 -W 2 front").ExitCode | Should -Be 0
        # Its hosts file is its own (two networks); the members of each network see it by name.
        (Get-Item -LiteralPath "/etc/netns/$($c.both)/hosts").LinkTarget | Should -BeNullOrEmpty
        (Invoke-InContainer $c.web2 "getent hosts $($c.both)").Output | Should -Match '^10\.61\.0\.4\s'
        (Invoke-InContainer $c.db1 "getent hosts $($c.both)").Output | Should -Match '^10\.62\.0\.3\s'
    }

    It 'reaches the outside through masquerade (the outside has no route back to 10.61.0.0/16)' {
        Test-OraclePing -Namespace $c.web1 -Address 203.0.113.1 -Attempts 3 | Should -BeTrue
        Get-OracleMasquerade | Should -Contain '10.61.0.0/16'
    }

    It 'an internal network has no route out and no masquerade; even a route added by hand gets nowhere; its members reach each other' {
        @(Get-OracleRoute -Namespace $c.int1 -Family IPv4 | Where-Object dst -eq '0.0.0.0/0').Count | Should -Be 0
        Get-OracleMasquerade | Should -Not -Contain '10.63.0.0/16'
        (Invoke-InContainer $c.int1 "ping -n -q -c 1 -W 2 $($c.int2)").ExitCode | Should -Be 0
        Invoke-Ip -n $c.int1 route add default via 10.63.0.1
        try {
            Test-OraclePing -Namespace $c.int1 -Address 203.0.113.1 | Should -BeFalse
            Test-OraclePing -Namespace $c.int1 -Address (Get-Address $web1) | Should -BeFalse
            Test-OraclePing -Namespace $c.web1 -Address 10.63.0.2 | Should -BeFalse
        }
        finally { Invoke-Ip -n $c.int1 route del default via 10.63.0.1 }
    }

    It 'icc off drops container-to-container traffic but not the gateway; a -Link opens its pair and resolves its alias only for the linker' {
        Test-OraclePing -Namespace $c.q2 -Address (Get-Address $q1) | Should -BeFalse
        Test-OraclePing -Namespace $c.q1 -Address (Get-Address $q2) | Should -BeFalse
        Test-OraclePing -Namespace $c.q2 -Address 10.64.0.1 -Attempts 3 | Should -BeTrue
        (Invoke-InContainer $c.q3 "ping -n -q -c 1 -W 2 store").ExitCode | Should -Be 0
        Test-TcpThrough -From $c.q3 -Address (Get-Address $q1) -Port 5432 -ListenIn $c.q1 -ListenPort 5432 | Should -BeTrue
        Test-TcpThrough -From $c.q2 -Address (Get-Address $q1) -Port 5432 -ListenIn $c.q1 -ListenPort 5432 | Should -BeFalse
        # (Looked up in the files: a getent miss would go on to DNS and wait for it.)
        Get-Content -LiteralPath "/etc/netns/$($c.q2)/hosts" | Should -Not -Match '\bstore\b'
        Get-Content -LiteralPath "/etc/netns/$($c.q3)/hosts" | Should -Contain "$(Get-Address $q1)`tstore"
        $links = @(Get-ContainerLink | Where-Object { $_.Network -eq $nets.Quiet })
        $links.Count | Should -Be 1
        $links[0].Source | Should -BeExactly (Get-Address $q3)
        $links[0].Destination | Should -BeExactly (Get-Address $q1)
    }
}

Describe 'Published ports, disconnect and the hosts files' {
    BeforeAll {
        $script:pub = New-TestName pub
        $null = New-NetNamespace -Name $pub
        $script:pubEndpoint = Connect-ContainerNetwork -Network $nets.Web -Container $pub
    }
    AfterAll { Remove-OracleNamespace $pub }

    It 'Publish-ContainerPort -Network -Container answers from the outside on the host''s address, and names the endpoint' {
        $mapping = Publish-ContainerPort -Network $nets.Web -Container $pub -ContainerPort 80 -HostPort 8080
        $mapping.ContainerAddress | Should -BeExactly (Get-Address $pubEndpoint)
        $mapping.Network | Should -BeExactly $nets.Web
        $mapping.Container | Should -BeExactly $pub
        Test-TcpThrough -From $outside -Address 203.0.113.2 -Port 8080 -ListenIn $pub -ListenPort 80 | Should -BeTrue
        (Get-ContainerPort | Where-Object { $_.Container -eq $pub -and $_.HostPort -eq 8080 }).Network | Should -BeExactly $nets.Web
    }

    It 'Disconnect-ContainerNetwork takes away the veth, the published port, the hosts lines and the allocation' {
        $hostEnd = $pubEndpoint.HostInterface
        Disconnect-ContainerNetwork -Network $nets.Web -Container $pub
        Get-OracleLink -Name $hostEnd | Should -BeNullOrEmpty
        Get-OracleLink -Namespace $pub -Name eth0 | Should -BeNullOrEmpty
        @(Get-OraclePortMapping | Where-Object HostPort -eq 8080).Count | Should -Be 0
        Test-TcpThrough -From $outside -Address 203.0.113.2 -Port 8080 -ListenIn $pub -ListenPort 80 | Should -BeFalse
        Get-NetworkHostsLines $nets.Web | Should -Not -Contain "$(Get-Address $pubEndpoint)`t$pub"
        Get-Content -LiteralPath "/etc/netns/$($c.web1)/hosts" | Should -Not -Match ([regex]::Escape($pub))
        Test-Path -LiteralPath "/etc/netns/$pub/hosts" | Should -BeFalse
        # The address is free again: the next connect gets it.
        $again = Connect-ContainerNetwork -Network $nets.Web -Container $pub
        $again.IPAddress | Should -BeExactly $pubEndpoint.IPAddress
        Disconnect-ContainerNetwork -Network $nets.Web -Container $pub
    }

    It 'disconnecting one network of a container on two keeps the other, and its default route moves to it' {
        $mover = New-TestName mover
        $null = New-NetNamespace -Name $mover
        try {
            $null = Connect-ContainerNetwork -Network $nets.Db -Container $mover
            $second = Connect-ContainerNetwork -Network $nets.Web -Container $mover
            Disconnect-ContainerNetwork -Network $nets.Db -Container $mover
            $default = @(Get-OracleRoute -Namespace $mover -Family IPv4 | Where-Object dst -eq '0.0.0.0/0')
            $default.Count | Should -Be 1
            $default[0].gateway | Should -BeExactly '10.61.0.1'
            $default[0].dev | Should -BeExactly $second.InterfaceName
            # One network left and no links: its hosts file is the network's again.
            (Get-Item -LiteralPath "/etc/netns/$mover/hosts").LinkTarget | Should -BeExactly (Join-Path $env:CONTAINERNET_STATE_DIR "hosts/$($nets.Web)")
            (Invoke-InContainer $mover "ping -n -q -c 1 -W 2 $($c.web2)").ExitCode | Should -Be 0
            Disconnect-ContainerNetwork -Network $nets.Web -Container $mover
        }
        finally { Remove-OracleNamespace $mover }
    }

    It 'a connect that fails at its last step (its hosts file cannot be written) leaves nothing behind' {
        $broken = New-TestName broken
        $null = New-NetNamespace -Name $broken
        # A plain file where its /etc/netns directory belongs: the hosts step cannot make the directory.
        Set-Content -LiteralPath "/etc/netns/$broken" -Value 'not a directory'

        try {
            $before = Get-OracleSnapshot
            $stateBefore = Get-Content -Raw -LiteralPath (Join-Path $env:CONTAINERNET_STATE_DIR "$($nets.Web).json")
            $hostsBefore = Get-NetworkHostsLines $nets.Web
            { Connect-ContainerNetwork -Network $nets.Web -Container $broken -ErrorAction Stop } | Should -Throw
            Get-OracleSnapshot | Should -BeExactly $before
            Get-Content -Raw -LiteralPath (Join-Path $env:CONTAINERNET_STATE_DIR "$($nets.Web).json") | Should -BeExactly $stateBefore
            Get-NetworkHostsLines $nets.Web | Should -Be $hostsBefore
        }
        finally {
            Remove-Item -LiteralPath "/etc/netns/$broken" -Force -ErrorAction Ignore
            Remove-OracleNamespace $broken
        }
    }

    It '-WhatIf connects nothing' {
        $before = Get-OracleSnapshot
        Connect-ContainerNetwork -Network $nets.Web -Container $c.db1 -WhatIf
        New-ContainerNetwork -Name (New-TestName nwhat) -Subnet 10.69.0.0/16 -WhatIf
        Get-OracleSnapshot | Should -BeExactly $before
    }
}

Describe 'New-ContainerNetwork choices' {
    It 'without -Subnet takes the first default pool that overlaps no host route or network' {
        Invoke-Ip route add 172.17.0.0/16 dev lo
        $name = New-TestName ndef
        try {
            $network = New-ContainerNetwork -Name $name
            $network.Subnet | Should -BeExactly '172.18.0.0/16'
            $network.Gateway | Should -BeExactly '172.18.0.1'
            $network.BridgeName | Should -BeExactly "br-$($network.Id.Substring(0, 12))"
            $second = New-ContainerNetwork -Name "$name-2"
            $second.Subnet | Should -BeExactly '172.19.0.0/16'
        }
        finally {
            Remove-ContainerNetwork -Name $name, "$name-2" -ErrorAction SilentlyContinue
            & ip route del 172.17.0.0/16 dev lo 2>$null
        }
    }

    It 'a dual-stack network gives each endpoint an IPv4 and an IPv6 address, resolvable by name, within -IPRange' {
        $name = New-TestName ndual
        $a = New-TestName dua
        $b = New-TestName dub
        $null = New-NetNamespace -Name $a, $b
        try {
            $network = New-ContainerNetwork -Name $name -Subnet 10.65.0.0/16, fd00:65::/64 -IPRange 10.65.8.0/24 -Gateway 10.65.0.254
            $network.IPv6Subnet | Should -BeExactly 'fd00:65::/64'
            $network.Gateway | Should -BeExactly '10.65.0.254'
            $ea = Connect-ContainerNetwork -Network $name -Container $a
            $eb = Connect-ContainerNetwork -Network $name -Container $b
            # As Docker's IPAM: only the subnet's network and broadcast addresses are skipped, so a
            # range's first address (10.65.8.0) is a host address of the /16 and is handed out.
            $ea.IPAddress | Should -BeExactly '10.65.8.0/16'
            $eb.IPAddress | Should -BeExactly '10.65.8.1/16'
            $ea.IPv6Address | Should -BeExactly 'fd00:65::2/64'
            Get-OracleAddressCidr -Namespace $a -Interface eth0 -Family IPv6 | Should -Contain 'fd00:65::2/64'
            @(Get-OracleAddressCidr -Namespace $a -Interface eth0 -Family IPv6 | Where-Object { $_ -like 'fe80:*' }).Count | Should -Be 1
            & ip netns exec $a cat /proc/sys/net/ipv6/conf/eth0/disable_ipv6 | Should -BeExactly '0'
            (Invoke-InContainer $b "ping -6 -n -q -c 1 -W 2 fd00:65::2").ExitCode | Should -Be 0
            (Invoke-InContainer $b "getent ahostsv6 $a").Output | Should -Match 'fd00:65::2'
        }
        finally {
            Remove-ContainerNetwork -Name $name -Force -ErrorAction SilentlyContinue
            Remove-OracleNamespace $a, $b
        }
    }

    It 'Remove-ContainerNetwork -Force leaves nothing in the kernel, the firewall, the hosts files or the state' {
        $name = New-TestName ngone
        $members = @(New-TestName ga; New-TestName gb; New-TestName gc)
        $null = New-NetNamespace -Name $members
        try {
            $network = New-ContainerNetwork -Name $name -Subnet 10.66.0.0/16 -DisableInterContainerTraffic
            $endpoints = $members | Connect-ContainerNetwork -Network $name -Alias x
            $null = Connect-ContainerNetwork -Network $nets.Web -Container $members[2]
            $null = Publish-ContainerPort -Network $name -Container $members[0] -ContainerPort 80 -HostPort 8181
            Remove-ContainerNetwork -Name $name -Force
            Get-OracleLink -Name $network.BridgeName | Should -BeNullOrEmpty
            foreach ($endpoint in $endpoints) { Get-OracleLink -Name $endpoint.HostInterface | Should -BeNullOrEmpty }
            Get-OracleNftRulesetText | Should -Not -Match ([regex]::Escape($network.BridgeName))
            Get-OracleNftRulesetText | Should -Not -Match '10\.66\.'
            Get-OracleNftRulesetText | Should -Not -Match ([regex]::Escape("$name/"))
            Test-Path -LiteralPath (Join-Path $env:CONTAINERNET_STATE_DIR "$name.json") | Should -BeFalse
            Test-Path -LiteralPath (Join-Path $env:CONTAINERNET_STATE_DIR "hosts/$name") | Should -BeFalse
            Test-Path -LiteralPath "/etc/netns/$($members[0])/hosts" | Should -BeFalse
            # The member that is also on web keeps web, and its hosts file follows web alone again.
            (Get-Item -LiteralPath "/etc/netns/$($members[2])/hosts").LinkTarget | Should -BeExactly (Join-Path $env:CONTAINERNET_STATE_DIR "hosts/$($nets.Web)")
            Get-ContainerNetwork -Name $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            Disconnect-ContainerNetwork -Network $nets.Web -Container $members[2]
        }
        finally {
            Remove-ContainerNetwork -Name $name -Force -ErrorAction SilentlyContinue
            Remove-OracleNamespace $members
        }
    }

    It 'Get-ContainerNetwork matches names case-sensitively, with wildcards, and a malformed pattern literally' {
        $stem = New-TestName ncase
        try {
            $null = New-ContainerNetwork -Name "$stem-Web" -Subnet 10.68.0.0/24
            $null = New-ContainerNetwork -Name "$stem-web" -Subnet 10.68.1.0/24
            @(Get-ContainerNetwork -Name "$stem-web").Subnet | Should -Be @('10.68.1.0/24')
            @(Get-ContainerNetwork -Name "$stem-*" | ForEach-Object Name | Sort-Object) | Should -Be @("$stem-Web", "$stem-web" | Sort-Object)
            { Get-ContainerNetwork -Name "[$stem" -ErrorAction Stop } | Should -Throw -ErrorId 'NetworkNotFound,ContainerNet.Commands.GetContainerNetworkCommand'
        }
        finally { Remove-ContainerNetwork -Name "$stem-Web", "$stem-web" -ErrorAction SilentlyContinue }
    }

    It 'Disconnect-ContainerNetwork of many containers in one pipeline removes all their veths' {
        $name = New-TestName nmany
        $members = 1..6 | ForEach-Object { New-TestName "m$_" }
        $null = New-NetNamespace -Name $members
        try {
            $null = New-ContainerNetwork -Name $name -Subnet 10.67.0.0/16
            $endpoints = $members | Connect-ContainerNetwork -Network $name
            $endpoints | Select-Object -First 4 | Disconnect-ContainerNetwork
            foreach ($endpoint in $endpoints | Select-Object -First 4) { Get-OracleLink -Name $endpoint.HostInterface | Should -BeNullOrEmpty }
            foreach ($endpoint in $endpoints | Select-Object -Skip 4) { (Get-OracleLink -Name $endpoint.HostInterface).master | Should -Not -BeNullOrEmpty }
            @((Get-ContainerNetwork -Name $name).Endpoints.Container) | Should -Be @($members | Select-Object -Skip 4)
            @(Get-NetworkHostsLines $name).Count | Should -Be 4   # localhost, ip6 localhost, two members
        }
        finally {
            Remove-ContainerNetwork -Name $name -Force -ErrorAction SilentlyContinue
            Remove-OracleNamespace $members
        }
    }
}

Describe 'Repair-ContainerNetwork replays the firewall from the state' {
    # Last in this file: it flushes the sandbox's whole ruleset, as another tool might.
    BeforeAll {
        $script:replay = New-TestName replay
        $null = New-NetNamespace -Name $replay
        $script:replayEndpoint = Connect-ContainerNetwork -Network $nets.Web -Container $replay
        $null = Publish-ContainerPort -Network $nets.Web -Container $replay -ContainerPort 80 -HostPort 8282
    }
    AfterAll {
        Disconnect-ContainerNetwork -Network $nets.Web -Container $replay -ErrorAction SilentlyContinue
        Remove-OracleNamespace $replay
    }

    It 'remembers the published port with the endpoint' {
        $endpoint = (Get-ContainerNetwork -Name $nets.Web).Endpoints | Where-Object Container -eq $replay
        @($endpoint.Ports).Count | Should -Be 1
        $endpoint.Ports[0].HostPort | Should -Be 8282
        $endpoint.Ports[0].ContainerAddress | Should -BeExactly (Get-Address $replayEndpoint)
    }

    It 'after nft flush ruleset, brings back isolation, masquerade, icc, links and ports, and the traffic they allow or stop' {
        Invoke-Nft flush ruleset
        Test-OracleNftTable -Name containernet | Should -BeFalse
        $findings = @(Repair-ContainerNetwork)
        $kinds = @($findings.Kind | Sort-Object -Unique)
        $kinds | Should -Contain 'MissingNetworkRules'
        $kinds | Should -Contain 'MissingLink'
        $kinds | Should -Contain 'MissingPort'
        ($findings | Where-Object Kind -eq 'MissingPort').Target | Should -Match ':8282 -> '

        Test-TcpThrough -From $outside -Address 203.0.113.2 -Port 8282 -ListenIn $replay -ListenPort 80 | Should -BeTrue
        Test-OraclePing -Namespace $c.web1 -Address 203.0.113.1 -Attempts 3 | Should -BeTrue
        Test-OraclePing -Namespace $c.web1 -Address (Get-Address $db1) | Should -BeFalse
        Test-OraclePing -Namespace $c.q2 -Address (Get-Address $q1) | Should -BeFalse
        Test-TcpThrough -From $c.q3 -Address (Get-Address $q1) -Port 5432 -ListenIn $c.q1 -ListenPort 5432 | Should -BeTrue
        @(Repair-ContainerNetwork) | Should -BeNullOrEmpty
    }

    It 'Unpublish-ContainerPort makes the state forget the port, so repair does not bring it back' {
        Get-ContainerPort | Where-Object HostPort -eq 8282 | Unpublish-ContainerPort
        $endpoint = (Get-ContainerNetwork -Name $nets.Web).Endpoints | Where-Object Container -eq $replay
        @($endpoint.Ports).Count | Should -Be 0
        @(Repair-ContainerNetwork) | Should -BeNullOrEmpty
        @(Get-OraclePortMapping | Where-Object HostPort -eq 8282).Count | Should -Be 0
    }
}
