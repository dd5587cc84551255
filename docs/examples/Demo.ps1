<#
.SYNOPSIS
    The ContainerNet walkthrough: by hand, from pwsh, the topology Docker builds for `docker run` on
    its default bridge - two containers (network namespaces) web and db, veth pairs, one bridge with
    an address, default routes through it, forwarding on - and the traffic that proves it works.
.DESCRIPTION
    Runs inside the sandbox that `build.ps1 Demo` creates (a private network and mount namespace):
    nothing here touches the machine's own network. On the way it shows the classic pitfall of giving
    two host-side veth ends addresses in the same subnet, and why a bridge is the fix. Cleans up.
#>
[CmdletBinding()]
param(
    [string] $ModulePath = ($env:CONTAINERNET_MODULE_PATH ?? (Join-Path $PSScriptRoot '../../out/ContainerNet'))
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

. (Join-Path $PSScriptRoot 'DemoHelpers.ps1')

function Show-Reachability([string] $From, [string] $To) {
    $result = if ($From) { Test-NetNamespaceConnection -Namespace $From -Address $To -TimeoutMilliseconds 500 }
              else { Test-NetNamespaceConnection -Address $To -TimeoutMilliseconds 500 }
    $where = if ($From) { $From } else { 'host' }
    $verdict = if ($result.Reachable) { 'reachable ({0:N2} ms)' -f $result.RoundTripTime.TotalMilliseconds } else { "NOT reachable: $($result.Error)" }
    Write-Host ("  {0,-5} -> {1,-11} {2}" -f $where, $To, $verdict)
}

$containers = [ordered]@{ web = '10.88.0.2'; db = '10.88.0.3' }
try {
    Show-Step 'Two containers: network namespaces web and db (ip netns compatible, loopback up)'
    New-NetNamespace -Name $containers.Keys | Out-Host

    Show-Step 'Wire each one to the host: a veth pair whose peer is created directly inside as eth0, both ends up'
    $pairs = foreach ($name in $containers.Keys) { New-VethPair -Name "veth-$name" -PeerName eth0 -PeerNamespace $name -Up }
    $pairs | Out-Host

    Show-Step 'Give each container its address on 10.88.0.0/16'
    foreach ($name in $containers.Keys) { Add-NetAddress -Namespace $name -Interface eth0 -Address "$($containers[$name])/16" | Out-Host }

    Show-Step 'The pitfall: put the gateway address 10.88.0.1/16 on BOTH host-side veth ends'
    Add-NetAddress -Interface veth-web -Address 10.88.0.1/16 | Out-Null
    Add-NetAddress -Interface veth-db -Address 10.88.0.1/16 | Out-Null
    Get-NetRoute -Family IPv4 | Out-Host
    Write-Host '  Two routes to the same /16 on two interfaces: the kernel uses the first, so everything for'
    Write-Host '  10.88.0.0/16 leaves through veth-web, and db is cut off:'
    Show-Reachability '' $containers.web
    Show-Reachability '' $containers.db

    Show-Step 'The fix: one bridge owns the subnet; the veth ends become its ports and carry no address'
    Remove-NetAddress -Interface veth-web -Address 10.88.0.1/16
    Remove-NetAddress -Interface veth-db -Address 10.88.0.1/16
    New-NetBridge -Name cn0 -Up | Out-Host
    Add-NetAddress -Interface cn0 -Address 10.88.0.1/16 | Out-Host
    $pairs | Add-BridgePort -Bridge cn0 | Out-Host

    Show-Step 'Default routes via the bridge, and forwarding on in the host (what a Docker host does)'
    foreach ($name in $containers.Keys) { Add-NetRoute -Namespace $name -Default -Gateway 10.88.0.1 | Out-Null }
    Get-NetRoute -Namespace web | Out-Host
    Enable-IPForwarding -PassThru | Out-Host

    Show-Step 'What is there now: addresses of web, the host routes, the bridge ports'
    Get-NetAddress -Namespace web -Family IPv4 | Out-Host
    Get-NetRoute -Family IPv4 | Out-Host
    Get-BridgePort -Bridge cn0 | Out-Host

    Show-Step 'Traffic (ICMP echo from sockets opened inside each namespace; no ping process)'
    Show-Reachability web $containers.db
    Show-Reachability db $containers.web
    Show-Reachability web '10.88.0.1'
    Show-Reachability '' $containers.web
    Show-Reachability '' $containers.db

    Show-Step 'The outside world: namespace outside (203.0.113.1/24) linked to the host (203.0.113.2/24); it has no route to 10.88.0.0/16'
    New-NetNamespace -Name outside | Out-Null
    New-VethPair -Name uplink -PeerName eth0 -PeerNamespace outside -Up | Out-Null
    Add-NetAddress -Interface uplink -Address 203.0.113.2/24 | Out-Null
    Add-NetAddress -Namespace outside -Interface eth0 -Address 203.0.113.1/24 | Out-Null
    Show-Reachability web '203.0.113.1'
    Write-Host '  (web''s packets get there, but outside cannot answer 10.88.0.2: it has no route back)'

    Show-Step 'Masquerade: traffic from 10.88.0.0/16 leaves with the host''s address (except on cn0 itself)'
    Add-NatMasquerade -Subnet 10.88.0.0/16 -ExceptInterface cn0 | Out-Host
    Show-Reachability web '203.0.113.1'
    $listener = Start-Process -PassThru -RedirectStandardError /tmp/containernet-demo-seen.txt -FilePath ip `
        -ArgumentList 'netns', 'exec', 'outside', 'timeout', '3', 'nc', '-l', '-n', '-v', '9000'
    Start-Sleep -Milliseconds 300
    Invoke-NetNamespace -Name web -FilePath sh -ArgumentList '-c', 'echo hi | timeout 2 nc -N 203.0.113.1 9000' | Out-Null
    $null = $listener.WaitForExit(4000)
    Write-Host ('  what outside saw: ' + ((Get-Content /tmp/containernet-demo-seen.txt) -match 'received' -join ' '))

    Show-Step 'Publish web''s port 80 as host port 8080 (docker run -p 8080:80), answered from outside and from the host itself'
    Publish-ContainerPort -ContainerAddress $containers.web -ContainerPort 80 -HostPort 8080 | Out-Host
    foreach ($from in 'outside', '') {
        # Start-Process joins -ArgumentList with spaces: quote the shell command as one argument.
        $server = Start-Process -PassThru -FilePath ip -ArgumentList 'netns exec web timeout 3 sh -c "echo hello from web | nc -l -N 80"'
        Start-Sleep -Milliseconds 300
        $who = if ($from) { $from } else { 'host' }
        $answer = if ($from) { (Invoke-NetNamespace -Name $from -FilePath sh -ArgumentList '-c', 'timeout 2 nc 203.0.113.2 8080 </dev/null').StandardOutput.Trim() }
                  else { (sh -c 'timeout 2 nc 203.0.113.2 8080 </dev/null') }
        Write-Host ("  {0,-7} -> 203.0.113.2:8080 answered: {1}" -f $who, $answer)
        $null = $server.WaitForExit(4000)
    }
    Get-ContainerPort | Out-Host
    Write-Host '  The rules live in ContainerNet''s own table; published ports and subnets are set elements:'
    (nft list table inet containernet) -match 'elements|table|map |set ' | ForEach-Object { Write-Host "    $_" }

    Show-Step 'icc off (docker network create -o icc=false): web and db cannot talk, the gateway still answers'
    Disable-InterContainerTraffic -Bridge cn0 -PassThru | Out-Host
    Show-Reachability web $containers.db
    Show-Reachability web '10.88.0.1'

    Show-Step 'A link exception (docker run --link): web may reach db on port 5432, and nothing else'
    Add-ContainerLink -Source $containers.web -Destination $containers.db -Port 5432 | Out-Host
    # Start-Process joins -ArgumentList with spaces: quote the shell command as one argument.
    $database = Start-Process -PassThru -FilePath ip -ArgumentList 'netns exec db timeout 3 sh -c "echo db answers | nc -l -N 5432"'
    Start-Sleep -Milliseconds 300
    $reply = (Invoke-NetNamespace -Name web -FilePath sh -ArgumentList '-c', 'timeout 2 nc 10.88.0.3 5432 </dev/null').StandardOutput.Trim()
    Write-Host "  web   -> 10.88.0.3:5432 answered: $reply"
    $null = $database.WaitForExit(4000)
    Show-Reachability web $containers.db
    Show-Reachability db $containers.web

    Show-Step 'A clear error instead of a cryptic one: a route to an address, not a network'
    try {
        Add-NetRoute -Namespace web -Destination 10.99.0.7/16 -Gateway 10.88.0.1 -ErrorAction Stop
    }
    catch {
        Write-Host ("  {0} [{1}]: {2}" -f $_.FullyQualifiedErrorId, $_.CategoryInfo.Category, $_.Exception.Message)
    }
}
finally {
    Show-Step 'Clean up: unpublish and unmasquerade (the table goes with its last element), remove the namespaces (their links go with them), then the bridge'
    Get-ContainerLink -ErrorAction SilentlyContinue | Remove-ContainerLink
    Enable-InterContainerTraffic -Bridge cn0 -ErrorAction SilentlyContinue
    Get-ContainerPort -ErrorAction SilentlyContinue | Unpublish-ContainerPort
    Get-NatMasquerade -ErrorAction SilentlyContinue | Remove-NatMasquerade
    Get-NetNamespace -Name (@($containers.Keys) + 'outside') -ErrorAction SilentlyContinue | Remove-NetNamespace -Force
    Get-NetLink -Name cn0 -ErrorAction SilentlyContinue | Remove-NetLink
    Write-Host ('  links left on the host: {0}' -f ((Get-NetLink).Name -join ', '))
    Write-Host ('  nftables tables left: {0}' -f ((nft list tables) -join ', '))
}
