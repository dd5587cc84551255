# Proves the guard that every Pester file relies on: it lets tests run in the sandbox build.ps1
# made, and refuses (throws) in the launcher's namespace, without the marker, or with a marker
# that does not describe this namespace.

BeforeAll {
    . $PSScriptRoot/Sandbox.ps1
    Assert-ContainerNetSandbox

    $script:guardScript = Join-Path $PSScriptRoot 'Sandbox.ps1'
    $script:pwsh = Get-ContainerNetTestPwsh
    $script:ownNet = Get-ContainerNetNamespaceId net

    # Runs the guard in a child pwsh whose environment is ours changed by $Prelude; returns
    # 'PASSED' or 'REFUSED: <message>'. A child keeps this process's environment intact.
    function Invoke-GuardInChild([string] $Prelude = '') {
        $command = @"
`$ErrorActionPreference = 'Stop'
$Prelude
. '$guardScript'
try { Assert-ContainerNetSandbox; 'PASSED' } catch { 'REFUSED: ' + `$_.Exception.Message }
"@
        $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $command 2>&1
        return ($output | Out-String).Trim()
    }

    function New-FakeMarker([hashtable] $Changes) {
        $marker = Get-Content -Raw -LiteralPath $env:CONTAINERNET_SANDBOX_MARKER | ConvertFrom-Json -AsHashtable
        foreach ($key in $Changes.Keys) {
            $marker[$key] = $Changes[$key]
        }
        $path = Join-Path $TestDrive "marker-$([guid]::NewGuid()).json"
        $marker | ConvertTo-Json | Set-Content -LiteralPath $path
        return $path
    }
}

Describe 'Test sandbox guard' {
    It 'passes inside the sandbox that build.ps1 made' {
        { Assert-ContainerNetSandbox } | Should -Not -Throw
    }

    It 'runs in a network namespace other than the launcher''s' {
        $env:CONTAINERNET_SANDBOX_PARENT_NETNS | Should -Match '^net:\[\d+\]$'
        $ownNet | Should -Not -Be $env:CONTAINERNET_SANDBOX_PARENT_NETNS
    }

    It 'passes in a child process with the same environment (control for the refusals below)' {
        Invoke-GuardInChild | Should -Be 'PASSED'
    }

    It 'refuses when the launcher''s namespace is this namespace' {
        Invoke-GuardInChild "`$env:CONTAINERNET_SANDBOX_PARENT_NETNS = '$ownNet'" |
            Should -BeLike "REFUSED: *launcher's network namespace*"
    }

    It 'refuses when the launcher''s namespace is not passed down' {
        Invoke-GuardInChild 'Remove-Item Env:CONTAINERNET_SANDBOX_PARENT_NETNS' |
            Should -BeLike 'REFUSED: *CONTAINERNET_SANDBOX_PARENT_NETNS*'
    }

    It 'refuses without the sandbox marker' {
        Invoke-GuardInChild 'Remove-Item Env:CONTAINERNET_SANDBOX_MARKER' |
            Should -BeLike 'REFUSED: *no sandbox marker*'
    }

    It 'refuses a marker path that does not exist' {
        Invoke-GuardInChild "`$env:CONTAINERNET_SANDBOX_MARKER = '$TestDrive/none.json'" |
            Should -BeLike 'REFUSED: *no sandbox marker*'
    }

    It 'refuses when the namespace held more than lo when it was made' {
        $fake = New-FakeMarker @{ linksAtCreation = @('lo', 'eth0') }
        Invoke-GuardInChild "`$env:CONTAINERNET_SANDBOX_MARKER = '$fake'" |
            Should -BeLike 'REFUSED: *links other than lo*'
    }

    It 'refuses a marker written for another namespace' {
        $fake = New-FakeMarker @{ netns = 'net:[1]' }
        Invoke-GuardInChild "`$env:CONTAINERNET_SANDBOX_MARKER = '$fake'" |
            Should -BeLike 'REFUSED: *written for network namespace net:`[1`]*'
    }

    It 'refuses a marker that is not on the sandbox''s own tmpfs' {
        # A copy of the real marker, correct in every field, but on the test drive.
        $fake = New-FakeMarker @{}
        Invoke-GuardInChild "`$env:CONTAINERNET_SANDBOX_MARKER = '$fake'" |
            Should -BeLike 'REFUSED: *is not a tmpfs mount*'
    }

    It 'refuses without a private state directory' {
        Invoke-GuardInChild 'Remove-Item Env:CONTAINERNET_STATE_DIR' |
            Should -BeLike 'REFUSED: *CONTAINERNET_STATE_DIR*'
    }
}

Describe 'Test sandbox' {
    It 'has tmpfs on <_>' -ForEach @('/run/netns', '/etc/netns') {
        Test-ContainerNetTmpfsMount $_ | Should -BeTrue
    }

    It 'has tmpfs on the state directory' {
        Test-ContainerNetTmpfsMount $env:CONTAINERNET_STATE_DIR | Should -BeTrue
    }

    It 'held only lo when it was made, and lo is up' {
        $marker = Get-Content -Raw -LiteralPath $env:CONTAINERNET_SANDBOX_MARKER | ConvertFrom-Json
        @($marker.linksAtCreation) | Should -Be @('lo')
        $lo = & ip -j link show lo | ConvertFrom-Json
        $lo.flags | Should -Contain 'UP'
    }

    It 'has no link to the machine''s interfaces (no default route)' {
        @(& ip -j route show default | ConvertFrom-Json) | Should -BeNullOrEmpty
    }
}
