#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds, documents, tests, demonstrates and benchmarks ContainerNet.

.DESCRIPTION
    Tasks:
      Build  dotnet build (Release), then assemble the module folder out/ContainerNet/ and its help.
      Help   convert docs/en-US/*.md (PlatyPS markdown) to MAML and about_*.help.txt in the module folder.
      Test   Build, then xunit and Pester inside a throw-away network sandbox, plus a check from outside
             that the machine's own namespace gained no link, namespace or nftables table. The last
             line is "N passed, N failed".
      Demo   Build, then docs/examples/Demo.ps1 inside the sandbox.
      Bench  Build, then tests/Benchmarks/Invoke-Benchmark.ps1 inside the sandbox.
      Clean  remove out/ and every project's bin/ and obj/.

    The sandbox is `unshare --net --mount --propagation private` around this same script: a new network
    namespace that holds only lo, and a private mount namespace with tmpfs on /run/netns, /etc/netns and
    the state directory, so nothing a test does can reach the machine's network or its named namespaces.

.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Help', 'Test', 'Demo', 'Bench', 'Clean')]
    [string] $Task = 'Build',

    # Help/Build: also write a PlatyPS page skeleton (facts filled in, prose to write) for every
    # exported cmdlet that has no docs/en-US/<Cmdlet>.md yet. Never overwrites a page.
    [switch] $NewDocs,

    # Test: run only these Pester files (paths or wildcards, e.g. tests/Pester/Help.Tests.ps1);
    # xunit and the host leak check still run.
    [string[]] $PesterPath,

    # Internal: set by the launcher when it re-enters this script inside `unshare`.
    [switch] $InSandbox,

    # Internal: where the sandboxed Test run leaves its counts for the launcher.
    [string] $ResultPath,

    # Internal: converts the help in a fresh pwsh, so the build's own session never loads the module.
    [switch] $HelpWorker
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
# Native exit codes are checked where they matter (Invoke-Native), not turned into exceptions everywhere.
$PSNativeCommandUseErrorActionPreference = $false

$Root = $PSScriptRoot
$Configuration = 'Release'
$TargetFramework = 'net8.0'
$Solution = Join-Path $Root 'ContainerNet.sln'
$OutDir = Join-Path $Root 'out'
$ModuleDir = Join-Path $OutDir 'ContainerNet'
$ResultsDir = Join-Path $OutDir 'TestResults'
$DocsDir = Join-Path $Root 'docs/en-US'
$CmdletBin = Join-Path $Root "src/ContainerNet.PowerShell/bin/$Configuration/$TargetFramework"
$HelpBuilderBin = Join-Path $Root "src/ContainerNet.HelpBuilder/bin/$Configuration/$TargetFramework"
$PesterRestoreProject = Join-Path $Root 'tests/Pester/Pester.Restore.csproj'
$SandboxGuard = Join-Path $Root 'tests/Pester/Sandbox.ps1'
$DemoScript = 'docs/examples/Demo.ps1'
# Demo runs the walkthroughs in this order: the primitives, then Docker-style networks.
$DemoScripts = 'docs/examples/Demo.ps1', 'docs/examples/NetworksDemo.ps1'
$BenchScript = 'tests/Benchmarks/Invoke-Benchmark.ps1'

# Tmds.LibC's package has a reference assembly and one runtime assembly per RID; the module ships
# the runtime ones under runtimes/<rid>/ and its initializer loads the one for this machine.
$TmdsLibCRids = 'linux-x64', 'linux-arm64', 'linux-arm'
# Never in the module folder: pwsh provides the first, the second must come from runtimes/<rid>/.
$NotShipped = 'System.Management.Automation', 'Tmds.LibC'

# Inside the sandbox: tmpfs mounts that hide the machine's copies of these directories.
$SandboxStateDir = '/var/lib/containernet'
$SandboxMarkerDir = '/run/containernet-sandbox'

# Test oracles and the sandbox tool, by command, with the Debian package that provides each.
$Prerequisites = [ordered]@{
    ip      = 'iproute2'
    nft     = 'nftables'
    ping    = 'iputils-ping'
    nc      = 'netcat-openbsd'
    strace  = 'strace'
    unshare = 'util-linux'
    # The Bench task's pyroute2 peer (a library: this is the command its Debian package installs).
    'pyroute2-cli' = 'python3-pyroute2'
    # The network scenario's peers: the CNI reference plugins and netavark (not on PATH: by path).
    '/usr/lib/cni/bridge'      = 'containernetworking-plugins'
    '/usr/lib/podman/netavark' = 'netavark'
}

#region helpers

function Write-Step([string] $Message) {
    Write-Host "==> $Message" -ForegroundColor Cyan
}

# Runs a program with its output on the console (never in a function's return value) and fails on a
# non-zero exit code.
function Invoke-Native {
    param([Parameter(Mandatory)] [string] $FilePath, [string[]] $ArgumentList = @())
    & $FilePath @ArgumentList | Out-Host
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

# How to start another pwsh like this one: `dotnet pwsh` runs pwsh.dll under the dotnet host.
function Get-PwshCommand {
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        return @($process, [Environment]::GetCommandLineArgs()[0])
    }
    return @($process)
}

function Invoke-ChildPwsh([string[]] $ArgumentList) {
    $pwsh = Get-PwshCommand
    Invoke-Native $pwsh[0] (@($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive') + $ArgumentList)
}

function Get-NuGetPackagesRoot {
    if ($env:NUGET_PACKAGES) {
        return $env:NUGET_PACKAGES
    }
    $match = & dotnet nuget locals global-packages --list | Select-String 'global-packages:\s*(\S.*)$' | Select-Object -First 1
    if (-not $match) {
        throw 'Cannot find the NuGet global packages folder (dotnet nuget locals global-packages --list).'
    }
    return $match.Matches[0].Groups[1].Value.Trim()
}

# The version a project pins for a package, so build.ps1 never repeats a version number.
function Get-PackageVersion([string] $Project, [string] $PackageId) {
    [xml] $xml = Get-Content -Raw -LiteralPath $Project
    $item = $xml.SelectNodes('//PackageReference | //PackageDownload') |
        Where-Object { $_.GetAttribute('Include') -eq $PackageId } |
        Select-Object -First 1
    if (-not $item) {
        throw "$Project does not reference the package $PackageId."
    }
    return $item.GetAttribute('Version').Trim('[', ']')
}

function Get-VersionPrefix {
    [xml] $props = Get-Content -Raw -LiteralPath (Join-Path $Root 'Directory.Build.props')
    $node = $props.SelectSingleNode('/Project/PropertyGroup/VersionPrefix')
    if (-not $node -or -not $node.InnerText.Trim()) {
        throw 'Directory.Build.props has no VersionPrefix.'
    }
    return $node.InnerText.Trim()
}

function Install-Prerequisites([string[]] $Commands) {
    $missing = @($Commands | Where-Object { -not (Get-Command $_ -CommandType Application -ErrorAction Ignore) })
    if ($missing.Count -eq 0) {
        return
    }
    $packages = @($missing | ForEach-Object { $Prerequisites[$_] } | Sort-Object -Unique)
    if (-not (Get-Command apt-get -CommandType Application -ErrorAction Ignore) -or (& id -u) -ne '0') {
        throw "Missing $($missing -join ', '). Install the Debian packages as root: apt-get install $($packages -join ' ')"
    }
    Write-Step "apt-get install $($packages -join ' ')"
    $env:DEBIAN_FRONTEND = 'noninteractive'
    $install = @('install', '-y', '-q', '--no-install-recommends') + $packages
    # Only refresh the package lists when there are none or the install cannot find a package.
    if (-not (Get-ChildItem /var/lib/apt/lists -Filter '*_Packages*' -ErrorAction Ignore)) {
        Invoke-Native apt-get @('update', '-q')
    }
    & apt-get @install | Out-Host
    if ($LASTEXITCODE -ne 0) {
        Invoke-Native apt-get @('update', '-q')
        Invoke-Native apt-get $install
    }
}

#endregion

#region Build and Help

function Build-Solution {
    Write-Step "dotnet build $Configuration"
    $arguments = @('build', $Solution, '-c', $Configuration, '--nologo')
    if ($env:CI) {
        # A build server left running would hold CI's output pipe open after the job ends.
        $arguments += '--disable-build-servers'
    }
    Invoke-Native dotnet $arguments
}

# out/ContainerNet/: manifest (version stamped), our assemblies, formats, Tmds.LibC per RID.
function Build-ModuleFolder {
    Write-Step "assemble $ModuleDir"
    if (Test-Path $ModuleDir) {
        # Start empty: a file left by an older build must not ship.
        Remove-Item -LiteralPath $ModuleDir -Recurse -Force
    }
    $null = New-Item -ItemType Directory -Path $ModuleDir

    $version = Get-VersionPrefix
    $manifest = Get-Content -Raw -LiteralPath (Join-Path $Root 'module/ContainerNet.psd1')
    $pattern = "(?m)^(\s*ModuleVersion\s*=\s*)'[^']*'"
    if ($manifest -notmatch $pattern) {
        throw 'module/ContainerNet.psd1 has no ModuleVersion line to stamp.'
    }
    $manifest = [regex]::Replace($manifest, $pattern, "`${1}'$version'")
    Set-Content -LiteralPath (Join-Path $ModuleDir 'ContainerNet.psd1') -Value $manifest -NoNewline
    Copy-Item -Path (Join-Path $Root 'module/*.ps1xml') -Destination $ModuleDir

    if (-not (Test-Path (Join-Path $CmdletBin 'ContainerNet.PowerShell.dll'))) {
        throw "No ContainerNet.PowerShell.dll in ${CmdletBin}: did the build succeed?"
    }
    # Our assemblies and any library they depend on, except what must not ship.
    Get-ChildItem -LiteralPath $CmdletBin -File |
        Where-Object { $_.Extension -in '.dll', '.pdb' -and $_.BaseName -notin $NotShipped } |
        Copy-Item -Destination $ModuleDir

    $tmdsVersion = Get-PackageVersion (Join-Path $Root 'src/ContainerNet.Netlink/ContainerNet.Netlink.csproj') 'Tmds.LibC'
    $tmdsRuntimes = Join-Path (Get-NuGetPackagesRoot) "tmds.libc/$tmdsVersion/runtimes"
    foreach ($rid in $TmdsLibCRids) {
        $source = Get-ChildItem -Path (Join-Path $tmdsRuntimes "$rid/lib/*/Tmds.LibC.dll") -ErrorAction Ignore | Select-Object -First 1
        if (-not $source) {
            throw "No Tmds.LibC $tmdsVersion runtime assembly for $rid under $tmdsRuntimes (run dotnet restore)."
        }
        $target = Join-Path $ModuleDir "runtimes/$rid"
        $null = New-Item -ItemType Directory -Path $target -Force
        Copy-Item -LiteralPath $source.FullName -Destination $target
    }

    $forbidden = @(Get-ChildItem -LiteralPath $ModuleDir -Recurse -File -Filter 'System.Management.Automation.dll') +
        @(Get-ChildItem -LiteralPath $ModuleDir -File -Filter 'Tmds.LibC.dll')
    if ($forbidden.Count -gt 0) {
        throw "The module folder must not contain: $($forbidden.FullName -join ', ')"
    }
}

