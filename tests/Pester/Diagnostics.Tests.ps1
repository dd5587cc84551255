# Diagnostics: Test-NetNamespaceConnection, proved with traffic on a topology that `ip` builds:
#
#   host (the sandbox) --veth 10.99.4.0/24-- A --veth 10.99.3.0/24, 2001:db8:3::/64-- B (forwarding on)
#
# A routes its default through B; B has no default route, so it answers A's packets for other networks
# with ICMP errors. The oracles are iputils ping and netcat-openbsd, started only to agree or to listen.

BeforeAll {
    . $PSScriptRoot/Sandbox.ps1
    Assert-ContainerNetSandbox
    Import-Module (Get-ContainerNetTestModulePath) -Force
    . $PSScriptRoot/TestHelpers.ps1

    $script:commandName = 'ContainerNet.Commands.TestNetNamespaceConnectionCommand'
    $script:nsA = New-TestName dga
    $script:nsB = New-TestName dgb
    $script:hostLink = New-TestName dgh
    $script:processes = [System.Collections.Generic.List[System.Diagnostics.Process]]::new()

    Invoke-Ip netns add $nsA
    Invoke-Ip netns add $nsB
    Invoke-Ip link add eth0 netns $nsA type veth peer name eth0 netns $nsB
    Invoke-Ip -n $nsA addr add 10.99.3.1/24 dev eth0
    Invoke-Ip -n $nsB addr add 10.99.3.2/24 dev eth0
    Invoke-Ip -n $nsA addr add 2001:db8:3::1/64 dev eth0 nodad
    Invoke-Ip -n $nsB addr add 2001:db8:3::2/64 dev eth0 nodad
    Invoke-Ip -n $nsA link set eth0 up
    Invoke-Ip -n $nsB link set eth0 up
    # As in a container: loopback up, so a namespace reaches its own addresses too.
    Invoke-Ip -n $nsA link set lo up
    Invoke-Ip -n $nsB link set lo up
    # The host's own veth into A.
    Invoke-Ip link add $hostLink type veth peer name eth1 netns $nsA
    Invoke-Ip addr add 10.99.4.1/24 dev $hostLink
    Invoke-Ip -n $nsA addr add 10.99.4.2/24 dev eth1
    Invoke-Ip link set $hostLink up
    Invoke-Ip -n $nsA link set eth1 up
    # A -> B as its router; B forwards but knows no route beyond its links.
    Invoke-Ip -n $nsA route add default via 10.99.3.2
    Invoke-Ip -n $nsA -6 route add default via 2001:db8:3::2
    Invoke-Ip netns exec $nsB sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1

    function Start-TestProcess {
        <# A background oracle process (ip netns exec NS program ...); AfterAll ends it by its id. #>
        param([Parameter(Mandatory)][string[]]$ArgumentList)
        $id = [Guid]::NewGuid().ToString('N')
        $process = Start-Process -FilePath ip -ArgumentList $ArgumentList -PassThru `
            -RedirectStandardOutput (Join-Path $TestDrive "$id.out") -RedirectStandardError (Join-Path $TestDrive "$id.err")
        $processes.Add($process)
        $process
    }

    function Stop-TestProcess {
        param([Parameter(Mandatory)][System.Diagnostics.Process]$Process)
        if (-not $Process.HasExited) {
            Stop-Process -Id $Process.Id -Force -ErrorAction SilentlyContinue
            $null = $Process.WaitForExit(5000)
        }
    }

    function Start-Listener {
        <# nc (OpenBSD) listening inside a namespace, ready when ss shows the socket. -d: no stdin, -k: keep accepting. #>
        param([string]$Namespace, [string]$Address, [int]$Port)
        $process = Start-TestProcess -ArgumentList @('netns', 'exec', $Namespace, 'nc', '-d', '-k', '-n', '-l', $Address, "$Port")
        $ready = Wait-Oracle { (& ip netns exec $Namespace ss -Hltn "sport = :$Port") -match 'LISTEN' }
        $ready | Should -BeTrue -Because "nc must listen on $Address port $Port in $Namespace"
        $process
    }

    function Measure-Test {
        <# Runs the script block; returns its output and how long it took. #>
        param([scriptblock]$Script)
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $output = & $Script
        [pscustomobject]@{ Output = $output; Milliseconds = $clock.Elapsed.TotalMilliseconds }
    }

    # Both namespaces' veth must carry before traffic tests run.
    Wait-Oracle { (Get-OracleLink -Namespace $nsA -Name eth0).operstate -eq 'UP' -and (Get-OracleLink -Namespace $nsB -Name eth0).operstate -eq 'UP' } |
        Should -BeTrue
}

AfterAll {
    foreach ($process in $processes) { Stop-TestProcess $process }
    Remove-OracleNamespace $nsA, $nsB
    Remove-OracleLink $hostLink
}

Describe 'Test-NetNamespaceConnection' {
    Context 'Parameters' {
        It 'has exactly the expected parameters' {
            $command = Get-Command Test-NetNamespaceConnection
            $own = $command.Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters }
            @($own | Sort-Object) | Should -Be @('Address', 'Count', 'Namespace', 'Port', 'Protocol', 'Quiet', 'TimeoutMilliseconds')
            $command.Parameters.Address.Attributes.Where({ $_ -is [Parameter] }).Mandatory | Should -BeTrue
            $command.Parameters.Namespace.Aliases | Should -Be @('Name')
        }
    }

    Context 'ICMP echo' {
        It 'A reaches B: Reachable, every echo answered, a round trip time, the source address A used' {
            # The oracle agrees first.
            & ip netns exec $nsA ping -c 1 -W 1 -n 10.99.3.2 | Out-Null
            $LASTEXITCODE | Should -Be 0

            $result = Test-NetNamespaceConnection -Namespace $nsA -Address 10.99.3.2 -Count 3

            $result | Should -HaveCount 1
            $result | Should -BeOfType ContainerNet.Core.Diagnostics.ConnectionTestResult
            $result.Reachable | Should -BeTrue
            $result.Namespace | Should -BeExactly $nsA
            $result.Address | Should -Be ([ipaddress]'10.99.3.2')
            $result.Protocol | Should -Be 'Icmp'
            $result.Port | Should -BeNullOrEmpty
            $result.Sent | Should -Be 3
            $result.Received | Should -Be 3
            $result.RoundTripTime | Should -BeGreaterThan ([TimeSpan]::Zero)
            $result.RoundTripTime | Should -BeLessThan ([TimeSpan]::FromSeconds(1))
            $result.Error | Should -BeNullOrEmpty
            $result.SourceAddress | Should -Be ([ipaddress]'10.99.3.1')
            @($result.Attempts) | Should -HaveCount 3
            @($result.Attempts | Where-Object Succeeded) | Should -HaveCount 3
            @($result.Attempts.Number) | Should -Be @(1, 2, 3)
        }

        It 'B reaches A the other way round' {
            (Test-NetNamespaceConnection -Namespace $nsB -Address 10.99.3.1).Reachable | Should -BeTrue
        }

        It 'IPv6: A reaches B with ICMPv6 echo' {
            & ip netns exec $nsA ping -6 -c 1 -W 1 -n 2001:db8:3::2 | Out-Null
            $LASTEXITCODE | Should -Be 0

            $result = Test-NetNamespaceConnection -Namespace $nsA -Address 2001:db8:3::2 -Count 2

            $result.Reachable | Should -BeTrue -Because $result.Error
            $result.Received | Should -Be 2
            $result.RoundTripTime | Should -BeGreaterThan ([TimeSpan]::Zero)
            $result.SourceAddress | Should -Be ([ipaddress]'2001:db8:3::1')
        }

        It 'the host (no -Namespace) reaches A, and A reaches the host' {
            $fromHost = Test-NetNamespaceConnection -Address 10.99.4.2
            $fromHost.Reachable | Should -BeTrue -Because $fromHost.Error
            $fromHost.Namespace | Should -BeExactly ''
            $fromHost.SourceAddress | Should -Be ([ipaddress]'10.99.4.1')

            (Test-NetNamespaceConnection -Namespace $nsA -Address 10.99.4.1).Reachable | Should -BeTrue
        }

        It 'an address without a route: Reachable false, "Network is unreachable", at once' {
            # B has no default route.
            $run = Measure-Test { Test-NetNamespaceConnection -Namespace $nsB -Address 203.0.113.9 -TimeoutMilliseconds 3000 }
            $run.Output.Reachable | Should -BeFalse
            $run.Output.Error | Should -BeExactly 'Network is unreachable'
            $run.Output.RoundTripTime | Should -BeNullOrEmpty
            $run.Output.Received | Should -Be 0
            $run.Milliseconds | Should -BeLessThan 1000 -Because 'the kernel refuses the send; nothing is waited for'

            $v6 = Test-NetNamespaceConnection -Namespace $nsB -Address 2001:db8:99::9 -TimeoutMilliseconds 3000
            $v6.Reachable | Should -BeFalse
            $v6.Error | Should -BeExactly 'Network is unreachable'
        }

        It 'a router''s ICMP error ends the attempt at once and says who reported it' {
            # A sends to B, its router, which has no route: B answers "network unreachable".
            $run = Measure-Test { Test-NetNamespaceConnection -Namespace $nsA -Address 198.51.100.9 -TimeoutMilliseconds 3000 }
            $run.Output.Reachable | Should -BeFalse
            $run.Output.Error | Should -BeExactly 'Destination network unreachable (reported by 10.99.3.2)'
            $run.Milliseconds | Should -BeLessThan 1500

            $v6 = Test-NetNamespaceConnection -Namespace $nsA -Address 2001:db8:99::9 -TimeoutMilliseconds 3000
            $v6.Reachable | Should -BeFalse
            $v6.Error | Should -BeExactly 'No route to destination (reported by 2001:db8:3::2)'
        }

        It 'a silent address on the subnet: Reachable false after about the timeout, each attempt bounded' {
            $run = Measure-Test { Test-NetNamespaceConnection -Namespace $nsA -Address 10.99.3.77 -TimeoutMilliseconds 300 -Count 2 }
            $run.Output.Reachable | Should -BeFalse
            $run.Output.Error | Should -BeExactly 'Timed out after 300 ms'
            $run.Output.Sent | Should -Be 2
            @($run.Output.Attempts.Error) | Should -Be @('Timed out after 300 ms', 'Timed out after 300 ms')
            $run.Milliseconds | Should -BeGreaterOrEqual 600
            $run.Milliseconds | Should -BeLessThan 1500
        }

        It 'counts only its own replies while another ping runs in the same namespace' {
            # A raw socket sees every ICMP packet of its namespace: ping's replies reach ours too.
            $ping = Start-TestProcess -ArgumentList @('netns', 'exec', $nsA, 'ping', '-n', '-q', '-i', '0.002', '10.99.3.2')
            $pingV6 = Start-TestProcess -ArgumentList @('netns', 'exec', $nsA, 'ping', '-6', '-n', '-q', '-i', '0.002', '2001:db8:3::2')
            try {
                Start-Sleep -Milliseconds 200
                $ping.HasExited | Should -BeFalse
                $result = Test-NetNamespaceConnection -Namespace $nsA -Address 10.99.3.2 -Count 20
                $v6 = Test-NetNamespaceConnection -Namespace $nsA -Address 2001:db8:3::2 -Count 20
            }
            finally {
                Stop-TestProcess $ping
                Stop-TestProcess $pingV6
            }
            $result.Sent | Should -Be 20
            $result.Received | Should -Be 20
            @($result.Attempts | Where-Object { -not $_.Succeeded }) | Should -BeNullOrEmpty
            $v6.Received | Should -Be 20
        }

        It 'falls back to a datagram ping socket without CAP_NET_RAW, and says what to change when that is not allowed either' {
            $script = Join-Path $TestDrive 'no-net-raw.ps1'
            Set-Content -LiteralPath $script -Value @'
param([string] $ModuleDir, [string] $Namespace)
Import-Module $ModuleDir
$rawDenied = try { [System.Net.Sockets.Socket]::new('InterNetwork', 'Raw', 'Icmp').Dispose(); $false } catch { $true }
$denied = $null
$null = Test-NetNamespaceConnection -Namespace $Namespace -Address 10.99.3.2 -ErrorVariable denied -ErrorAction SilentlyContinue
& ip netns exec $Namespace sysctl -qw 'net.ipv4.ping_group_range=0 2147483647'
$v4 = Test-NetNamespaceConnection -Namespace $Namespace -Address 10.99.3.2 -Count 2
$v6 = Test-NetNamespaceConnection -Namespace $Namespace -Address 2001:db8:3::2 -Count 2
& ip netns exec $Namespace sysctl -qw 'net.ipv4.ping_group_range=1 0'
[pscustomobject]@{
    RawDenied   = $rawDenied
    DeniedId    = "$($denied[0].FullyQualifiedErrorId)"
    DeniedText  = "$($denied[0].Exception.Message)"
    V4Reachable = $v4.Reachable
    V4Received  = $v4.Received
    V6Reachable = $v6.Reachable
    V6Received  = $v6.Received
} | ConvertTo-Json -Compress
'@
            (Get-Content "/proc/sys/net/ipv4/ping_group_range" -Raw) | Should -Match '^1\s+0' -Because 'the sandbox starts with ping sockets disallowed'
            $pwsh = Get-ContainerNetTestPwsh
            $output = & setpriv --bounding-set -net_raw -- @pwsh -NoProfile -NonInteractive -File $script (Get-ContainerNetTestModulePath) $nsA 2>&1
            $LASTEXITCODE | Should -Be 0 -Because ($output | Out-String)
            $report = ($output | Select-Object -Last 1) | ConvertFrom-Json

            $report.RawDenied | Should -BeTrue -Because 'setpriv dropped CAP_NET_RAW'
            $report.DeniedId | Should -BeExactly "PermissionDenied,$commandName"
            $report.DeniedText | Should -Match 'CAP_NET_RAW'
            $report.DeniedText | Should -Match "ping_group_range.*'1 0'"
            $report.V4Reachable | Should -BeTrue
            $report.V4Received | Should -Be 2
            $report.V6Reachable | Should -BeTrue
            $report.V6Received | Should -Be 2
        }
    }

    Context 'TCP connect' {
        BeforeAll {
            $script:listener = Start-Listener -Namespace $nsB -Address 10.99.3.2 -Port 8080
            $script:listenerV6 = Start-Listener -Namespace $nsB -Address 2001:db8:3::2 -Port 8081
        }
        AfterAll {
            Stop-TestProcess $listener
            Stop-TestProcess $listenerV6
        }

        It 'reaches a port that listens in the other namespace' {
            $result = Test-NetNamespaceConnection -Namespace $nsA -Address 10.99.3.2 -Port 8080 -Count 2

            $result.Reachable | Should -BeTrue -Because $result.Error
            $result.Protocol | Should -Be 'Tcp'
            $result.Port | Should -Be 8080
            $result.Received | Should -Be 2
            $result.RoundTripTime | Should -BeGreaterThan ([TimeSpan]::Zero)
            $result.SourceAddress | Should -Be ([ipaddress]'10.99.3.1')
            $listener.HasExited | Should -BeFalse -Because 'a test connection must not upset the service'
        }

        It 'reaches an IPv6 port' {
            $result = Test-NetNamespaceConnection -Namespace $nsA -Address 2001:db8:3::2 -Port 8081
            $result.Reachable | Should -BeTrue -Because $result.Error
            $result.SourceAddress | Should -Be ([ipaddress]'2001:db8:3::1')
        }

        It 'a closed port: Reachable false, "Connection refused", at once' {
            $run = Measure-Test { Test-NetNamespaceConnection -Namespace $nsA -Address 10.99.3.2 -Port 8099 -TimeoutMilliseconds 3000 }
            $run.Output.Reachable | Should -BeFalse
            $run.Output.Error | Should -BeExactly 'Connection refused'
            $run.Milliseconds | Should -BeLessThan 1000

            (Test-NetNamespaceConnection -Namespace $nsA -Address 2001:db8:3::2 -Port 8099).Error | Should -BeExactly 'Connection refused'
        }

        It 'the host connects to a port in A' {
            $hostListener = Start-Listener -Namespace $nsA -Address 10.99.4.2 -Port 9090
            try {
                $result = Test-NetNamespaceConnection -Address 10.99.4.2 -Port 9090
            }
            finally {
                Stop-TestProcess $hostListener
            }
            $result.Reachable | Should -BeTrue -Because $result.Error
            $result.Namespace | Should -BeExactly ''
        }

        It 'a silent address: Reachable false after the timeout' {
            $run = Measure-Test { Test-NetNamespaceConnection -Namespace $nsA -Address 10.99.3.77 -Port 80 -TimeoutMilliseconds 300 }
            $run.Output.Reachable | Should -BeFalse
            $run.Output.Error | Should -BeExactly 'Timed out after 300 ms'
            $run.Milliseconds | Should -BeGreaterOrEqual 300
            $run.Milliseconds | Should -BeLessThan 1200
        }

        It 'no route: "Network is unreachable"' {
            (Test-NetNamespaceConnection -Namespace $nsB -Address 203.0.113.9 -Port 80).Error | Should -BeExactly 'Network is unreachable'
        }

        It '-Protocol Tcp with -Port is the same test' {
            (Test-NetNamespaceConnection -Namespace $nsA -Address 10.99.3.2 -Port 8080 -Protocol Tcp).Reachable | Should -BeTrue
        }
    }

    Context 'Output and pipeline' {
        It '-Quiet returns one [bool]: $true when reachable' {
            $answer = Test-NetNamespaceConnection -Namespace $nsA -Address 10.99.3.2 -Quiet
            @($answer) | Should -HaveCount 1
            $answer | Should -BeOfType [bool]
            $answer | Should -BeTrue
            Test-NetNamespaceConnection -Namespace $nsA -Address 10.99.3.2 -Quiet | Should -BeTrue
        }

        It '-Quiet returns $false when unreachable, without an error' {
            $answer = Test-NetNamespaceConnection -Namespace $nsA -Address 10.99.3.2 -Port 8099 -Quiet -ErrorVariable errors
            $answer | Should -BeOfType [bool]
            $answer | Should -BeFalse
            $errors | Should -BeNullOrEmpty
        }

        It 'tests each address given, in order, and takes addresses from the pipeline' {
            $results = Test-NetNamespaceConnection -Namespace $nsA -Address 10.99.3.2, 2001:db8:3::2
            # Not $results.Address: on an array that is the array's own Address() method.
            @($results | ForEach-Object { "$($_.Address)" }) | Should -Be @('10.99.3.2', '2001:db8:3::2')
            @($results.Reachable) | Should -Be @($true, $true)

            $piped = '10.99.3.2', '10.99.4.1' | Test-NetNamespaceConnection -Namespace $nsA -Quiet
            @($piped) | Should -Be @($true, $true)
        }

        It 'takes the namespace from piped NetNamespace objects (their Name)' {
            $results = Get-NetNamespace -Name $nsA, $nsB | Test-NetNamespaceConnection -Address 10.99.3.2
            @($results.Namespace) | Should -Be @($nsA, $nsB)
            @($results.Reachable) | Should -Be @($true, $true)
        }

        It 'shows a table with the answer and the round trip in milliseconds' {
            $text = @(
                Test-NetNamespaceConnection -Address 10.99.4.2
                Test-NetNamespaceConnection -Namespace $nsA -Address 10.99.3.2 -Port 8099
            ) | Out-String -Width 120
            $text | Should -Match 'Namespace\s+Address\s+Port\s+Protocol\s+Reachable\s+RTT \(ms\)\s+Error'
            $text | Should -Match '\(host\)\s+10\.99\.4\.2\s+Icmp\s+True\s+\d+\.\d{3}'
            $text | Should -Match "$nsA\s+10\.99\.3\.2\s+8099\s+Tcp\s+False\s+Connection refused"
        }

        It 'writes each attempt as a verbose message' {
            $verbose = Test-NetNamespaceConnection -Namespace $nsA -Address 10.99.3.2 -Count 2 -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            @($verbose) | Should -HaveCount 2
            "$($verbose[0])" | Should -Match '^Icmp 10\.99\.3\.2 #1: [\d.]+ ms$'
        }

        It 'stops at once on Ctrl+C (StopProcessing), for <Kind>' -ForEach @(
            @{ Kind = 'ICMP'; Port = $null; Address = '10.99.3.78' }
            @{ Kind = 'TCP'; Port = 80; Address = '10.99.3.79' }
        ) {
            $module = Get-ContainerNetTestModulePath
            $ps = [powershell]::Create()
            try {
                $portArgument = if ($Port) { "-Port $Port" } else { '' }
                $null = $ps.AddScript("Import-Module '$module'; Test-NetNamespaceConnection -Namespace $nsA -Address $Address $portArgument -TimeoutMilliseconds 20000 -Count 3")
                $clock = [System.Diagnostics.Stopwatch]::StartNew()
                $null = $ps.BeginInvoke()
                Start-Sleep -Milliseconds 1500 # well past the import, into the wait
                $ps.InvocationStateInfo.State | Should -Be 'Running'
                $stopping = [System.Diagnostics.Stopwatch]::StartNew()
                $ps.Stop()
                $stopping.ElapsedMilliseconds | Should -BeLessThan 1000
                $ps.InvocationStateInfo.State | Should -Be 'Stopped'
                $clock.ElapsedMilliseconds | Should -BeLessThan 5000
            }
            finally {
                $ps.Dispose()
            }
        }

        It 'changes nothing in the kernel' {
            $before = Get-OracleSnapshot
            $null = Test-NetNamespaceConnection -Namespace $nsA -Address 10.99.3.2, 10.99.3.2 -Count 2
            $null = Test-NetNamespaceConnection -Namespace $nsA -Address 10.99.3.2 -Port 8099
            Get-OracleSnapshot | Should -BeExactly $before
        }
    }

    Context 'Bad input' {
        BeforeAll {
            $script:snapshot = Get-OracleSnapshot
        }
        AfterAll {
            Get-OracleSnapshot | Should -BeExactly $snapshot
        }

        It 'refuses <Address> as InvalidAddress and goes on with the other addresses' -ForEach @(
            @{ Address = 'bogus' }
            @{ Address = '10.1' }
            @{ Address = '10.99.3.256' }
            @{ Address = '10.99.3.2/24' }
            @{ Address = 'fe80::1%eth0' }
        ) {
            { Test-NetNamespaceConnection -Namespace $nsA -Address $Address -ErrorAction Stop } |
                Should -Throw -ErrorId "InvalidAddress,$commandName"
            $results = Test-NetNamespaceConnection -Namespace $nsA -Address $Address, 10.99.3.2 -ErrorVariable errors -ErrorAction SilentlyContinue
            @($results) | Should -HaveCount 1
            $results.Reachable | Should -BeTrue
            @($errors) | Should -HaveCount 1
            $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $errors[0].TargetObject | Should -BeExactly $Address
        }

        It 'a missing namespace is NamespaceNotFound' {
            { Test-NetNamespaceConnection -Namespace nosuch-ns -Address 10.99.3.2 -ErrorAction Stop } |
                Should -Throw -ErrorId "NamespaceNotFound,$commandName"
            $null = Test-NetNamespaceConnection -Namespace nosuch-ns -Address 10.99.3.2, 10.99.3.1 -ErrorVariable errors -ErrorAction SilentlyContinue
            @($errors) | Should -HaveCount 1 -Because 'one error per missing namespace, not one per address'
            $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }

        It 'an impossible namespace name is InvalidNamespaceName' {
            { Test-NetNamespaceConnection -Namespace 'a/b' -Address 10.99.3.2 -ErrorAction Stop } |
                Should -Throw -ErrorId "InvalidNamespaceName,$commandName"
        }

        It 'refuses port <Port> as InvalidPort before testing anything' -ForEach @(
            @{ Port = 0 }
            @{ Port = -1 }
            @{ Port = 65536 }
        ) {
            { Test-NetNamespaceConnection -Namespace $nsA -Address 10.99.3.2 -Port $Port } |
                Should -Throw -ErrorId "InvalidPort,$commandName"
        }

        It 'refuses -Protocol Tcp without -Port (PortRequired) and -Protocol Icmp with one (UnexpectedPort)' {
            { Test-NetNamespaceConnection -Namespace $nsA -Address 10.99.3.2 -Protocol Tcp } |
                Should -Throw -ErrorId "PortRequired,$commandName"
            { Test-NetNamespaceConnection -Namespace $nsA -Address 10.99.3.2 -Protocol Icmp -Port 80 } |
                Should -Throw -ErrorId "UnexpectedPort,$commandName"
        }

        It 'refuses -Count <Count> (InvalidCount) and -TimeoutMilliseconds <Timeout> (InvalidTimeout)' -ForEach @(
            @{ Count = 0; Timeout = 0 }
            @{ Count = 1001; Timeout = 600001 }
        ) {
            { Test-NetNamespaceConnection -Address 10.99.4.2 -Count $Count } | Should -Throw -ErrorId "InvalidCount,$commandName"
            { Test-NetNamespaceConnection -Address 10.99.4.2 -TimeoutMilliseconds $Timeout } | Should -Throw -ErrorId "InvalidTimeout,$commandName"
        }

        It 'refuses a protocol it does not know' {
            { Test-NetNamespaceConnection -Address 10.99.4.2 -Protocol Udp } | Should -Throw -ErrorId "CannotConvertArgumentNoMessage,$commandName"
        }
    }
}
