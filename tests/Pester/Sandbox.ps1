# The test sandbox guard and small helpers shared by every Pester file.
#
# Every *.Tests.ps1 starts with:
#
#     BeforeAll {
#         . $PSScriptRoot/Sandbox.ps1
#         Assert-ContainerNetSandbox
#         Import-Module (Get-ContainerNetTestModulePath) -Force
#     }
#
# `./build.ps1 Test` makes the sandbox (see build.ps1, Initialize-Sandbox): it runs in a new network
# namespace and a private mount namespace made by `unshare --net --mount --propagation private`, with
# tmpfs on /run/netns, /etc/netns and the state directory. The guard refuses to run anywhere else, so a
# test can never add links, namespaces or nftables tables to the machine it runs on.

function Get-ContainerNetNamespaceId {
    [CmdletBinding()]
    [OutputType([string])]
    param([ValidateSet('net', 'mnt')] [string] $Kind = 'net')

    # "net:[4026531840]". Never /proc/1/ns/net: unreadable on these machines, which would make a
    # naive comparison pass outside the sandbox.
    return (Get-Item -LiteralPath "/proc/self/ns/$Kind").LinkTarget
}

function Test-ContainerNetTmpfsMount {
    [CmdletBinding()]
    [OutputType([bool])]
    param([Parameter(Mandatory)] [string] $Path)

    # /proc/self/mountinfo: "id parent major:minor root mountpoint options ... - fstype source superoptions".
    # The last mount listed for a path is the one on top.
    $top = Get-Content -LiteralPath /proc/self/mountinfo |
        ForEach-Object {
            $fields = $_ -split ' '
            $separator = [array]::IndexOf($fields, '-')
            [pscustomobject]@{ MountPoint = $fields[4]; FsType = $fields[$separator + 1] }
        } |
        Where-Object MountPoint -EQ $Path |
        Select-Object -Last 1
    return $null -ne $top -and $top.FsType -eq 'tmpfs'
}

function Assert-ContainerNetSandbox {
    <#
    .SYNOPSIS
        Throws unless this process runs inside the sandbox that build.ps1 made for this run.
    .DESCRIPTION
        Passes only when all of these hold:
        - CONTAINERNET_SANDBOX_PARENT_NETNS (the launcher's network namespace) is set, and this
          process's network namespace differs from it; the same for the mount namespace;
        - the marker CONTAINERNET_SANDBOX_MARKER exists, was written for this very namespace by the
          launcher named above, and records that the namespace held nothing but lo when it was made;
        - the marker, /run/netns, /etc/netns and CONTAINERNET_STATE_DIR are tmpfs mounts of this
          mount namespace (so namespaces and state created by tests vanish with the sandbox).
    #>
    [CmdletBinding()]
    param()

    $howTo = 'Tests change network state and only run inside the sandbox: dotnet pwsh ./build.ps1 Test'

    $parentNet = $env:CONTAINERNET_SANDBOX_PARENT_NETNS
    if ([string]::IsNullOrWhiteSpace($parentNet) -or $parentNet -notmatch '^net:\[\d+\]$') {
        throw "Not in the ContainerNet test sandbox: CONTAINERNET_SANDBOX_PARENT_NETNS is not set to the launcher's network namespace. $howTo"
    }
    $ownNet = Get-ContainerNetNamespaceId net
    if ($ownNet -eq $parentNet) {
        throw "Not in the ContainerNet test sandbox: this is the launcher's network namespace ($ownNet). $howTo"
    }
    $parentMnt = $env:CONTAINERNET_SANDBOX_PARENT_MNTNS
    $ownMnt = Get-ContainerNetNamespaceId mnt
    if ([string]::IsNullOrWhiteSpace($parentMnt) -or $ownMnt -eq $parentMnt) {
        throw "Not in the ContainerNet test sandbox: no private mount namespace (mnt $ownMnt, launcher '$parentMnt'). $howTo"
    }

    $markerPath = $env:CONTAINERNET_SANDBOX_MARKER
    if ([string]::IsNullOrWhiteSpace($markerPath) -or -not (Test-Path -LiteralPath $markerPath -PathType Leaf)) {
        throw "Not in the ContainerNet test sandbox: no sandbox marker (CONTAINERNET_SANDBOX_MARKER='$markerPath'). $howTo"
    }
    try {
        $marker = Get-Content -Raw -LiteralPath $markerPath | ConvertFrom-Json
    }
    catch {
        throw "Not in the ContainerNet test sandbox: the marker $markerPath is not readable JSON ($_). $howTo"
    }
    $properties = $marker.PSObject.Properties.Name
    foreach ($required in 'netns', 'parentNetns', 'linksAtCreation') {
        if ($required -notin $properties) {
            throw "Not in the ContainerNet test sandbox: the marker $markerPath has no '$required'. $howTo"
        }
    }
    if ($marker.netns -ne $ownNet) {
        throw "Not in the ContainerNet test sandbox: the marker was written for network namespace $($marker.netns), this is $ownNet. $howTo"
    }
    if ($marker.parentNetns -ne $parentNet) {
        throw "Not in the ContainerNet test sandbox: the marker names launcher $($marker.parentNetns), the environment $parentNet. $howTo"
    }
    $links = @($marker.linksAtCreation)
    if ($links.Count -ne 1 -or $links[0] -ne 'lo') {
        throw "Not in the ContainerNet test sandbox: the namespace held links other than lo when it was made ($($links -join ', ')). $howTo"
    }

    $stateDir = $env:CONTAINERNET_STATE_DIR
    if ([string]::IsNullOrWhiteSpace($stateDir)) {
        throw "Not in the ContainerNet test sandbox: CONTAINERNET_STATE_DIR is not set, tests would use the real state. $howTo"
    }
    foreach ($path in (Split-Path -Parent $markerPath), '/run/netns', '/etc/netns', $stateDir) {
        if (-not (Test-ContainerNetTmpfsMount $path)) {
            throw "Not in the ContainerNet test sandbox: $path is not a tmpfs mount of this mount namespace. $howTo"
        }
    }
}

function Get-ContainerNetTestModulePath {
    <# The built module folder (out/ContainerNet), as build.ps1 passes it into the sandbox. #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    if ($env:CONTAINERNET_MODULE_PATH) {
        return $env:CONTAINERNET_MODULE_PATH
    }
    return [IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../../out/ContainerNet'))
}

function Get-ContainerNetTestPwsh {
    <#
    .SYNOPSIS
        The command line that starts another pwsh like this one: @(program, leading arguments...).
    .DESCRIPTION
        Under `dotnet pwsh` the process is the dotnet host running pwsh.dll, so a child pwsh is
        `dotnet <pwsh.dll>`. Use it as: $p = Get-ContainerNetTestPwsh; & $p[0] @($p[1..9]) -NoProfile ...
    #>
    [CmdletBinding()]
    [OutputType([string[]])]
    param()

    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        return @($process, [Environment]::GetCommandLineArgs()[0])
    }
    return @($process)
}
