# Namespaces: New-/Get-/Remove-NetNamespace and Invoke-NetNamespace, each checked against iproute2
# (`ip netns list`, `ip netns exec`, `ip -j -n NS link`) and the files under /run/netns.

BeforeAll {
    . $PSScriptRoot/Sandbox.ps1
    Assert-ContainerNetSandbox
    Import-Module ($env:CONTAINERNET_MODULE_PATH ?? "$PSScriptRoot/../../out/ContainerNet") -Force
    . $PSScriptRoot/TestHelpers.ps1
}

Describe 'New-NetNamespace' {
    BeforeEach { $made = [System.Collections.Generic.List[string]]::new() }
    AfterEach { Remove-OracleNamespace $made }

    It 'creates a namespace that ip netns lists and ip netns exec enters, with its lo up' {
        $name = New-TestName nsnew
        $made.Add($name)

        $result = New-NetNamespace -Name $name

        $result.Name | Should -BeExactly $name
        $result.Path | Should -BeExactly "/run/netns/$name"
        Get-OracleNamespaceName | Should -Contain $name
        $inside = (& ip netns exec $name ip -j link) -join "`n" | ConvertFrom-Json
        $LASTEXITCODE | Should -Be 0
        @($inside.ifname) | Should -Be @('lo')
        $inside[0].flags | Should -Contain 'UP'
        # A network namespace of its own: the one ip netns exec enters is the one the cmdlet reported.
        $result.Id | Should -Be (Get-NamespaceInode $name)
        (& ip netns exec $name readlink /proc/self/ns/net) | Should -BeExactly "net:[$($result.Id)]"
        (Get-Item /proc/self/ns/net).LinkTarget | Should -Not -BeExactly "net:[$($result.Id)]"
    }

    It 'creates every name given, also from the pipeline, each a different namespace' {
        $names = (New-TestName nsa), (New-TestName nsb), (New-TestName nsc)
        $made.AddRange([string[]]$names)

        $results = @($names[0], $names[1] | New-NetNamespace) + @(New-NetNamespace -Name $names[2])

        $results.Name | Should -Be $names
        $listed = Get-OracleNamespaceName
        foreach ($n in $names) { $listed | Should -Contain $n }
        @($names | ForEach-Object { Get-NamespaceInode $_ } | Sort-Object -Unique).Count | Should -Be 3
        $results.Id | Should -Be @($names | ForEach-Object { Get-NamespaceInode $_ })
    }

    It 'creates many names given at once, in parallel, written in their order; a repeated or invalid name is an error in its place' {
        $names = @(1..24 | ForEach-Object { New-TestName "nsm$_" })
        $made.AddRange([string[]]$names)
        $given = @($names[0..11]) + @('not/valid') + @($names[12..23]) + @($names[3])

        $results = @(New-NetNamespace -Name $given -ErrorAction SilentlyContinue -ErrorVariable failures)

        $results.Name | Should -Be $names
        @($failures | ForEach-Object { $_.FullyQualifiedErrorId -replace ',.*' }) | Should -Be @('InvalidNamespaceName', 'NamespaceExists')
        @($failures | ForEach-Object { $_.TargetObject }) | Should -Be @('not/valid', $names[3])
        $listed = Get-OracleNamespaceName
        foreach ($n in $names) { $listed | Should -Contain $n }
        $results.Id | Should -Be @($names | ForEach-Object { Get-NamespaceInode $_ })
        @($results.Id | Sort-Object -Unique).Count | Should -Be 24
        # Every one is a working namespace with its lo up, not just a file.
        foreach ($n in $names[0], $names[11], $names[23]) {
            $inside = (& ip netns exec $n ip -j link) -join "`n" | ConvertFrom-Json
            @($inside.ifname) | Should -Be @('lo')
            $inside[0].flags | Should -Contain 'UP'
        }
    }

    It 'hands each namespace down the pipeline, in order, to the next command that wires it' {
        $names = @(1..6 | ForEach-Object { New-TestName "nsp$_" })
        $made.AddRange([string[]]$names)

        $wired = New-NetNamespace -Name $names | ForEach-Object {
            $null = Set-NetLink -Namespace $_.Name -Name lo -Mtu 1500
            $_.Name
        }

        $wired | Should -Be $names
        foreach ($n in $names) { (Get-OracleLink -Namespace $n -Name lo).mtu | Should -Be 1500 }
    }

    It 'makes namespaces that ip netns del really removes (a veth''s host end goes with it)' {
        # ip netns compatibility the other way round: a socket ContainerNet keeps inside must not
        # keep a namespace alive after `ip netns del`, with its devices.
        $name = New-TestName nsdel
        $hostEnd = New-TestName nsdelh
        $made.Add($name)
        $null = New-NetNamespace -Name $name
        Invoke-Ip link add $hostEnd type veth peer name eth0 netns $name
        try {
            @(Get-NetLink -Namespace $name).Name | Should -Be @('lo', 'eth0')

            Invoke-Ip netns del $name

            Wait-Oracle { (Get-OracleLinkName) -notcontains $hostEnd } -TimeoutSec 5 |
                Should -BeTrue -Because "the namespace is deleted, so its eth0 and with it the host end $hostEnd must go"
        }
        finally { Remove-OracleLink $hostEnd }
    }

    It '-WhatIf with several names creates none of them' {
        $names = @(1..3 | ForEach-Object { New-TestName "nsw$_" })
        $made.AddRange([string[]]$names)
        $before = Get-OracleSnapshot

        $result = New-NetNamespace -Name $names -WhatIf

        $result | Should -BeNullOrEmpty
        Get-OracleSnapshot | Should -BeExactly $before
        foreach ($n in $names) { Test-Path "/run/netns/$n" | Should -BeFalse }
    }

    It '-WhatIf creates nothing' {
        $name = New-TestName nswif
        $made.Add($name)
        $before = Get-OracleSnapshot

        $result = New-NetNamespace -Name $name -WhatIf

        $result | Should -BeNullOrEmpty
        Get-OracleSnapshot | Should -BeExactly $before
        Test-Path "/run/netns/$name" | Should -BeFalse
    }
}

