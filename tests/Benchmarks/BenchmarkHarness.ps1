# Shared benchmark machinery: timing with verification, and the report (table, JSON, Markdown).

function Assert-BenchmarkSandbox {
    # Benchmarks create hundreds of namespaces and links: only ever inside the sandbox build.ps1 makes.
    $parent = $env:CONTAINERNET_SANDBOX_PARENT_NETNS
    $own = (Get-Item /proc/self/ns/net).LinkTarget
    if (-not $parent -or $parent -eq $own) {
        throw "Benchmarks run only inside the ContainerNet sandbox: use 'dotnet pwsh ./build.ps1 Bench'."
    }
}

function Measure-Method {
    param(
        [string] $Scenario,
        [hashtable] $Method,  # Name, Setup {param($n)}, Teardown {param($n)}, Verify {param($n)} -> $true or a reason
        [int] $Count,
        [int] $Runs
    )
    $setupTimes = [System.Collections.Generic.List[double]]::new()
    $teardownTimes = [System.Collections.Generic.List[double]]::new()
    $failure = $null
    for ($run = 1; $run -le $Runs -and -not $failure; $run++) {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        try { & $Method.Setup $Count } catch { $failure = "setup failed: $_" }
        $watch.Stop()
        if (-not $failure) {
            $verdict = & $Method.Verify $Count
            if ($verdict -ne $true) { $failure = "verification failed: $verdict" }
            else { $setupTimes.Add($watch.Elapsed.TotalSeconds) }
        }
        $watch.Restart()
        try { & $Method.Teardown $Count } catch { if (-not $failure) { $failure = "teardown failed: $_" } }
        $watch.Stop()
        if (-not $failure) { $teardownTimes.Add($watch.Elapsed.TotalSeconds) }
        Reset-BenchmarkSandbox
    }
    [pscustomobject]@{
        Scenario       = $Scenario
        Method         = $Method.Name
        Count          = $Count
        Runs           = $setupTimes.Count
        SetupMin       = Get-Min $setupTimes
        SetupMedian    = Get-Median $setupTimes
        TeardownMin    = Get-Min $teardownTimes
        TeardownMedian = Get-Median $teardownTimes
        Failure        = $failure
    }
}

function Reset-BenchmarkSandbox {
    # Whatever a method left behind (after a failure) must not distort the next one.
    foreach ($ns in @(ip netns list | ForEach-Object { ($_ -split ' ')[0] })) { ip netns del $ns 2>$null }
    foreach ($link in @(ip -j link show type veth | ConvertFrom-Json)) { ip link del $link.ifname 2>$null }
    Start-Sleep -Milliseconds 200
}

function Get-Median([System.Collections.Generic.List[double]] $Values) {
    if ($Values.Count -eq 0) { return $null }
    $sorted = $Values | Sort-Object
    $middle = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { return $sorted[$middle] }
    return ($sorted[$middle - 1] + $sorted[$middle]) / 2
}

function Get-Min([System.Collections.Generic.List[double]] $Values) {
    if ($Values.Count -eq 0) { return $null }
    return ($Values | Measure-Object -Minimum).Minimum
}

function Write-BenchmarkReport {
    param($Results, [string] $Baseline, [string] $OutputDirectory)
    $rows = foreach ($r in $Results) {
        $base = $Results | Where-Object { $_.Scenario -eq $r.Scenario -and $_.Count -eq $r.Count -and $_.Method -eq $Baseline }
        [pscustomobject]@{
            Scenario         = $r.Scenario
            N                = $r.Count
            Method           = $r.Method
            'Setup min s'    = Format-Seconds $r.SetupMin
            'Setup median s' = Format-Seconds $r.SetupMedian
            'Setup ratio'    = Format-Ratio $r.SetupMedian $base.SetupMedian
            'Teardown min s' = Format-Seconds $r.TeardownMin
            'Teardown median s' = Format-Seconds $r.TeardownMedian
            'Teardown ratio' = Format-Ratio $r.TeardownMedian $base.TeardownMedian
            Note             = $r.Failure
        }
    }
    $rows | Format-Table -AutoSize | Out-String -Width 220 | Write-Host
    Write-Host "Ratio = method median / '$Baseline' median (above 1: ContainerNet is that many times faster)."

    New-Item -ItemType Directory -Force -Path $OutputDirectory | Out-Null
    $Results | ConvertTo-Json -Depth 4 | Set-Content (Join-Path $OutputDirectory 'results.json')
    $columns = $rows[0].PSObject.Properties.Name
    $markdown = @('| ' + ($columns -join ' | ') + ' |', '|' + (($columns | ForEach-Object { '---' }) -join '|') + '|')
    $markdown += $rows | ForEach-Object { $row = $_; '| ' + (($columns | ForEach-Object { $row.$_ }) -join ' | ') + ' |' }
    $markdown | Set-Content (Join-Path $OutputDirectory 'results.md')
    Write-Host "Written: $(Join-Path $OutputDirectory 'results.json'), results.md"
}

function Format-Seconds($Value) { if ($null -eq $Value) { '-' } else { '{0:N3}' -f $Value } }

function Format-Ratio($Value, $BaseValue) {
    if ($null -eq $Value -or -not $BaseValue) { return '-' }
    '{0:N2}' -f ($Value / $BaseValue)
}
