# Help as a user sees it (Get-Help from the built module), and the docs pages it is made from
# checked against the real cmdlets: every parameter documented, SYNTAX and the ```yaml metadata
# telling the truth about sets, types, positions, pipeline input, aliases and wildcards.
#
# Convention (as PlatyPS): the PARAMETERS section lists every parameter except the common ones;
# -WhatIf and -Confirm are listed (and must be) when the cmdlet supports ShouldProcess.

BeforeDiscovery {
    . $PSScriptRoot/Sandbox.ps1
    $manifestPath = Join-Path (Get-ContainerNetTestModulePath) 'ContainerNet.psd1'
    $script:cmdlets = if (Test-Path $manifestPath) { @((Import-PowerShellDataFile $manifestPath).CmdletsToExport) } else { @() }
}

BeforeAll {
    . $PSScriptRoot/Sandbox.ps1
    Assert-ContainerNetSandbox

    $script:moduleDir = Get-ContainerNetTestModulePath
    Import-Module $moduleDir -Force
    $script:docsDir = [IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../../docs/en-US'))

    # The build's converter parses the pages with Markdig; the tests read them the same way.
    $helpBuilder = if ($env:CONTAINERNET_HELPBUILDER_PATH) { $env:CONTAINERNET_HELPBUILDER_PATH } else {
        Join-Path $PSScriptRoot '../../src/ContainerNet.HelpBuilder/bin/Release/net8.0'
    }
    Add-Type -Path (Join-Path $helpBuilder 'Markdig.dll')
    Add-Type -Path (Join-Path $helpBuilder 'ContainerNet.HelpBuilder.dll')

    $script:commonParameters = @(
        'Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction', 'ProgressAction',
        'ErrorVariable', 'WarningVariable', 'InformationVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable'
    )

    # The cmdlet's own parameters, WhatIf/Confirm included, common parameters excluded.
    function Get-RealParameterName($Command) {
        @($Command.Parameters.Keys | Where-Object { $_ -notin $commonParameters } | Sort-Object)
    }

    # Type names as PlatyPS writes them: Nullable<T> as T, other generics in full, else the short name.
    function Get-PlatyTypeName([type] $Type) {
        $underlying = [Nullable]::GetUnderlyingType($Type)
        if ($underlying) { return $underlying.Name }
        if ($Type.IsGenericType) { return $Type.ToString() }
        return $Type.Name
    }

    # "[[-Name] <String[]>]" -> Name, optional, positional, String[]; a switch has no type.
    function ConvertFrom-SyntaxLine([string] $Text, [string] $CommandName) {
        $body = ($Text -replace '\s+', ' ').Trim()
        if ($body.StartsWith($CommandName)) {
            $body = $body.Substring($CommandName.Length)
        }
        $pattern = '(?<o1>\[)?(?<o2>\[)?-(?<name>[A-Za-z0-9_]+)(?<c1>\])?(?:\s+<(?<type>[^>]+)>)?(?<c2>\])?'
        foreach ($m in [regex]::Matches($body, $pattern)) {
            $g = $m.Groups
            $hasType = $g['type'].Success
            $positional = ($g['o1'].Success -and $g['o2'].Success) -or ($g['o1'].Success -and $g['c1'].Success -and $hasType)
            $required = -not $g['o1'].Success -or ($g['o1'].Success -and -not $g['o2'].Success -and $g['c1'].Success -and $hasType)
            [pscustomobject]@{
                Name       = $g['name'].Value
                Required   = $required
                Positional = $positional
                Type       = if ($hasType) { $g['type'].Value } else { 'SwitchParameter' }
            }
        }
    }

    function Format-SyntaxEntry($Name, $Required, $Positional, $Type) {
        '{0} required={1} positional={2} <{3}>' -f $Name, $Required, $Positional, $Type
    }

    # What the parameter set really is, in the same shape as ConvertFrom-SyntaxLine.
    function Get-RealSyntaxEntry($ParameterSet) {
        foreach ($p in $ParameterSet.Parameters | Where-Object Name -NotIn $commonParameters) {
            Format-SyntaxEntry $p.Name $p.IsMandatory ($p.Position -ge 0) (Get-PlatyTypeName $p.ParameterType)
        }
    }

    function Get-PipelineText($Parameter) {
        if ($Parameter.ValueFromPipeline -and $Parameter.ValueFromPipelineByPropertyName) { return 'True (ByPropertyName, ByValue)' }
        if ($Parameter.ValueFromPipeline) { return 'True (ByValue)' }
        if ($Parameter.ValueFromPipelineByPropertyName) { return 'True (ByPropertyName)' }
        return 'False'
    }

    # "True (ByValue, ByPropertyName)" and "True (ByPropertyName, ByValue)" say the same.
    function ConvertTo-PipelineKey([string] $Text) {
        $t = "$Text"
        'ByValue={0} ByPropertyName={1}' -f ($t -match 'ByValue'), ($t -match 'ByPropertyName')
    }
}

Describe 'Help for <_>' -ForEach $cmdlets {
    BeforeAll {
        $name = $_
        $command = Get-Command -Name $name -Module ContainerNet
        $help = Get-Help -Name $name -Full
        $helpText = Get-Help -Name $name -Full | Out-String -Width 250
        $realNames = Get-RealParameterName $command
        $pagePath = Join-Path $docsDir "$name.md"
        $page = if (Test-Path $pagePath) { [ContainerNet.HelpBuilder.Markdown.CommandHelpDocument]::Load($pagePath) } else { $null }
    }

    Context 'Get-Help from the built module' {
        It 'reads the MAML file the build made' {
            $help.PSObject.TypeNames | Should -Contain 'MamlCommandHelpInfo'
        }

        It 'shows a synopsis' {
            "$($help.Synopsis)".Trim() | Should -Not -BeNullOrEmpty
        }

        It 'shows a description' {
            ($help.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty
        }

        It 'shows a SYNTAX line for each parameter set' {
            @($help.syntax.syntaxItem).Count | Should -Be @($command.ParameterSets).Count
            $helpText | Should -Match "(?m)^SYNTAX\s*\r?\n\s+$([regex]::Escape($name)) "
        }

        It 'shows every parameter' {
            @($help.parameters.parameter.name | Sort-Object) | Should -Be $realNames
        }

        It 'describes every parameter' {
            foreach ($p in $help.parameters.parameter) {
                ($p.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty -Because "-$($p.name) needs a description"
            }
        }

        It 'shows at least two examples, each with code' {
            @($help.examples.example).Count | Should -BeGreaterOrEqual 2
            foreach ($example in $help.examples.example) {
                "$($example.code)".Trim() | Should -Not -BeNullOrEmpty
            }
        }

        It 'shows inputs and outputs' {
            @($help.inputTypes.inputType).Count | Should -BeGreaterOrEqual 1
            @($help.returnValues.returnValue).Count | Should -BeGreaterOrEqual 1
        }
    }

    Context 'docs/en-US/<_>.md' {
        It 'exists' {
            $pagePath | Should -Exist
        }

        It 'is titled with the cmdlet name' {
            $page | Should -Not -BeNullOrEmpty -Because "$pagePath must exist"
            $page.Name | Should -BeExactly $name
        }

        It 'has ### -Param headings equal to the cmdlet''s parameters' {
            $page | Should -Not -BeNullOrEmpty -Because "$pagePath must exist"
            @($page.Parameters.Name | Sort-Object) | Should -Be $realNames
        }

        It 'has a SYNTAX block per parameter set that matches it' {
            $page | Should -Not -BeNullOrEmpty -Because "$pagePath must exist"
            $sets = @($command.ParameterSets)
            @($page.Syntax).Count | Should -Be $sets.Count
            foreach ($set in $sets) {
                $block = if ($sets.Count -eq 1) { $page.Syntax[0] } else { $page.Syntax | Where-Object ParameterSetName -EQ $set.Name }
                $block | Should -Not -BeNullOrEmpty -Because "SYNTAX needs '### $($set.Name)'"
                $documented = @(ConvertFrom-SyntaxLine $block.Text $name | ForEach-Object {
                        Format-SyntaxEntry $_.Name $_.Required $_.Positional $_.Type
                    } | Sort-Object)
                $documented | Should -Be @(Get-RealSyntaxEntry $set | Sort-Object) -Because "set $($set.Name)"
                if ($set.IsDefault -and $sets.Count -gt 1) {
                    $block.IsDefault | Should -BeTrue -Because "'### $($set.Name) (Default)'"
                }
            }
        }

        It 'has yaml metadata that matches every parameter' {
            $page | Should -Not -BeNullOrEmpty -Because "$pagePath must exist"
            foreach ($documented in $page.Parameters) {
                $real = $command.Parameters[$documented.Name]
                if (-not $real) { continue } # reported by the headings test
                $because = "-$($documented.Name)"
                @($documented.Metadata).Count | Should -BeGreaterOrEqual 1 -Because "$because needs a yaml block"

                $inSets = @($command.ParameterSets | Where-Object { $_.Parameters.Name -contains $real.Name })
                $covered = @()
                foreach ($yaml in $documented.Metadata) {
                    $yaml['Type'] | Should -BeExactly (Get-PlatyTypeName $real.ParameterType) -Because "$because Type"
                    $wildcards = [bool]($real.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
                    $yaml['Accept wildcard characters'] | Should -Be "$wildcards" -Because "$because wildcards"
                    @(("$($yaml['Aliases'])" -split ',\s*' | Where-Object { $_ }) | Sort-Object) |
                        Should -Be @($real.Aliases | Sort-Object) -Because "$because Aliases"

                    $setNames = if ($yaml['Parameter Sets'] -eq '(All)') {
                        $inSets.Count | Should -Be @($command.ParameterSets).Count -Because "$because is '(All)' but not in every set"
                        @($inSets.Name)
                    } else { @($yaml['Parameter Sets'] -split ',\s*') }
                    foreach ($setName in $setNames) {
                        $set = $inSets | Where-Object Name -EQ $setName
                        $set | Should -Not -BeNullOrEmpty -Because "$because lists set '$setName'"
                        $inSet = $set.Parameters | Where-Object Name -EQ $real.Name
                        $yaml['Required'] | Should -Be "$($inSet.IsMandatory)" -Because "$because Required in $setName"
                        $position = if ($inSet.Position -ge 0) { "$($inSet.Position)" } else { 'Named' }
                        $yaml['Position'] | Should -Be $position -Because "$because Position in $setName"
                        ConvertTo-PipelineKey $yaml['Accept pipeline input'] |
                            Should -Be (ConvertTo-PipelineKey (Get-PipelineText $inSet)) -Because "$because pipeline input in $setName"
                        $covered += $setName
                    }

                    $accepted = @($real.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | ForEach-Object ValidValues)
                    $enumType = [Nullable]::GetUnderlyingType($real.ParameterType) ?? $real.ParameterType
                    if ($enumType.IsArray) { $enumType = $enumType.GetElementType() }
                    if (-not $accepted -and $enumType.IsEnum) { $accepted = [enum]::GetNames($enumType) }
                    if ($accepted) {
                        @("$($yaml['Accepted values'])" -split ',\s*' | Sort-Object) |
                            Should -Be @($accepted | Sort-Object) -Because "$because Accepted values"
                    }
                }
                @($covered | Sort-Object -Unique) | Should -Be @($inSets.Name | Sort-Object -Unique) -Because "$because yaml must cover each of its sets"
            }
        }

        It 'names each [OutputType] under OUTPUTS' {
            $page | Should -Not -BeNullOrEmpty -Because "$pagePath must exist"
            foreach ($output in $command.OutputType) {
                $page.Outputs.TypeName | Should -Contain $output.Name
            }
        }

        It 'has no {{ placeholders }} left' {
            $pagePath | Should -Not -FileContentMatch '\{\{ '
        }
    }
}

Describe 'about_ContainerNet' {
    It 'is shown by Get-Help' {
        $topic = Get-Help about_ContainerNet | Out-String
        $topic | Should -Match 'ContainerNet'
        Join-Path $moduleDir 'en-US/about_ContainerNet.help.txt' | Should -Exist
    }
}
