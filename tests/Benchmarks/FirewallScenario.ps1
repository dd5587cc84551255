# Scenario "publish-ports": N published tcp ports (host 30000+i -> 10.88.0.2:20000+i) in the sandbox's
# own ruleset, with ContainerNet (one cmdlet call per port, one call for all, the Core API) against
# `nft -f` of the same layout and elements. Teardown removes them all (and with them the table).

function Get-FirewallScenario {
    @{ Name = 'publish-ports'; Methods = @(Get-FirewallScenarioMethods) }
}

function Test-PublishedPorts([int] $n) {
    $map = (nft -j list map inet containernet publish4 2>$null | ConvertFrom-Json).nftables | Where-Object { $_.map } | Select-Object -First 1
    $count = @($map.map.elem).Count
    if ($count -ne $n) { return "expected $n elements in map publish4, nft lists $count" }
    $rules = @((nft -j list table inet containernet | ConvertFrom-Json).nftables | Where-Object { $_.rule }).Count
    # FirewallLayout's fixed rules (8 publish, 8 forward, 6 postrouting); ports are map elements, never rules.
    if ($rules -gt 22) { return "expected the 22 fixed rules only, nft lists $rules" }
    return $true
}

function Get-FirewallScenarioMethods {
    $specs = { param($n) foreach ($i in 1..$n) { [pscustomobject]@{ ContainerAddress = '10.88.0.2'; ContainerPort = [string](20000 + $i); HostPort = [string](30000 + $i) } } }
    $teardown = { param($n) Get-ContainerPort | Unpublish-ContainerPort }
    @{
        Name     = 'ContainerNet cmdlets'
        Info     = 'one pipeline: every port piped into one Publish-ContainerPort call (one batch)'
        Setup    = { param($n) & $specs $n | Publish-ContainerPort | Out-Null }.GetNewClosure()
        Teardown = $teardown
        Verify   = { param($n) Test-PublishedPorts $n }
    }
    @{
        Name     = 'ContainerNet cmdlets, one call per port'
        Setup    = { param($n) foreach ($spec in & $specs $n) { $null = Publish-ContainerPort -ContainerAddress $spec.ContainerAddress -ContainerPort $spec.ContainerPort -HostPort $spec.HostPort } }.GetNewClosure()
        Teardown = $teardown
        Verify   = { param($n) Test-PublishedPorts $n }
    }
    @{
        Name     = 'ContainerNet Core API'
        Setup    = {
            param($n)
            $registry = [ContainerNet.Core.Namespaces.NamespaceRegistry]::new()
            $connections = [ContainerNet.Core.Namespaces.NamespaceConnections]::new($registry)
            $links = [ContainerNet.Core.Links.LinkOperations]::new($connections)
            $firewall = [ContainerNet.Core.Firewall.FirewallOperations]::new($connections, $links, [ContainerNet.Core.Addresses.AddressOperations]::new($connections, $links))
            $list = [System.Collections.Generic.List[ContainerNet.Core.Firewall.PublishSpec]]::new()
            foreach ($spec in & $specs $n) { $list.Add([ContainerNet.Core.Firewall.PublishSpec]@{ ContainerAddress = $spec.ContainerAddress; ContainerPort = $spec.ContainerPort; HostPort = $spec.HostPort }) }
            $null = $firewall.Publish([NullString]::Value, $list, [NullString]::Value, [NullString]::Value)
            $connections.Dispose()
        }.GetNewClosure()
        Teardown = $teardown
        Verify   = { param($n) Test-PublishedPorts $n }
    }
    @{
        Name     = 'nft -f'
        Info     = 'the same table layout (from nft list) and elements in one nft -f file'
        Setup    = {
            param($n)
            # The layout as ContainerNet writes it, captured once, then the elements in one file.
            if (-not $script:publishLayout) {
                $null = Publish-ContainerPort -ContainerAddress 10.88.0.2 -ContainerPort 1
                $script:publishLayout = (nft list table inet containernet) -join "`n"
                Get-ContainerPort | Unpublish-ContainerPort
            }
            $file = New-TemporaryFile
            $elements = (1..$n | ForEach-Object { "0.0.0.0/0 . tcp . $(30000 + $_) : 10.88.0.2 . $(20000 + $_)" }) -join ', '
            Set-Content $file ($script:publishLayout -replace 'elements = \{[^}]*\}', ''), "add element inet containernet publish4 { $elements }"
            nft -f $file
            if ($LASTEXITCODE) { throw "nft -f exited $LASTEXITCODE" }
            Remove-Item $file
        }
        Teardown = { param($n) nft delete table inet containernet }
        Verify   = { param($n) Test-PublishedPorts $n }
    }
}