Describe 'Get-NetNamespace' {
    BeforeEach { $made = [System.Collections.Generic.List[string]]::new() }
    AfterEach { Remove-OracleNamespace $made }

    It 'sees a namespace made by ip netns add' {
        $name = New-TestName nsipadd
        $made.Add($name)
        Invoke-Ip netns add $name

        $result = Get-NetNamespace -Name $name

        $result.Name | Should -BeExactly $name
        $result.Path | Should -BeExactly "/run/netns/$name"
        $result.Id | Should -Be (Get-NamespaceInode $name)
    }

    It 'lists exactly what ip netns list lists' {
        $made.AddRange([string[]]@((New-TestName nsl), (New-TestName nsl)))
        foreach ($n in $made) { Invoke-Ip netns add $n }

        $all = @(Get-NetNamespace)

        @($all.Name | Sort-Object) | Should -Be (Get-OracleNamespaceName)
        foreach ($ns in $all) { $ns.Id | Should -Be (Get-NamespaceInode $ns.Name) }
    }

    It 'filters with wildcards and returns each namespace once' {
        $stem = New-TestName gw
        $made.AddRange([string[]]@("$stem-a", "$stem-b", "x$stem-c"))
        foreach ($n in $made) { Invoke-Ip netns add $n }

        $result = @(Get-NetNamespace -Name "$stem*", "$stem-?", "$stem-a")

        $result.Name | Should -Be @("$stem-a", "$stem-b")
    }

    It 'no longer lists a namespace after ip netns del' {
        $name = New-TestName nsgone
        $made.Add($name)
        Invoke-Ip netns add $name
        (Get-NetNamespace -Name $name).Name | Should -BeExactly $name
        Invoke-Ip netns del $name

        @(Get-NetNamespace).Name | Should -Not -Contain $name
        @(Get-NetNamespace -Name "$name*") | Should -BeNullOrEmpty
    }
}

