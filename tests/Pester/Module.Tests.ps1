# The built module folder (out/ContainerNet) as a user gets it: it imports in a fresh pwsh,
# exports exactly what its manifest lists, and ships the right assemblies.

BeforeDiscovery {
    # The cmdlets this issue delivers (API.md); later issues add to the manifest, not remove.
    $script:contractCmdlets = @(
        'New-NetNamespace', 'Get-NetNamespace', 'Remove-NetNamespace', 'Invoke-NetNamespace',
        'New-VethPair', 'Get-NetLink', 'Set-NetLink', 'Remove-NetLink'
    )
    $script:rids = @('linux-x64', 'linux-arm64', 'linux-arm')
}

BeforeAll {
    . $PSScriptRoot/Sandbox.ps1
    Assert-ContainerNetSandbox

    $script:repoRoot = [IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../..'))
    $script:moduleDir = Get-ContainerNetTestModulePath
    $script:manifestPath = Join-Path $moduleDir 'ContainerNet.psd1'
    $script:manifest = Import-PowerShellDataFile -LiteralPath $manifestPath

    # One fresh `pwsh -NoProfile`: import by path, then report what a user would see.
    $probe = Join-Path $TestDrive 'probe.ps1'
    Set-Content -LiteralPath $probe -Value @'
param([string] $ModuleDir)
$ErrorActionPreference = 'Stop'
$module = Import-Module $ModuleDir -PassThru
$cmdletType = [System.Management.Automation.Cmdlet]
$classes = @($module.ImplementingAssembly.GetExportedTypes() |
    Where-Object { $cmdletType.IsAssignableFrom($_) -and -not $_.IsAbstract } |
    ForEach-Object {
        $attribute = [System.Attribute]::GetCustomAttribute($_, [System.Management.Automation.CmdletAttribute])
        if ($attribute) { "$($attribute.VerbName)-$($attribute.NounName)" }
    })
# Any netlink call needs Tmds.LibC: it must come from runtimes/<rid>/ of the module folder.
$null = Get-NetLink -Name lo
$tmds = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Tmds.LibC' }
[pscustomobject]@{
    Name       = $module.Name
    Version    = $module.Version.ToString()
    Exported   = @($module.ExportedCmdlets.Keys)
    Functions  = @($module.ExportedFunctions.Keys)
    Aliases    = @($module.ExportedAliases.Keys)
    Classes    = $classes
    TmdsLibC   = @($tmds | ForEach-Object Location)
} | ConvertTo-Json -Depth 3
'@
    $pwsh = Get-ContainerNetTestPwsh
    $script:probeOutput = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $probe $moduleDir 2>&1
    $script:probeExitCode = $LASTEXITCODE
    $script:probeResult = if ($probeExitCode -eq 0) { ($probeOutput | Out-String) | ConvertFrom-Json } else { $null }
}

Describe 'Module folder out/ContainerNet' {
    It 'imports in a fresh pwsh -NoProfile' {
        $probeExitCode | Should -Be 0 -Because ($probeOutput | Out-String)
        $probeResult.Name | Should -Be 'ContainerNet'
    }

    It 'exports exactly the cmdlets the manifest lists' {
        @($probeResult.Exported | Sort-Object) | Should -Be @($manifest.CmdletsToExport | Sort-Object)
    }

    It 'lists in the manifest exactly the cmdlet classes of the dll' {
        @($probeResult.Classes | Sort-Object) | Should -Be @($manifest.CmdletsToExport | Sort-Object)
    }

    It 'exports <_>' -ForEach $contractCmdlets {
        $probeResult.Exported | Should -Contain $_
    }

    It 'exports no functions and no aliases' {
        @($probeResult.Functions) | Should -BeNullOrEmpty
        @($probeResult.Aliases) | Should -BeNullOrEmpty
    }

    It 'loads Tmds.LibC for this machine''s architecture from runtimes/' {
        $rid = switch ([System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture) {
            'X64' { 'linux-x64' }
            'Arm64' { 'linux-arm64' }
            'Arm' { 'linux-arm' }
        }
        @($probeResult.TmdsLibC) | Should -Be @((Join-Path $moduleDir "runtimes/$rid/Tmds.LibC.dll"))
    }

    It 'ships the Tmds.LibC runtime assembly for <_>' -ForEach $rids {
        Join-Path $moduleDir "runtimes/$_/Tmds.LibC.dll" | Should -Exist
    }

    It 'has no Tmds.LibC.dll at the top level' {
        Join-Path $moduleDir 'Tmds.LibC.dll' | Should -Not -Exist
    }

    It 'has no System.Management.Automation.dll anywhere' {
        @(Get-ChildItem -LiteralPath $moduleDir -Recurse -File -Filter 'System.Management.Automation.dll') | Should -BeNullOrEmpty
    }

    It 'has no build-time help converter in it' {
        @(Get-ChildItem -LiteralPath $moduleDir -Recurse -File -Include 'ContainerNet.HelpBuilder.dll', 'Markdig.dll') | Should -BeNullOrEmpty
    }
}

Describe 'Module manifest' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $manifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'has RootModule ContainerNet.PowerShell.dll' {
        $manifest.RootModule | Should -Be 'ContainerNet.PowerShell.dll'
        Join-Path $moduleDir $manifest.RootModule | Should -Exist
    }

    It 'lists its format files, and they are in the folder' {
        $manifest.FormatsToProcess | Should -Contain 'ContainerNet.format.ps1xml'
        foreach ($format in $manifest.FormatsToProcess) {
            Join-Path $moduleDir $format | Should -Exist
        }
    }

    It 'needs PowerShell 7.4 (Core)' {
        $manifest.PowerShellVersion | Should -Be '7.4'
        $manifest.CompatiblePSEditions | Should -Be @('Core')
    }

    It 'lists cmdlets one by one, without wildcards' {
        $manifest.CmdletsToExport | Should -Not -BeNullOrEmpty
        $manifest.CmdletsToExport | ForEach-Object { $_ | Should -Not -Match '[*?]' }
        @($manifest.FunctionsToExport) | Should -BeNullOrEmpty
        @($manifest.AliasesToExport) | Should -BeNullOrEmpty
        @($manifest.VariablesToExport) | Should -BeNullOrEmpty
    }

    It 'has the version of Directory.Build.props' {
        [xml] $props = Get-Content -Raw -LiteralPath (Join-Path $repoRoot 'Directory.Build.props')
        $versionPrefix = $props.SelectSingleNode('/Project/PropertyGroup/VersionPrefix').InnerText.Trim()
        $manifest.ModuleVersion | Should -Be $versionPrefix
        $probeResult.Version | Should -Be $versionPrefix
    }
}

Describe 'Repository' {
    It 'does not track generated help or build output' -Skip:(-not (Get-Command git -CommandType Application -ErrorAction Ignore) -or -not (Test-Path (Join-Path $PSScriptRoot '../../.git'))) {
        $tracked = @(& git -C $repoRoot ls-files -- 'out' '*-Help.xml' '*.help.txt' 2>&1)
        $LASTEXITCODE | Should -Be 0 -Because ($tracked | Out-String)
        $tracked | Should -BeNullOrEmpty
    }
}
