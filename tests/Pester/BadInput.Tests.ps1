# Bad input: one table. Each case must fail with an ErrorRecord carrying a stable ErrorId
# ('<Reason>,ContainerNet.Commands.<Cmdlet>Command') and the matching category, and the oracle
# (`ip netns list`, the files under /run/netns, `ip -d -j link` of the host and of every namespace)
# must show that nothing was created or changed.

BeforeAll {
    . $PSScriptRoot/Sandbox.ps1
    Assert-ContainerNetSandbox
    Import-Module ($env:CONTAINERNET_MODULE_PATH ?? "$PSScriptRoot/../../out/ContainerNet") -Force
    . $PSScriptRoot/TestHelpers.ps1

    # Fixtures the table refers to by name (made with iproute2, so they do not depend on the cmdlets):
    #   namespace bi-ns holding eth0 (peer of host bi-h) and the pair bi-v0/bi-in1;
    #   host pair bi-v0/bi-v1. The names bi-missing*, bi-new*, bi-fresh are never created.
    Invoke-Ip netns add bi-ns
    Invoke-Ip link add bi-h type veth peer name eth0 netns bi-ns
    Invoke-Ip -n bi-ns link add bi-v0 type veth peer name bi-in1
    Invoke-Ip link add bi-v0 type veth peer name bi-v1
    $runEtcExisted = Test-Path -LiteralPath /run/etc
}

AfterAll {
    Remove-OracleNamespace bi-ns
    Remove-OracleLink bi-h, bi-v0
}