Describe 'Remove-NetNamespace' {
    BeforeEach { $made = [System.Collections.Generic.List[string]]::new(); $hostLinks = [System.Collections.Generic.List[string]]::new() }
    AfterEach { Remove-OracleNamespace $made; Remove-OracleLink $hostLinks }

    It 'New-NetNamespace a,b | Remove-NetNamespace removes both' {
        $a = New-TestName rma
        $b = New-TestName rmb
        $made.AddRange([string[]]@($a, $b))

        $output = New-NetNamespace $a, $b | Remove-NetNamespace

        $output | Should -BeNullOrEmpty
        $listed = Get-OracleNamespaceName
        $listed | Should -Not -Contain $a
        $listed | Should -Not -Contain $b
        Test-Path "/run/netns/$a" | Should -BeFalse
        Test-Path "/run/netns/$b" | Should -BeFalse
    }

    It 'Get-NetNamespace t* | Remove-NetNamespace -WhatIf removes nothing' {
        $made.AddRange([string[]]@((New-TestName twi), (New-TestName twi)))
        foreach ($n in $made) { Invoke-Ip netns add $n }
        $before = Get-OracleSnapshot

        $output = Get-NetNamespace t* | Remove-NetNamespace -WhatIf

        $output | Should -BeNullOrEmpty
        Get-OracleSnapshot | Should -BeExactly $before
        foreach ($n in $made) {
            & ip netns exec $n true
            $LASTEXITCODE | Should -Be 0
        }
    }

    It 'removes a namespace made by ip netns add, and -PassThru returns it' {
        $name = New-TestName rmip
        $made.Add($name)
        Invoke-Ip netns add $name
        $inode = Get-NamespaceInode $name

        $output = Remove-NetNamespace -Name $name -PassThru

        $output.Name | Should -BeExactly $name
        $output.Id | Should -Be $inode
        Get-OracleNamespaceName | Should -Not -Contain $name
        Test-Path "/run/netns/$name" | Should -BeFalse
    }

    It '-Force removes a namespace holding a veth end, and the host end is gone when it returns' {
        $name = New-TestName rmveth
        $hostEnd = New-TestName rmh
        $made.Add($name)
        $hostLinks.Add($hostEnd)
        Invoke-Ip netns add $name
        Invoke-Ip link add $hostEnd type veth peer name eth0 netns $name
        Get-OracleLinkName | Should -Contain $hostEnd

        Remove-NetNamespace -Name $name -Force

        Get-OracleNamespaceName | Should -Not -Contain $name
        Get-OracleLinkName | Should -Not -Contain $hostEnd
    }

    It 'asks before removing a namespace that still holds links (refuses where it cannot ask), not for one with only lo' {
        $withLink = New-TestName askl
        $onlyLo = New-TestName asklo
        $hostEnd = New-TestName askh
        $made.AddRange([string[]]@($withLink, $onlyLo))
        $hostLinks.Add($hostEnd)
        Invoke-Ip netns add $withLink
        Invoke-Ip netns add $onlyLo
        Invoke-Ip link add $hostEnd type veth peer name eth0 netns $withLink
        # A non-interactive session (as in CI) cannot answer a prompt: where the cmdlet would ask, it
        # must refuse that namespace with ConfirmationRequired and go on with the next one.
        $pwsh = Get-ContainerNetTestPwsh
        $modulePath = (Get-Module ContainerNet).Path
        $script = "Import-Module '$modulePath'; Remove-NetNamespace -Name '$withLink', '$onlyLo' -ErrorAction SilentlyContinue -ErrorVariable failures; " +
            '$failures | ForEach-Object { $_.FullyQualifiedErrorId + ''|'' + $_.CategoryInfo.Category + ''|'' + $_.TargetObject }'
        $refused = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $script 2>&1

        $refused | Should -Be @("ConfirmationRequired,ContainerNet.Commands.RemoveNetNamespaceCommand|InvalidOperation|$withLink") -Because 'removing a namespace with links must ask first'
        Get-OracleNamespaceName | Should -Contain $withLink
        Get-OracleLinkName | Should -Contain $hostEnd
        Get-OracleNamespaceName | Should -Not -Contain $onlyLo -Because 'a namespace holding only lo is removed without asking'

        Remove-NetNamespace -Name $withLink -Confirm:$false
        Get-OracleNamespaceName | Should -Not -Contain $withLink
        Get-OracleLinkName | Should -Not -Contain $hostEnd
    }

    It 'reports a missing name as NamespaceNotFound and goes on with the others' {
        $missing = New-TestName rmmiss
        $present = New-TestName rmpres
        $made.Add($present)
        Invoke-Ip netns add $present

        Remove-NetNamespace -Name $missing, $present -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'NamespaceNotFound,ContainerNet.Commands.RemoveNetNamespaceCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -BeExactly $missing
        Get-OracleNamespaceName | Should -Not -Contain $present
    }
}