# Help runs in a fresh pwsh: it imports the built module, and this session should not hold it.
function Build-Help {
    Write-Step "help from $DocsDir"
    if (-not (Test-Path (Join-Path $HelpBuilderBin 'ContainerNet.HelpBuilder.dll'))) {
        throw "No ContainerNet.HelpBuilder.dll in ${HelpBuilderBin}: run ./build.ps1 Build."
    }
    $arguments = @('-File', $PSCommandPath, '-Task', 'Help', '-HelpWorker')
    if ($NewDocs) {
        $arguments += '-NewDocs'
    }
    Invoke-ChildPwsh $arguments
}

function Invoke-HelpWorker {
    $module = Import-Module (Join-Path $ModuleDir 'ContainerNet.psd1') -PassThru -Force
    Add-Type -Path (Join-Path $HelpBuilderBin 'Markdig.dll')
    Add-Type -Path (Join-Path $HelpBuilderBin 'ContainerNet.HelpBuilder.dll')

    $commands = @(Get-Command -Module $module.Name -CommandType Cmdlet)
    if ($commands.Count -eq 0) {
        throw 'The built module exports no cmdlets.'
    }
    # Get-Help looks for <ModuleBase>/<culture>/<HelpFile>, HelpFile being "<assembly file>-Help.xml".
    $helpFile = @($commands.HelpFile | Sort-Object -Unique)
    if ($helpFile.Count -ne 1) {
        throw "Cmdlets name different help files: $($helpFile -join ', ')"
    }
    $target = Join-Path $ModuleDir "en-US/$($helpFile[0])"

    if ($NewDocs) {
        foreach ($command in $commands) {
            $page = Join-Path $DocsDir "$($command.Name).md"
            if (-not (Test-Path $page)) {
                $text = [ContainerNet.HelpBuilder.HelpCompiler]::NewMarkdownPage($command, $module.Name, $helpFile[0])
                Set-Content -LiteralPath $page -Value $text -NoNewline
                Write-Host "  wrote $page (fill in the {{ ... }} placeholders)"
            }
        }
    }

    $warnings = [ContainerNet.HelpBuilder.HelpCompiler]::WriteMaml([System.Management.Automation.CommandInfo[]] $commands, $DocsDir, $target)
    foreach ($warning in $warnings) {
        Write-Warning $warning
    }
    $about = [ContainerNet.HelpBuilder.HelpCompiler]::WriteAboutTopics($DocsDir, (Join-Path $ModuleDir 'en-US'))
    if (-not (Test-Path (Join-Path $DocsDir 'about_ContainerNet.md'))) {
        Write-Warning 'docs/en-US/about_ContainerNet.md is missing: the module has no about_ContainerNet topic.'
    }

    # A MAML file Get-Help cannot read is silently replaced by generated help; make that loud.
    foreach ($command in $commands) {
        if ((Get-Help $command.Name).PSObject.TypeNames -notcontains 'MamlCommandHelpInfo') {
            throw "Get-Help $($command.Name) does not read $target."
        }
    }
    Write-Host "  $($commands.Count) cmdlets -> $target; about topics: $($about.Count)"
}

