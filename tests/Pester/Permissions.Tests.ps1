# Without CAP_NET_ADMIN (a child pwsh under `setpriv` with every capability set emptied), the cmdlets
# that change the kernel fail with PermissionDenied and say that root or CAP_NET_ADMIN is needed, and
# the oracle shows that nothing was created or changed.

BeforeAll {
    . $PSScriptRoot/Sandbox.ps1
    Assert-ContainerNetSandbox
    Import-Module ($env:CONTAINERNET_MODULE_PATH ?? "$PSScriptRoot/../../out/ContainerNet") -Force
    . $PSScriptRoot/TestHelpers.ps1

    # The same PowerShell as this one (`dotnet <pwsh.dll>` when it runs as a dotnet tool).
    $pwsh = Get-ContainerNetTestPwsh
    $modulePath = (Get-Module ContainerNet).Path

    function Invoke-WithoutCapabilities {
        <# Runs a script in a child pwsh that holds no capabilities (as root: empty inheritable, ambient
           and bounding sets leave nothing permitted after execve). Returns what it wrote as JSON. #>
        param([Parameter(Mandatory)][string]$Script)
        $child = "`$ErrorActionPreference = 'Stop'; Import-Module '$modulePath'; $Script"
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($child))
        $output = & setpriv --inh-caps=-all --ambient-caps=-all --bounding-set=-all -- @pwsh -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1
        if ($LASTEXITCODE -ne 0) { throw "child pwsh failed ($LASTEXITCODE): $($output -join "`n")" }
        ($output -join "`n") | ConvertFrom-Json
    }

    # What each attempt reports, as data the parent can check.
    $report = @'
function Get-Attempt([scriptblock]$Command) {
    try { & $Command; [pscustomobject]@{ Failed = $false } }
    catch {
        [pscustomobject]@{
            Failed = $true
            ErrorId = $_.FullyQualifiedErrorId
            Category = $_.CategoryInfo.Category.ToString()
            ExceptionType = $_.Exception.GetType().FullName
            Message = $_.Exception.Message
            Details = $_.ErrorDetails.Message
            RecommendedAction = $_.ErrorDetails.RecommendedAction
        }
    }
}
'@

    $ns = New-TestName perm
    $existing = New-TestName pex
    Invoke-Ip netns add $ns
    Invoke-Ip link add $existing type veth peer name "$existing-p"
    $newNs = New-TestName pnew
    $newLink = New-TestName pv

    $before = Get-OracleSnapshot
    $child = Invoke-WithoutCapabilities @"
$report
[pscustomobject]@{
    CapEff = ((Get-Content /proc/self/status | Where-Object { `$_ -like 'CapEff:*' }) -split '\s+')[1]
    Links = @(Get-NetLink | ForEach-Object Name)
    NewNamespace = Get-Attempt { New-NetNamespace -Name '$newNs' -ErrorAction Stop }
    NewVethPair = Get-Attempt { New-VethPair -Name '$newLink' -PeerName eth0 -PeerNamespace '$ns' -ErrorAction Stop }
    NewVethPairInHost = Get-Attempt { New-VethPair -Name '$newLink' -PeerName '$newLink-p' -ErrorAction Stop }
    SetNetLink = Get-Attempt { Set-NetLink -Name '$existing' -State Up -Mtu 1400 -ErrorAction Stop }
    RemoveNetLink = Get-Attempt { Remove-NetLink -Name '$existing' -ErrorAction Stop }
    RemoveNetNamespace = Get-Attempt { Remove-NetNamespace -Name '$ns' -Force -ErrorAction Stop }
    InvokeNetNamespace = Get-Attempt { Invoke-NetNamespace -Name '$ns' -FilePath true -ErrorAction Stop }
} | ConvertTo-Json -Depth 3
"@
    $after = Get-OracleSnapshot
}

AfterAll {
    Remove-OracleNamespace $ns, $newNs
    Remove-OracleLink $existing, $newLink
}

Describe 'Without CAP_NET_ADMIN' {
    It 'the child really runs without any capability, and can still read (Get-NetLink works)' {
        [Convert]::ToUInt64($child.CapEff, 16) | Should -Be 0
        @($child.Links) | Should -Be @(Get-OracleLinkName)
    }

    It '<Attempt> fails with PermissionDenied and says root or CAP_NET_ADMIN is needed' -ForEach @(
        @{ Attempt = 'NewNamespace'; Cmdlet = 'NewNetNamespaceCommand' }
        @{ Attempt = 'NewVethPair'; Cmdlet = 'NewVethPairCommand' }
        @{ Attempt = 'NewVethPairInHost'; Cmdlet = 'NewVethPairCommand' }
        @{ Attempt = 'SetNetLink'; Cmdlet = 'SetNetLinkCommand' }
        @{ Attempt = 'RemoveNetLink'; Cmdlet = 'RemoveNetLinkCommand' }
        @{ Attempt = 'RemoveNetNamespace'; Cmdlet = 'RemoveNetNamespaceCommand' }
        @{ Attempt = 'InvokeNetNamespace'; Cmdlet = 'InvokeNetNamespaceCommand' }
    ) {
        $result = $child.$Attempt

        $result.Failed | Should -BeTrue
        $result.ErrorId | Should -BeExactly "PermissionDenied,ContainerNet.Commands.$Cmdlet"
        $result.Category | Should -BeExactly 'PermissionDenied'
        $result.ExceptionType | Should -BeExactly 'ContainerNet.Core.Errors.ContainerNetException'
        $result.Message | Should -Match 'root|CAP_NET_ADMIN'
        $result.Details | Should -Match 'root|CAP_NET_ADMIN'
        $result.RecommendedAction | Should -Match 'CAP_NET_ADMIN'
    }

    It 'the oracle shows nothing created or changed' {
        $after | Should -BeExactly $before
        Get-OracleNamespaceName | Should -Not -Contain $newNs
        Get-OracleNamespaceName | Should -Contain $ns
        Test-Path "/run/netns/$newNs" | Should -BeFalse
        Get-OracleLinkName | Should -Not -Contain $newLink
        Get-OracleLinkName -Namespace $ns | Should -Be @('lo')
        $link = Get-OracleLink -Name $existing
        Test-OracleUp $link | Should -BeFalse
        $link.mtu | Should -Be 1500
    }
}
