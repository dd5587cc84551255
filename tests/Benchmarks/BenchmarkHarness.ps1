# Shared benchmark machinery: timing with verification, resetting the sandbox between runs, and the
# report (table, JSON, Markdown).
#
# A scenario is a name and a list of methods. A method is a hashtable:
#   Name      the row's name
#   Available optional { } -> $true, or the reason it cannot run ("not available: ..." in the report)
#   Info      optional string for the Note column (a peer's version, say)
#   Setup     { param($n) } builds the topology for n containers: timed
#   Verify    { param($n) } -> $true or the reason the topology is wrong: not timed
#   Teardown  { param($n) } removes it: timed, together with the wait until the kernel has really
#             dismantled it (Wait-BenchmarkSandboxEmpty), the same for every method
# Runs are interleaved (run 1 of every method, then run 2, ...), so a drift of the machine during the
# invocation spreads over all methods instead of landing on one. A method that fails once is not run
# again at that N; its row says why.

function Assert-BenchmarkSandbox {
    # Benchmarks create hundreds of namespaces and links: only ever inside the sandbox build.ps1 makes.
    $parent = $env:CONTAINERNET_SANDBOX_PARENT_NETNS
    $own = (Get-Item /proc/self/ns/net).LinkTarget
    if (-not $parent -or $parent -eq $own) {
        throw "Benchmarks run only inside the ContainerNet sandbox: use 'dotnet pwsh ./build.ps1 Bench'."
    }
    # build.ps1 remounts sysfs inside the sandbox, so /sys/class/net lists the sandbox's links: a
    # directory listing is a far cheaper "are they gone yet" than starting ip. Trust it only if it
    # agrees with ip (it shows the machine's links if the remount failed).
    $fromSysfs = @(Get-ChildItem -Name /sys/class/net -ErrorAction Ignore | Sort-Object) -join ','
    $fromIp = @(ip -j link show | ConvertFrom-Json | ForEach-Object ifname | Sort-Object) -join ','
    $script:SysfsShowsSandbox = $fromSysfs -eq $fromIp
}

function Invoke-BenchmarkScenario {
    param(
        [string] $Scenario,
        [hashtable[]] $Methods,
        [int] $Count,
        [int] $Runs
    )
    $states = foreach ($method in $Methods) {
        $reason = if ($method.Available) { & $method.Available } else { $true }
        [pscustomobject]@{
            Method        = $method
            SetupTimes    = [System.Collections.Generic.List[double]]::new()
            TeardownTimes = [System.Collections.Generic.List[double]]::new()
            Failure       = if ($reason -ne $true) { "not available: $reason" } else { $null }
        }
    }
    Reset-BenchmarkSandbox
    for ($run = 1; $run -le $Runs; $run++) {
        foreach ($state in $states | Where-Object { -not $_.Failure }) {
            Invoke-MethodRun $state $Count
            Reset-BenchmarkSandbox
        }
    }
    foreach ($state in $states) {
        [pscustomobject]@{
            Scenario       = $Scenario
            Method         = $state.Method.Name
            Count          = $Count
            Runs           = $state.SetupTimes.Count
            SetupMin       = Get-Min $state.SetupTimes
            SetupMedian    = Get-Median $state.SetupTimes
            TeardownMin    = Get-Min $state.TeardownTimes
            TeardownMedian = Get-Median $state.TeardownTimes
            SetupTimes     = @($state.SetupTimes)
            TeardownTimes  = @($state.TeardownTimes)
            Info           = $state.Method.Info
            Failure        = $state.Failure
        }
    }
}

# One timed setup, its verification (not timed), one timed teardown. Times are kept only for a run
# that passed verification and tore down completely.
function Invoke-MethodRun($State, [int] $Count) {
    $method = $State.Method
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    try { $null = & $method.Setup $Count } catch { $State.Failure = "setup failed: $_" }
    $watch.Stop()
    $setup = $watch.Elapsed.TotalSeconds
    if (-not $State.Failure) {
        $verdict = try { & $method.Verify $Count } catch { "$_" }
        if ($verdict -ne $true) { $State.Failure = "verification failed: $verdict" }
    }
    $watch.Restart()
    try {
        $null = & $method.Teardown $Count
        if (-not (Wait-BenchmarkSandboxEmpty -TimeoutSeconds 30)) {
            throw "namespaces or links are still there 30 s later: $(Get-BenchmarkSandboxLeftovers)"
        }
    }
    catch { if (-not $State.Failure) { $State.Failure = "teardown failed: $_" } }
    $watch.Stop()
    if (-not $State.Failure) {
        $State.SetupTimes.Add($setup)
        $State.TeardownTimes.Add($watch.Elapsed.TotalSeconds)
    }
}