function Invoke-BuildTask {
    Build-Solution
    Build-ModuleFolder
    Build-Help
}

function Invoke-HelpTask {
    if (-not (Test-Path (Join-Path $ModuleDir 'ContainerNet.psd1')) -or -not (Test-Path $HelpBuilderBin)) {
        Build-Solution
        Build-ModuleFolder
    }
    Build-Help
}

function Invoke-CleanTask {
    Write-Step 'clean'
    Remove-Item -LiteralPath $OutDir -Recurse -Force -ErrorAction Ignore
    foreach ($project in Get-ChildItem -Path (Join-Path $Root 'src'), (Join-Path $Root 'tests') -Recurse -Filter '*.csproj' -File) {
        foreach ($dir in 'bin', 'obj') {
            Remove-Item -LiteralPath (Join-Path $project.DirectoryName $dir) -Recurse -Force -ErrorAction Ignore
        }
    }
}

#endregion

#region Sandbox

function Get-NamespaceId([ValidateSet('net', 'mnt')] [string] $Kind) {
    # "net:[4026531840]". /proc/1/ns/* is unreadable on these machines, so compare with our own.
    return (Get-Item -LiteralPath "/proc/self/ns/$Kind").LinkTarget
}

function Get-LinkNames {
    return @(& ip -j link show | ConvertFrom-Json | ForEach-Object ifname)
}

