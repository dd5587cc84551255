# Scenario: N namespaces c1..cN, each with a veth pair (host end vcI, peer eth0 inside), host end up.

function Test-VethTopology([int] $n) {
    $namespaces = @(ip netns list).Count
    if ($namespaces -ne $n) { return "expected $n namespaces, ip netns list shows $namespaces" }
    $veths = @(ip -j link show type veth | ConvertFrom-Json)
    if ($veths.Count -ne $n) { return "expected $n host veths, found $($veths.Count)" }
    foreach ($i in 1, [int][math]::Ceiling($n / 2), $n) {
        $inner = ip -j -n "c$i" link show eth0 2>$null | ConvertFrom-Json
        if (-not $inner) { return "namespace c$i has no eth0" }
    }
    return $true
}

function Get-VethScenario {
    @{ Name = 'veth-into-namespaces'; Methods = @(Get-VethScenarioMethods) }
}

function Get-VethScenarioMethods {
    @{
        Name     = 'ContainerNet cmdlets'
        Setup    = {
            param($n)
            foreach ($i in 1..$n) {
                $null = New-NetNamespace -Name "c$i"
                $null = New-VethPair -Name "vc$i" -PeerName eth0 -PeerNamespace "c$i" -Up
            }
        }
        Teardown = { param($n) Get-NetNamespace -Name c* | Remove-NetNamespace -Force }
        Verify   = { param($n) Test-VethTopology $n }
    }
    @{
        Name     = 'ContainerNet Core API'
        Setup    = {
            param($n)
            $registry = [ContainerNet.Core.Namespaces.NamespaceRegistry]::new()
            $connections = [ContainerNet.Core.Namespaces.NamespaceConnections]::new($registry)
            $links = [ContainerNet.Core.Links.LinkOperations]::new($connections)
            foreach ($i in 1..$n) {
                $null = $connections.CreateNamespace("c$i")
                $spec = [ContainerNet.Core.Links.VethPairSpec]@{ Name = "vc$i"; PeerName = 'eth0'; PeerNamespace = "c$i"; Up = $true }
                $null = $links.CreateVethPair($spec)
            }
            $script:coreState = @{ Registry = $registry; Connections = $connections; Links = $links }
        }
        Teardown = {
            param($n)
            $removal = [ContainerNet.Core.Namespaces.NamespaceRemoval]::new($script:coreState.Connections, $script:coreState.Links)
            foreach ($i in 1..$n) { $removal.Remove("c$i") }
            $null = $removal.WaitUntilDismantled([timespan]::FromSeconds(10))
            $script:coreState.Connections.Dispose()
        }
        Verify   = { param($n) Test-VethTopology $n }
    }
    @{
        Name     = 'ip -batch'
        Setup    = {
            param($n)
            $file = New-TemporaryFile
            $lines = foreach ($i in 1..$n) { "netns add c$i"; "link add vc$i up type veth peer name eth0 netns c$i" }
            Set-Content $file $lines
            ip -batch $file
            if ($LASTEXITCODE) { throw "ip -batch exited $LASTEXITCODE" }
            # The peer can only be brought up from inside its namespace: one `ip -n cI` per namespace.
            Set-Content $file 'link set eth0 up'
            foreach ($i in 1..$n) {
                ip -n "c$i" -batch $file
                if ($LASTEXITCODE) { throw "ip -n c$i -batch exited $LASTEXITCODE" }
            }
            Remove-Item $file
        }
        Teardown = {
            param($n)
            $file = New-TemporaryFile
            Set-Content $file (1..$n | ForEach-Object { "netns del c$_" })
            ip -batch $file
            if ($LASTEXITCODE) { throw "ip -batch exited $LASTEXITCODE" }
            Remove-Item $file
            # The harness counts the wait until the host ends are really gone, as for every method.
        }
        Verify   = { param($n) Test-VethTopology $n }
    }
}