Describe 'Bad input gives a stable ErrorId and category, and changes nothing' {
    It '<Case>' -ForEach @(
        # Link names (the kernel's rules: 1-15 bytes, no '/', ':' or whitespace, not '.' or '..')
        @{ Case = 'link name of 16 bytes'; Command = 'New-VethPair'; Parameters = @{ Name = 'a' * 16; PeerName = 'bi-new1' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'link name of 8 characters but 16 UTF-8 bytes'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = [string]([char]0xE4) * 8 }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'link name with /'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi/new'; PeerName = 'bi-new1' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'link name with a space'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi new'; PeerName = 'bi-new1' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'link name with :'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi:new'; PeerName = 'bi-new1' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'empty link name'; Command = 'New-VethPair'; Parameters = @{ Name = ''; PeerName = 'bi-new1' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'peer name ..'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = '..' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'new name with / (Set-NetLink)'; Command = 'Set-NetLink'; Parameters = @{ Name = 'bi-v0'; NewName = 'bi/v0' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'Get-NetLink -Name with a space'; Command = 'Get-NetLink'; Parameters = @{ Name = 'bi v0' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'Remove-NetLink with an empty name'; Command = 'Remove-NetLink'; Parameters = @{ Name = '' }; ErrorId = 'InvalidInterfaceName'; Category = 'InvalidArgument' }

        # Namespace names (one component under /run/netns)
        @{ Case = 'namespace name .'; Command = 'New-NetNamespace'; Parameters = @{ Name = '.' }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }
        @{ Case = 'namespace name ..'; Command = 'New-NetNamespace'; Parameters = @{ Name = '..' }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }
        @{ Case = 'namespace name ../etc'; Command = 'New-NetNamespace'; Parameters = @{ Name = '../etc' }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }
        @{ Case = 'namespace name a/b'; Command = 'New-NetNamespace'; Parameters = @{ Name = 'a/b' }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }
        @{ Case = 'empty namespace name'; Command = 'New-NetNamespace'; Parameters = @{ Name = '' }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }
        @{ Case = 'namespace name with a space'; Command = 'New-NetNamespace'; Parameters = @{ Name = 'bi ns' }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }
        @{ Case = 'Remove-NetNamespace ../etc'; Command = 'Remove-NetNamespace'; Parameters = @{ Name = '../etc'; Force = $true }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }
        @{ Case = 'Get-NetNamespace ../etc'; Command = 'Get-NetNamespace'; Parameters = @{ Name = '../etc' }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }
        @{ Case = 'Get-NetLink -Namespace ..'; Command = 'Get-NetLink'; Parameters = @{ Namespace = '..' }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }
        @{ Case = 'veth peer into namespace ../etc'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'eth0'; PeerNamespace = '../etc' }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }
        @{ Case = 'Invoke-NetNamespace in namespace a/b'; Command = 'Invoke-NetNamespace'; Parameters = @{ Name = 'a/b'; FilePath = 'true' }; ErrorId = 'InvalidNamespaceName'; Category = 'InvalidArgument' }

        # Duplicates
        @{ Case = 'duplicate namespace'; Command = 'New-NetNamespace'; Parameters = @{ Name = 'bi-ns' }; ErrorId = 'NamespaceExists'; Category = 'ResourceExists' }
        @{ Case = 'duplicate link (first end exists in the host)'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-v0'; PeerName = 'bi-fresh' }; ErrorId = 'LinkExists'; Category = 'ResourceExists' }
        @{ Case = 'duplicate link (peer exists in the host)'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-fresh'; PeerName = 'bi-v1' }; ErrorId = 'LinkExists'; Category = 'ResourceExists' }
        @{ Case = 'duplicate link (peer exists in -PeerNamespace)'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-fresh'; PeerName = 'eth0'; PeerNamespace = 'bi-ns'; Up = $true }; ErrorId = 'LinkExists'; Category = 'ResourceExists' }
        @{ Case = 'rename onto an existing link'; Command = 'Set-NetLink'; Parameters = @{ Name = 'bi-v0'; NewName = 'bi-v1' }; ErrorId = 'LinkExists'; Category = 'ResourceExists' }
        @{ Case = 'move into a namespace holding the same name'; Command = 'Set-NetLink'; Parameters = @{ Name = 'bi-v0'; DestinationNamespace = 'bi-ns' }; ErrorId = 'LinkExists'; Category = 'ResourceExists' }
        @{ Case = 'both veth ends with the same name'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'bi-new1' }; ErrorId = 'DuplicateInterfaceName'; Category = 'InvalidArgument' }
        @{ Case = 'both veth ends with the same name in one namespace'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'bi-new1'; Namespace = 'bi-ns'; PeerNamespace = 'bi-ns' }; ErrorId = 'DuplicateInterfaceName'; Category = 'InvalidArgument' }

        # Missing namespaces
        @{ Case = 'Get-NetLink -Namespace missing'; Command = 'Get-NetLink'; Parameters = @{ Namespace = 'bi-missing' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'veth peer into a missing namespace'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'eth0'; PeerNamespace = 'bi-missing' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'veth first end into a missing namespace'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'eth0'; Namespace = 'bi-missing'; PeerNamespace = 'bi-ns' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Set-NetLink -DestinationNamespace missing'; Command = 'Set-NetLink'; Parameters = @{ Name = 'bi-v0'; DestinationNamespace = 'bi-missing' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Remove-NetLink -Namespace missing'; Command = 'Remove-NetLink'; Parameters = @{ Name = 'eth0'; Namespace = 'bi-missing' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Get-NetNamespace of a missing exact name'; Command = 'Get-NetNamespace'; Parameters = @{ Name = 'bi-missing' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Remove-NetNamespace of a missing name'; Command = 'Remove-NetNamespace'; Parameters = @{ Name = 'bi-missing'; Force = $true }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Invoke-NetNamespace in a missing namespace'; Command = 'Invoke-NetNamespace'; Parameters = @{ Name = 'bi-missing'; FilePath = 'true' }; ErrorId = 'NamespaceNotFound'; Category = 'ObjectNotFound' }

        # Missing links and programs
        @{ Case = 'Set-NetLink of a missing link'; Command = 'Set-NetLink'; Parameters = @{ Name = 'bi-missing'; State = 'Up' }; ErrorId = 'LinkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Set-NetLink of a link that is only in another namespace'; Command = 'Set-NetLink'; Parameters = @{ Name = 'bi-in1'; Mtu = 1400 }; ErrorId = 'LinkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Remove-NetLink of a missing link'; Command = 'Remove-NetLink'; Parameters = @{ Name = 'bi-missing' }; ErrorId = 'LinkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Remove-NetLink of a missing link in a namespace'; Command = 'Remove-NetLink'; Parameters = @{ Name = 'bi-v1'; Namespace = 'bi-ns' }; ErrorId = 'LinkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Get-NetLink -Name of a missing exact name'; Command = 'Get-NetLink'; Parameters = @{ Name = 'bi-missing' }; ErrorId = 'LinkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Get-NetLink -Name of a missing exact name in a namespace'; Command = 'Get-NetLink'; Parameters = @{ Name = 'bi-h'; Namespace = 'bi-ns' }; ErrorId = 'LinkNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'Invoke-NetNamespace of a missing program'; Command = 'Invoke-NetNamespace'; Parameters = @{ Name = 'bi-ns'; FilePath = '/no/such/program' }; ErrorId = 'ProgramNotFound'; Category = 'ObjectNotFound' }

        # Out-of-range and malformed values
        @{ Case = 'MTU 10'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'bi-new2'; Mtu = 10 }; ErrorId = 'InvalidMtu'; Category = 'InvalidArgument' }
        @{ Case = 'MTU 70000'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'eth0'; PeerNamespace = 'bi-ns'; Mtu = 70000 }; ErrorId = 'InvalidMtu'; Category = 'InvalidArgument' }
        @{ Case = 'MTU 65536, above the veth maximum'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'bi-new2'; Mtu = 65536 }; ErrorId = 'InvalidMtu'; Category = 'InvalidArgument' }
        @{ Case = 'MTU 67 (Set-NetLink)'; Command = 'Set-NetLink'; Parameters = @{ Name = 'bi-v0'; Mtu = 67 }; ErrorId = 'InvalidMtu'; Category = 'InvalidArgument' }
        @{ Case = 'MTU 65536 (Set-NetLink)'; Command = 'Set-NetLink'; Parameters = @{ Name = 'bi-v0'; Mtu = 65536 }; ErrorId = 'InvalidMtu'; Category = 'InvalidArgument' }
        @{ Case = 'MAC address that is not hex'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'bi-new2'; MacAddress = 'zz:zz:zz:zz:zz:zz' }; ErrorId = 'InvalidMacAddress'; Category = 'InvalidArgument' }
        @{ Case = 'MAC address of five bytes'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'bi-new2'; PeerMacAddress = '02:00:00:00:01' }; ErrorId = 'InvalidMacAddress'; Category = 'InvalidArgument' }
        @{ Case = 'all-zero MAC address'; Command = 'New-VethPair'; Parameters = @{ Name = 'bi-new1'; PeerName = 'bi-new2'; MacAddress = '00:00:00:00:00:00' }; ErrorId = 'InvalidMacAddress'; Category = 'InvalidArgument' }
        @{ Case = 'all-zero MAC address (Set-NetLink)'; Command = 'Set-NetLink'; Parameters = @{ Name = 'bi-v0'; MacAddress = '00:00:00:00:00:00' }; ErrorId = 'InvalidMacAddress'; Category = 'InvalidArgument' }
        @{ Case = 'multicast MAC address'; Command = 'Set-NetLink'; Parameters = @{ Name = 'bi-v0'; MacAddress = '01:00:5e:00:00:01' }; ErrorId = 'InvalidMacAddress'; Category = 'InvalidArgument' }
        @{ Case = 'Set-NetLink with nothing to change'; Command = 'Set-NetLink'; Parameters = @{ Name = 'bi-v0' }; ErrorId = 'NothingToChange'; Category = 'InvalidArgument' }
        @{ Case = 'Invoke-NetNamespace with no program'; Command = 'Invoke-NetNamespace'; Parameters = @{ Name = 'bi-ns'; FilePath = '' }; ErrorId = 'InvalidFilePath'; Category = 'InvalidArgument' }
    ) {
        $fullId = "$ErrorId,ContainerNet.Commands.$($Command -replace '-', '')Command"
        $before = Get-OracleSnapshot

        # As a terminating error (-ErrorAction Stop) ...
        $thrown = { & $Command @Parameters -ErrorAction Stop } | Should -Throw -ErrorId $fullId -PassThru
        $thrown.FullyQualifiedErrorId | Should -BeExactly $fullId
        $thrown.CategoryInfo.Category | Should -Be $Category
        $thrown.Exception.GetType().FullName | Should -BeExactly 'ContainerNet.Core.Errors.ContainerNetException'
        $thrown.Exception.Message | Should -Not -BeNullOrEmpty

        # ... and in the error stream: exactly one ErrorRecord, no output.
        # (A terminating error lands in -ErrorVariable as the exception that carries its ErrorRecord.)
        $output = try { & $Command @Parameters -ErrorAction SilentlyContinue -ErrorVariable failures } catch { }
        $output | Should -BeNullOrEmpty
        $records = @($failures | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_ } else { $_.ErrorRecord } })
        $records.Count | Should -Be 1
        $records[0].FullyQualifiedErrorId | Should -BeExactly $fullId
        $records[0].CategoryInfo.Category | Should -Be $Category

        Get-OracleSnapshot | Should -BeExactly $before
        Test-Path -LiteralPath /run/etc | Should -Be $runEtcExisted
    }
}