# Re-runs this script as `-Task $InnerTask -InSandbox` in new network and mount namespaces.
function Invoke-InSandbox([string] $InnerTask, [hashtable] $Environment = @{}) {
    $variables = @{
        CONTAINERNET_SANDBOX_PARENT_NETNS         = Get-NamespaceId net
        CONTAINERNET_SANDBOX_PARENT_MNTNS         = Get-NamespaceId mnt
        CONTAINERNET_MODULE_PATH                  = $ModuleDir
        CONTAINERNET_HELPBUILDER_PATH             = $HelpBuilderBin
        # The sandbox has no network: keep dotnet from trying to phone home.
        DOTNET_CLI_TELEMETRY_OPTOUT               = '1'
        DOTNET_NOLOGO                             = '1'
        DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE = '1'
    }
    foreach ($name in $Environment.Keys) {
        $variables[$name] = $Environment[$name]
    }

    $saved = @{}
    foreach ($name in $variables.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $variables[$name])
    }
    try {
        $pwsh = Get-PwshCommand
        $arguments = @('--net', '--mount', '--propagation', 'private', '--') + $pwsh +
            @('-NoProfile', '-NonInteractive', '-File', $PSCommandPath, '-Task', $InnerTask, '-InSandbox')
        if ($ResultPath) {
            $arguments += @('-ResultPath', $ResultPath)
        }
        Write-Step "sandbox: unshare $($arguments[0..3] -join ' ') ... $InnerTask"
        & unshare @arguments | Out-Host
        return $LASTEXITCODE
    }
    finally {
        foreach ($name in $saved.Keys) {
            [Environment]::SetEnvironmentVariable($name, $saved[$name])
        }
    }
}

