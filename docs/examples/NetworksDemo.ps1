<#
.SYNOPSIS
    The Docker-style networks walkthrough: `docker network create mynet`, containers tomcat01 and
    tomcat02 on it pinging each other by name, a container on the default network that cannot reach
    them until it joins mynet too (two networks, two interfaces), a published port answering from
    outside, and `docker network inspect mynet` - with ContainerNet's cmdlets.
.DESCRIPTION
    Runs inside the sandbox that `build.ps1 Demo` creates (after Demo.ps1): nothing here touches the
    machine's own network. mynet uses 10.10.0.0/16 (the seeds' 192.168.0.0/16, moved into 10.x for the
    sandbox); the default network takes Docker's first default pool, 172.17.0.0/16. The "outside world"
    is a namespace with the TEST-NET address 203.0.113.1. Cleans up.
#>
[CmdletBinding()]
param(
    [string] $ModulePath = ($env:CONTAINERNET_MODULE_PATH ?? (Join-Path $PSScriptRoot '../../out/ContainerNet'))
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

. (Join-Path $PSScriptRoot 'DemoHelpers.ps1')

function Show-Ping([string] $From, [string] $To) {
    # As `docker exec FROM ping TO`: a name is looked up in the container's /etc/hosts.
    $result = Invoke-NetNamespace -Name $From -FilePath ping -ArgumentList '-c', '1', '-W', '1', $To -TimeoutSec 5
    $line = @(($result.StandardOutput + $result.StandardError) -split "`n" | Where-Object { $_ -match 'bytes from|unknown|Unreachable|100% packet loss|Name or service|failure in name' })[0]
    $verdict = if ($result.ExitCode -eq 0) { 'answers' } else { 'does NOT answer' }
    Write-Host ("  {0,-9} ping {1,-9} {2}: {3}" -f $From, $To, $verdict, "$line".Trim())
}

$containers = 'tomcat01', 'tomcat02', 'tomcat03'
try {
    Show-Step 'Containers: three namespaces (Docker''s --network none: nothing but lo)'
    New-NetNamespace -Name $containers | Out-Host

    Show-Step 'docker network create: the default network "bridge" (next free default pool) and mynet'
    New-ContainerNetwork -Name bridge | Out-Host
    New-ContainerNetwork -Name mynet -Subnet 10.10.0.0/16 -Gateway 10.10.0.1 | Out-Host

    Show-Step 'docker run --network mynet: tomcat01 and tomcat02 join mynet; tomcat03 joins the default network'
    'tomcat01', 'tomcat02' | Connect-ContainerNetwork -Network mynet | Out-Host
    Connect-ContainerNetwork -Network bridge -Container tomcat03 | Out-Host

    Show-Step 'On mynet, containers resolve each other by name (/etc/netns/NAME/hosts, seen as /etc/hosts)'
    Show-Ping tomcat01 tomcat02
    Show-Ping tomcat02 tomcat01
    Write-Host '  tomcat01''s /etc/hosts:'
    (Invoke-NetNamespace -Name tomcat01 -FilePath cat -ArgumentList /etc/hosts).StandardOutput.TrimEnd() -split "`n" | ForEach-Object { "    $_" } | Out-Host

    Show-Step 'tomcat03, on the default network, cannot reach them: no name, and the networks are isolated'
    Show-Ping tomcat03 tomcat01
    Show-Ping tomcat03 10.10.0.2

    Show-Step 'docker network connect mynet tomcat03: a second network, a second interface (eth1)'
    Connect-ContainerNetwork -Network mynet -Container tomcat03 | Out-Host
    Get-NetAddress -Namespace tomcat03 -Family IPv4 | Out-Host
    Get-NetRoute -Namespace tomcat03 -Family IPv4 | Out-Host
    Show-Ping tomcat03 tomcat01
    Show-Ping tomcat01 tomcat03

    Show-Step 'The outside world: a namespace at 203.0.113.1, linked to the host (203.0.113.2)'
    New-NetNamespace -Name outside | Out-Null
    New-VethPair -Name uplink -PeerName eth0 -PeerNamespace outside -Up | Out-Null
    Add-NetAddress -Interface uplink -Address 203.0.113.2/24 | Out-Null
    Add-NetAddress -Namespace outside -Interface eth0 -Address 203.0.113.1/24 | Out-Host
    Show-Ping tomcat01 203.0.113.1
    Write-Host '  (the outside has no route to 10.10.0.0/16: tomcat01 gets there through masquerade)'

    Show-Step 'docker run -p 8080:8080: publish tomcat01''s port 8080 on the host, and call it from outside'
    Publish-ContainerPort -Network mynet -Container tomcat01 -ContainerPort 8080 -HostPort 8080 | Out-Host
    # Start-Process joins -ArgumentList with spaces: quote the shell command as one argument.
    $server = Start-Process -PassThru -FilePath ip -ArgumentList 'netns exec tomcat01 timeout 5 sh -c "echo Hello from tomcat01 | nc -l -N 8080"'
    Start-Sleep -Milliseconds 300
    $reply = (Invoke-NetNamespace -Name outside -FilePath sh -ArgumentList '-c', 'timeout 3 nc -N 203.0.113.2 8080 </dev/null').StandardOutput.Trim()
    Write-Host "  outside -> 203.0.113.2:8080 answered: $reply"
    $null = $server.WaitForExit(6000)

    Show-Step 'docker network inspect mynet'
    Get-ContainerNetwork -Name mynet | Format-List | Out-Host

    Show-Step 'docker network rm mynet: refused while containers are on it, unless -Force'
    try { Remove-ContainerNetwork -Name mynet -ErrorAction Stop }
    catch { Write-Host ("  {0} [{1}]: {2}" -f $_.FullyQualifiedErrorId, $_.CategoryInfo.Category, $_.Exception.Message) }

    Show-Step 'Repair-ContainerNetwork: state and kernel agree, so it finds nothing'
    $findings = @(Repair-ContainerNetwork)
    Write-Host "  findings: $($findings.Count)"
}
finally {
    Show-Step 'Clean up: remove the networks with their endpoints (-Force), then the namespaces'
    Get-ContainerNetwork -ErrorAction SilentlyContinue | Remove-ContainerNetwork -Force
    Get-NetNamespace -Name ($containers + 'outside') -ErrorAction SilentlyContinue | Remove-NetNamespace -Force
    Write-Host ('  networks left: {0}; links left on the host: {1}' -f @(Get-ContainerNetwork).Count, ((Get-NetLink).Name -join ', '))
    Write-Host ('  nftables tables left: {0}' -f ((nft list tables) -join ', '))
}