# What is in the sandbox besides its loopback: named namespaces and links.
function Get-BenchmarkSandboxLeftovers {
    $namespaces = @(Get-ChildItem -Name /run/netns -ErrorAction Ignore)
    $links = if ($script:SysfsShowsSandbox) { @(Get-ChildItem -Name /sys/class/net) }
             else { @(ip -o link show | ForEach-Object { ($_ -split ':\s+')[1] -replace '@.*$' }) }
    $links = @($links | Where-Object { $_ -ne 'lo' })
    if ($namespaces.Count + $links.Count -eq 0) { return '' }
    $say = { param($kind, $names) if ($names.Count) { "$($names.Count) $kind ($((@($names) | Select-Object -First 5) -join ', ')$(if ($names.Count -gt 5) { ', ...' }))" } }
    (@((& $say 'namespaces' $namespaces), (& $say 'links' $links)) | Where-Object { $_ }) -join ', '
}

# The kernel dismantles a deleted namespace asynchronously (its veth ends linger for a moment): a
# teardown is complete when nothing but lo is left. Part of every method's teardown time.
function Wait-BenchmarkSandboxEmpty([double] $TimeoutSeconds = 30) {
    $deadline = [datetime]::UtcNow.AddSeconds($TimeoutSeconds)
    $pause = if ($script:SysfsShowsSandbox) { 2 } else { 10 }
    while ($true) {
        $empty = [IO.Directory]::GetFileSystemEntries('/run/netns').Length -eq 0 -and $(
            if ($script:SysfsShowsSandbox) { @([IO.Directory]::GetFileSystemEntries('/sys/class/net')).Length -eq 1 }
            else { @(ip -o link show).Count -eq 1 })
        if ($empty) { return $true }
        if ([datetime]::UtcNow -ge $deadline) { return $false }
        [System.Threading.Thread]::Sleep($pause)
    }
}

function Reset-BenchmarkSandbox {
    # Whatever a method left behind (after a failure) must not distort the next one: namespaces first
    # (their devices go with them, together), then every link but lo (veths, bridges), forwarding off,
    # and the sandbox's own nftables ruleset emptied (this namespace's only: the sandbox is private).
    nft flush ruleset 2>$null
    $namespaces = @(Get-ChildItem -Name /run/netns -ErrorAction Ignore)
    if ($namespaces.Count) {
        $namespaces | ForEach-Object { "netns del $_" } | ip -force -batch - 2>$null | Out-Null
        Wait-VethsSettled
    }
    $links = @(ip -j link show | ConvertFrom-Json | Where-Object ifname -NE 'lo' | ForEach-Object ifname)
    if ($links.Count) {
        # -force: a veth whose peer was deleted first is gone already; go on with the rest.
        $links | ForEach-Object { "link del $_" } | ip -force -batch - 2>$null | Out-Null
    }
    # Not Set-Content: on these /proc files it opens and truncates but never writes.
    [IO.File]::WriteAllText('/proc/sys/net/ipv4/ip_forward', '0')
    if ((Get-Content -LiteralPath /proc/sys/net/ipv4/ip_forward) -ne '0') { throw 'Cannot turn IPv4 forwarding off in the benchmark sandbox.' }
    if (Test-Path -LiteralPath /proc/sys/net/ipv6/conf/all/forwarding) {
        [IO.File]::WriteAllText('/proc/sys/net/ipv6/conf/all/forwarding', '0')
    }
    if (-not (Wait-BenchmarkSandboxEmpty -TimeoutSeconds 10)) {
        throw "Cannot reset the benchmark sandbox: $(Get-BenchmarkSandboxLeftovers) remain."
    }
    # Let the kernel's namespace cleanup work finish before the next timed step.
    Start-Sleep -Milliseconds 200
}