# First thing inside: prove we are in fresh namespaces, then hide the machine's state directories.
function Initialize-Sandbox {
    $parentNet = $env:CONTAINERNET_SANDBOX_PARENT_NETNS
    $parentMnt = $env:CONTAINERNET_SANDBOX_PARENT_MNTNS
    if (-not $parentNet -or -not $parentMnt) {
        throw '-InSandbox is for build.ps1 itself; run ./build.ps1 Test (or Demo, Bench).'
    }
    $ownNet = Get-NamespaceId net
    $ownMnt = Get-NamespaceId mnt
    # In the machine's own namespaces the mounts below would hide its real /run/netns: refuse first.
    if ($ownNet -eq $parentNet -or $ownMnt -eq $parentMnt) {
        throw "Not in new namespaces (net $ownNet, mnt $ownMnt); refusing to set up the sandbox."
    }
    # unshare execs this pwsh, so our parent process is the launcher: its namespace must be the one
    # the environment names (catches a hand-set variable).
    $launcher = (Get-Process -Id $PID).Parent
    $launcherNet = if ($launcher) { (Get-Item -LiteralPath "/proc/$($launcher.Id)/ns/net" -ErrorAction Ignore).LinkTarget }
    if ($launcherNet -and $launcherNet -ne $parentNet) {
        throw "CONTAINERNET_SANDBOX_PARENT_NETNS says $parentNet, the launching process is in $launcherNet; refusing to set up the sandbox."
    }
    $links = @(Get-LinkNames)
    if ($links.Count -ne 1 -or $links[0] -ne 'lo') {
        throw "The new network namespace holds links other than lo: $($links -join ', ')"
    }

    # The mkdir happens on the machine's filesystem (empty directories, as `ip netns add` would make);
    # everything written below them lands on tmpfs that disappears with this mount namespace.
    foreach ($dir in '/run/netns', '/etc/netns', $SandboxStateDir, $SandboxMarkerDir) {
        $null = New-Item -ItemType Directory -Path $dir -Force
        $mode = if ($dir -eq $SandboxStateDir) { '0700' } else { '0755' }
        Invoke-Native mount @('-t', 'tmpfs', '-o', "mode=$mode", 'containernet-sandbox', $dir)
    }
    try {
        # sysfs shows the network namespace of whoever mounted it; remount it as `ip netns exec` does,
        # so /sys/class/net lists the sandbox's links, not the machine's.
        Invoke-Native mount @('-t', 'sysfs', 'containernet-sandbox', '/sys')
    }
    catch {
        Write-Warning "sysfs not remounted ($_); /sys/class/net shows the machine's links."
    }
    Invoke-Native ip @('link', 'set', 'lo', 'up')

    $markerPath = Join-Path $SandboxMarkerDir 'sandbox.json'
    [ordered]@{
        parentNetns     = $parentNet
        netns           = $ownNet
        parentMntns     = $parentMnt
        mntns           = $ownMnt
        linksAtCreation = $links
        createdAt       = [DateTime]::UtcNow.ToString('o')
        pid             = $PID
    } | ConvertTo-Json | Set-Content -LiteralPath $markerPath

    $env:CONTAINERNET_SANDBOX = '1'
    $env:CONTAINERNET_SANDBOX_MARKER = $markerPath
    $env:CONTAINERNET_STATE_DIR = $SandboxStateDir

    # The same guard every Pester file runs: nothing starts unless it agrees.
    . $SandboxGuard
    Assert-ContainerNetSandbox
    Write-Host "  sandbox ready: net $ownNet (launcher $parentNet), links: lo; marker $markerPath"
}