Describe 'Invoke-NetNamespace' {
    BeforeAll {
        $ns = New-TestName inv
        $hostEnd = New-TestName invh
        Invoke-Ip netns add $ns
        Invoke-Ip link add $hostEnd type veth peer name eth0 netns $ns
        Invoke-Ip -n $ns link set lo up
    }
    AfterAll {
        Remove-OracleNamespace $ns
        Remove-OracleLink $hostEnd
        Remove-Item -LiteralPath "/etc/netns/$ns" -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'runs a program inside: ip -j link there shows the namespace''s links' {
        $result = Invoke-NetNamespace -Name $ns -FilePath ip -ArgumentList '-j', 'link'

        $result.Namespace | Should -BeExactly $ns
        $result.ExitCode | Should -Be 0
        $result.TimedOut | Should -BeFalse
        $inside = $result.StandardOutput | ConvertFrom-Json
        $oracle = Get-OracleLink -Namespace $ns
        @($inside.ifname) | Should -Be @('lo', 'eth0')
        @($inside.ifname) | Should -Be @($oracle.ifname)
        @($inside.ifindex) | Should -Be @($oracle.ifindex)
        @($inside | ForEach-Object address) | Should -Be @($oracle | ForEach-Object address)
        @($inside.ifname) | Should -Not -Contain $hostEnd
    }

    It 'takes the program''s arguments positionally too' {
        $result = Invoke-NetNamespace $ns ip -j link

        ($result.StandardOutput | ConvertFrom-Json).ifname | Should -Be @('lo', 'eth0')
    }

    It 'passes flags like -c through to the program' {
        $result = Invoke-NetNamespace $ns sh -c 'echo flag-ok; exit 4'

        $result.ExitCode | Should -Be 4
        $result.StandardOutput | Should -BeExactly "flag-ok`n"
    }

    It 'runs the program in the current directory' {
        Push-Location -LiteralPath $TestDrive
        try { $result = Invoke-NetNamespace -Name $ns -FilePath pwd }
        finally { Pop-Location }

        $result.StandardOutput.Trim() | Should -BeExactly (Get-Item -LiteralPath $TestDrive).FullName
    }

    It 'joins the namespace''s network namespace (the inode behind /run/netns/NS)' {
        $result = Invoke-NetNamespace -Name $ns -FilePath readlink -ArgumentList /proc/self/ns/net

        $result.StandardOutput.Trim() | Should -BeExactly "net:[$(Get-NamespaceInode $ns)]"
    }

    It 'captures the exit code, stdout and stderr separately' {
        $result = Invoke-NetNamespace -Name $ns -FilePath sh -ArgumentList '-c', 'echo out-text; echo err-text >&2; exit 3'

        $result.ExitCode | Should -Be 3
        $result.StandardOutput | Should -BeExactly "out-text`n"
        $result.StandardError | Should -BeExactly "err-text`n"
        $result.Succeeded | Should -BeFalse
        $result.TimedOut | Should -BeFalse
    }

    It 'shows the namespace''s own devices under /sys/class/net (as ip netns exec does)' {
        $result = Invoke-NetNamespace -Name $ns -FilePath ls -ArgumentList /sys/class/net

        @($result.StandardOutput -split "\s+" | Where-Object { $_ } | Sort-Object) | Should -Be @('eth0', 'lo')
    }

    It '-TimeoutSec kills sleep 30 quickly and reports TimedOut' {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $result = Invoke-NetNamespace -Name $ns -FilePath sleep -ArgumentList 30 -TimeoutSec 1
        $watch.Stop()

        $result.TimedOut | Should -BeTrue
        $result.Succeeded | Should -BeFalse
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
        $watch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 0.9
        $result.Duration.TotalSeconds | Should -BeLessThan 5
        # The child is gone (killed and reaped), not left running in the background.
        $cmdline = Get-Content -LiteralPath "/proc/$($result.ProcessId)/cmdline" -Raw -ErrorAction SilentlyContinue
        $cmdline | Should -Not -Match '^sleep'
    }

    It 'bind-mounts /etc/netns/NS/hosts over /etc/hosts for the child only' {
        $marker = "203.0.113.7 $(New-TestName marker)"
        $hostsBefore = Get-Content -LiteralPath /etc/hosts -Raw
        $mountsBefore = Get-Content -LiteralPath /proc/self/mountinfo -Raw
        $null = New-Item -ItemType Directory -Path "/etc/netns/$ns" -Force
        Set-Content -LiteralPath "/etc/netns/$ns/hosts" -Value $marker

        $result = Invoke-NetNamespace -Name $ns -FilePath cat -ArgumentList /etc/hosts

        $result.ExitCode | Should -Be 0
        $result.StandardOutput.Trim() | Should -BeExactly $marker
        # The oracle sees the same file through ip netns exec.
        (& ip netns exec $ns cat /etc/hosts) -join "`n" | Should -BeExactly $result.StandardOutput.TrimEnd("`n")
        # Nothing leaked into the caller's mount namespace.
        Get-Content -LiteralPath /etc/hosts -Raw | Should -BeExactly $hostsBefore
        Get-Content -LiteralPath /proc/self/mountinfo -Raw | Should -BeExactly $mountsBefore
    }
}