# After namespaces were deleted: the kernel removes their veths' host ends shortly, all together.
# Wait until none is left, or the count stops falling (a veth with both ends here stays), at most 10 s.
function Wait-VethsSettled {
    $deadline = [datetime]::UtcNow.AddSeconds(10)
    $last = -1
    $steady = [System.Diagnostics.Stopwatch]::StartNew()
    while ([datetime]::UtcNow -lt $deadline) {
        $count = @(ip -o link show type veth).Count
        if ($count -eq 0) { return }
        if ($count -ne $last) { $last = $count; $steady.Restart() }
        elseif ($steady.ElapsedMilliseconds -ge 500) { return }
        Start-Sleep -Milliseconds 20
    }
}

# Runs one peer program; its output is kept only to explain a failure.
function Invoke-PeerProgram([string] $FilePath, [string[]] $ArgumentList) {
    $output = & $FilePath @ArgumentList 2>&1
    if ($LASTEXITCODE) {
        $tail = @($output | Select-Object -Last 3 | ForEach-Object { "$_".Trim() }) -join ' / '
        throw "$([IO.Path]::GetFileName($FilePath)) $($ArgumentList -join ' ') exited $LASTEXITCODE$(if ($tail) { ": $tail" })"
    }
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
    param(
        $Results,
        [string] $Baseline,
        [string] $OutputDirectory,
        # Rows of Target, Measured, Verdict: printed after the table and written to results.md.
        $Acceptance = @(),
        # Lines printed above the table in results.md (machine, versions, runs).
        [string[]] $Preamble = @()
    )
    # A scenario without targets passes nothing, which arrives here as one $null.
    $Acceptance = @($Acceptance | Where-Object { $_ })
    $rows = foreach ($r in $Results) {
        $base = $Results | Where-Object { $_.Scenario -eq $r.Scenario -and $_.Count -eq $r.Count -and $_.Method -eq $Baseline } |
            Select-Object -First 1
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
            Note             = if ($r.Failure) { $r.Failure } else { $r.Info }
        }
    }
    $rows | Format-Table -AutoSize | Out-String -Width 260 | Write-Host
    $ratioLine = "Ratio = method median / '$Baseline' median (above 1: ContainerNet is that many times faster); '-' where '$Baseline' has no time."
    Write-Host $ratioLine
    if ($Acceptance.Count) {
        Write-Host ''
        Write-Host 'Acceptance targets (issue 4):'
        $Acceptance | Format-Table -AutoSize | Out-String -Width 260 | Write-Host
    }

    New-Item -ItemType Directory -Force -Path $OutputDirectory | Out-Null
    ConvertTo-Json -InputObject @($Results) -Depth 4 | Set-Content (Join-Path $OutputDirectory 'results.json')
    # Two trailing spaces: a Markdown line break within a paragraph.
    $markdown = @($Preamble | ForEach-Object { if ($_ -and $_ -notmatch '^#') { "$_  " } else { $_ } })
    if ($markdown.Count) { $markdown += '' }
    $markdown += ConvertTo-MarkdownTable $rows
    $markdown += '', $ratioLine
    if ($Acceptance.Count) {
        $markdown += '', '## Acceptance targets (issue 4)', ''
        $markdown += ConvertTo-MarkdownTable $Acceptance
    }
    $markdown | Set-Content (Join-Path $OutputDirectory 'results.md')
    Write-Host "Written: $(Join-Path $OutputDirectory 'results.json'), results.md"
}

function ConvertTo-MarkdownTable($Rows) {
    $Rows = @($Rows)
    if ($Rows.Count -eq 0) { return @() }
    $columns = $Rows[0].PSObject.Properties.Name
    '| ' + ($columns -join ' | ') + ' |'
    '|' + (($columns | ForEach-Object { '---' }) -join '|') + '|'
    foreach ($row in $Rows) { '| ' + (($columns | ForEach-Object { "$($row.$_)" -replace '\|', '\|' }) -join ' | ') + ' |' }
}

function Format-Seconds($Value) { if ($null -eq $Value) { '-' } else { '{0:N3}' -f $Value } }

function Format-Ratio($Value, $BaseValue) {
    if ($null -eq $Value -or -not $BaseValue) { return '-' }
    '{0:N2}' -f ($Value / $BaseValue)
}