# What the machine's own namespace holds, as the oracles see it.
function Get-HostNetworkSnapshot {
    $tables = if (Get-Command nft -CommandType Application -ErrorAction Ignore) {
        $json = & nft -j list tables 2>&1
        if ($LASTEXITCODE -eq 0) {
            @(($json | ConvertFrom-Json).nftables | Where-Object { $_.PSObject.Properties['table'] } |
                ForEach-Object { "$($_.table.family) $($_.table.name)" })
        }
        else {
            @("nft failed: $json")
        }
    }
    else {
        @('nft not installed')
    }
    return [pscustomobject]@{
        Links      = @(& ip -j link show | ConvertFrom-Json | ForEach-Object { "$($_.ifindex):$($_.ifname)" })
        Namespaces = @(& ip netns list | ForEach-Object { ($_ -split '\s+')[0] } | Where-Object { $_ })
        Tables     = $tables
    }
}

function Compare-HostNetworkSnapshot($Before, $After) {
    foreach ($kind in 'Links', 'Namespaces', 'Tables') {
        foreach ($diff in Compare-Object @($Before.$kind) @($After.$kind)) {
            $change = if ($diff.SideIndicator -eq '=>') { 'new' } else { 'gone' }
            "$change $($kind.TrimEnd('s').ToLowerInvariant()) '$($diff.InputObject)'"
        }
    }
}

#endregion

#region Test

function New-TestPart([string] $Name, [int] $Passed = 0, [int] $Failed = 0, [int] $Skipped = 0, [string] $Note = '') {
    return [pscustomobject]@{ name = $Name; passed = $Passed; failed = $Failed; skipped = $Skipped; note = $Note }
}

# Inside the sandbox: one dotnet test per xunit project, counts from its trx file.
function Invoke-XunitProject([string] $Project) {
    $name = [IO.Path]::GetFileNameWithoutExtension($Project)
    $dir = Join-Path $ResultsDir 'xunit'
    $trx = Join-Path $dir "$name.trx"
    Remove-Item -LiteralPath $trx -ErrorAction Ignore
    Write-Step "xunit $name"
    & dotnet test $Project -c $Configuration --no-build --nologo --disable-build-servers `
        --logger "trx;LogFileName=$name.trx" --results-directory $dir | Out-Host
    $exitCode = $LASTEXITCODE
    if (-not (Test-Path $trx)) {
        return New-TestPart "xunit $name" -Failed 1 -Note "dotnet test exited $exitCode without a result file"
    }
    [xml] $results = Get-Content -Raw -LiteralPath $trx
    $summary = $results.TestRun.ResultSummary
    $c = $summary.Counters
    $failed = [int]$c.failed + [int]$c.error + [int]$c.timeout + [int]$c.aborted
    $part = New-TestPart "xunit $name" -Passed ([int]$c.passed) -Failed $failed -Skipped ([int]$c.notExecuted)
    if ($failed -eq 0 -and ($exitCode -ne 0 -or $summary.outcome -notin 'Completed', 'Passed', 'Warning')) {
        # A crashed test host can leave zero failures in the counters; it is still a failure.
        $part.failed = 1
        $part.note = "dotnet test exited $exitCode, outcome $($summary.outcome)"
    }
    return $part
}

function Test-PesterBlockHasFailedTest($Block) {
    return [bool](@($Block.Tests | Where-Object Result -EQ 'Failed').Count -or
        @($Block.Blocks | Where-Object { Test-PesterBlockHasFailedTest $_ }).Count)
}

function Invoke-PesterTests {
    Write-Step 'Pester'
    # Test files choose their own strictness; this script's must not leak into them.
    Set-StrictMode -Off
    Import-Module $env:CONTAINERNET_PESTER_MODULE -Force
    $config = New-PesterConfiguration
    $config.Run.Path = if ($env:CONTAINERNET_PESTER_PATH) {
        @($env:CONTAINERNET_PESTER_PATH -split [IO.Path]::PathSeparator)
    }
    else {
        Join-Path $Root 'tests/Pester'
    }
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputFormat = 'NUnitXml'
    $config.TestResult.OutputPath = Join-Path $ResultsDir 'pester.xml'
    $result = Invoke-Pester -Configuration $config
    # A file that does not parse, or a failed AfterAll, fails no single test but is a failure; a failed
    # BeforeAll already marks its tests failed, so such a block is not counted again.
    $silentBlocks = @($result.FailedBlocks | Where-Object { -not (Test-PesterBlockHasFailedTest $_) })
    $failed = $result.FailedCount + $silentBlocks.Count + $result.FailedContainersCount
    return New-TestPart 'Pester' -Passed $result.PassedCount -Failed $failed -Skipped ($result.SkippedCount + $result.NotRunCount)
}

function Invoke-SandboxedTests {
    $parts = [System.Collections.Generic.List[object]]::new()
    foreach ($project in Get-ChildItem -Path (Join-Path $Root 'tests/*/*.Tests.csproj') | Sort-Object Name) {
        try {
            $parts.Add((Invoke-XunitProject $project.FullName))
        }
        catch {
            $parts.Add((New-TestPart "xunit $($project.BaseName)" -Failed 1 -Note "$_"))
        }
    }
    try {
        $parts.Add((Invoke-PesterTests))
    }
    catch {
        $parts.Add((New-TestPart 'Pester' -Failed 1 -Note "$_"))
    }
    ConvertTo-Json -InputObject @($parts) -Depth 4 | Set-Content -LiteralPath $ResultPath
}

function Write-TestSummary([System.Collections.IEnumerable] $Parts, [TimeSpan] $Elapsed) {
    Write-Host ''
    foreach ($part in $Parts) {
        $line = '  {0,-38} {1} passed, {2} failed' -f $part.name, $part.passed, $part.failed
        if ($part.skipped -gt 0) {
            $line += ", $($part.skipped) skipped"
        }
        if ($part.note) {
            $line += " ($($part.note))"
        }
        Write-Host $line
    }
    $passed = ($Parts | Measure-Object -Property passed -Sum).Sum
    $failed = ($Parts | Measure-Object -Property failed -Sum).Sum
    $skipped = ($Parts | Measure-Object -Property skipped -Sum).Sum
    Write-Host ('  took {0:mm\:ss}' -f $Elapsed)
    if ($passed + $failed -eq 0) {
        Write-Host '  no test ran: that is a failure.'
    }
    $summary = "$passed passed, $failed failed"
    if ($skipped -gt 0) {
        $summary += ", $skipped skipped"
    }
    # The contract with CI and the README: this is the very last line.
    Write-Host $summary
    return ($failed -gt 0 -or $passed + $failed -eq 0) ? 1 : 0
}

function Invoke-TestTask {
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $parts = [System.Collections.Generic.List[object]]::new()
    try {
        Install-Prerequisites @($Prerequisites.Keys)
        Invoke-BuildTask
        Write-Step 'restore Pester'
        Invoke-Native dotnet @('restore', $PesterRestoreProject, '--nologo')
        $pesterVersion = Get-PackageVersion $PesterRestoreProject 'Pester'
        $pesterModule = Join-Path (Get-NuGetPackagesRoot) "pester/$pesterVersion/tools/Pester.psd1"
        if (-not (Test-Path $pesterModule)) {
            throw "Pester $pesterVersion is not at $pesterModule after restore."
        }
    }
    catch {
        Write-Host "Test setup failed: $_" -ForegroundColor Red
        $parts.Add((New-TestPart 'build and setup' -Failed 1 -Note "$_"))
        exit (Write-TestSummary $parts $clock.Elapsed)
    }

    $null = New-Item -ItemType Directory -Path $ResultsDir -Force
    $script:ResultPath = Join-Path $ResultsDir 'sandbox.json'
    Remove-Item -LiteralPath $ResultPath -ErrorAction Ignore

    $before = Get-HostNetworkSnapshot
    $inner = @{ CONTAINERNET_PESTER_MODULE = $pesterModule }
    if ($PesterPath) {
        # `pwsh -File build.ps1 -PesterPath a,b` passes one string "a,b".
        $paths = $PesterPath -split ',' | Where-Object { $_ } | ForEach-Object { [IO.Path]::GetFullPath($_, $Root) }
        $inner.CONTAINERNET_PESTER_PATH = $paths -join [IO.Path]::PathSeparator
    }
    $exitCode = Invoke-InSandbox Test $inner
    $after = Get-HostNetworkSnapshot

    if (Test-Path $ResultPath) {
        foreach ($part in Get-Content -Raw -LiteralPath $ResultPath | ConvertFrom-Json) {
            $parts.Add($part)
        }
    }
    else {
        $parts.Add((New-TestPart 'sandbox' -Failed 1 -Note "the sandboxed run reported nothing (exit code $exitCode)"))
    }

    # Counted as one test: the machine's own namespace is exactly as it was.
    $leaks = @(Compare-HostNetworkSnapshot $before $after)
    if ($leaks.Count -eq 0) {
        $parts.Add((New-TestPart 'host leak check (outside the sandbox)' -Passed 1))
    }
    else {
        $parts.Add((New-TestPart 'host leak check (outside the sandbox)' -Failed 1 -Note ($leaks -join '; ')))
    }
    exit (Write-TestSummary $parts $clock.Elapsed)
}

#endregion

#region Demo and Bench

function Invoke-SandboxedScriptTask([string] $Name, [string] $RelativePath) {
    if (-not (Test-Path (Join-Path $Root $RelativePath))) {
        throw "$RelativePath is missing: the $Name task runs that script inside the sandbox."
    }
    $needed = if ($Name -eq 'Bench') { @($Prerequisites.Keys) } else { @('ip', 'unshare') }
    Install-Prerequisites $needed
    Invoke-BuildTask

    $before = Get-HostNetworkSnapshot
    $exitCode = Invoke-InSandbox $Name
    $leaks = @(Compare-HostNetworkSnapshot $before (Get-HostNetworkSnapshot))
    if ($leaks.Count -gt 0) {
        throw "$Name changed the machine's own network namespace: $($leaks -join '; ')"
    }
    if ($exitCode -ne 0) {
        throw "$RelativePath failed in the sandbox (exit code $exitCode)."
    }
    Write-Host "$Name done; the machine's own namespace is unchanged."
}

# Inside the sandbox: the built module is importable by name and by path.
function Invoke-SandboxedScript([string] $RelativePath) {
    $script = Join-Path $Root $RelativePath
    Set-StrictMode -Off
    $env:PSModulePath = $OutDir + [IO.Path]::PathSeparator + $env:PSModulePath
    $parameters = @{}
    if ((Get-Command $script).Parameters.ContainsKey('ModulePath')) {
        $parameters.ModulePath = $ModuleDir
    }
    & $script @parameters
}

#endregion

try {
    if ($HelpWorker) {
        Invoke-HelpWorker
        exit 0
    }
    if ($InSandbox) {
        Initialize-Sandbox
        switch ($Task) {
            'Test' { Invoke-SandboxedTests }
            'Demo' { foreach ($demo in $DemoScripts) { Invoke-SandboxedScript $demo } }
            'Bench' { Invoke-SandboxedScript $BenchScript }
            default { throw "Task $Task does not run in the sandbox." }
        }
        exit 0
    }
    switch ($Task) {
        'Build' { Invoke-BuildTask }
        'Help' { Invoke-HelpTask }
        'Test' { Invoke-TestTask }
        'Demo' { Invoke-SandboxedScriptTask Demo $DemoScript }
        'Bench' { Invoke-SandboxedScriptTask Bench $BenchScript }
        'Clean' { Invoke-CleanTask }
    }
}
catch {
    Write-Host "build.ps1 $Task failed: $_" -ForegroundColor Red
    if ($_.ScriptStackTrace) {
        Write-Host $_.ScriptStackTrace -ForegroundColor DarkGray
    }
    exit 1
}
