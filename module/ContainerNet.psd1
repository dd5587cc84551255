#
# Module manifest for ContainerNet. Hand-written; build.ps1 copies it to out/ContainerNet/ and
# stamps ModuleVersion from VersionPrefix in Directory.Build.props (the one version source).
#
@{
    RootModule           = 'ContainerNet.PowerShell.dll'
    ModuleVersion        = '0.0.0'
    GUID                 = '2e213dda-faa3-4dca-9514-a6da1ea706ed'
    Author               = 'ContainerNet'
    CompanyName          = 'ContainerNet'
    Copyright            = '(c) ContainerNet contributors.'
    Description          = 'Linux container networking from PowerShell: namespaces, veth pairs, bridges, addresses, routes, nftables NAT and port publishing, and Docker-style networks, as typed objects over netlink.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('ContainerNet.format.ps1xml', 'Network.format.ps1xml', 'Diagnostics.format.ps1xml', 'Firewall.format.ps1xml', 'ContainerNetworks.format.ps1xml')

    # Listed one by one: no wildcards, so discovery is fast and the surface is reviewed.
    CmdletsToExport      = @(
        'New-NetNamespace'
        'Get-NetNamespace'
        'Remove-NetNamespace'
        'Invoke-NetNamespace'
        'New-VethPair'
        'Get-NetLink'
        'Set-NetLink'
        'Remove-NetLink'
        'New-NetBridge'
        'Add-BridgePort'
        'Get-BridgePort'
        'Remove-BridgePort'
        'Add-NetAddress'
        'Get-NetAddress'
        'Remove-NetAddress'
        'Add-NetRoute'
        'Get-NetRoute'
        'Remove-NetRoute'
        'Enable-IPForwarding'
        'Disable-IPForwarding'
        'Test-NetNamespaceConnection'
        'Add-NatMasquerade'
        'Get-NatMasquerade'
        'Remove-NatMasquerade'
        'Publish-ContainerPort'
        'Get-ContainerPort'
        'Unpublish-ContainerPort'
        'Disable-InterContainerTraffic'
        'Enable-InterContainerTraffic'
        'Add-NetBridgeIsolation'
        'Get-NetBridgeIsolation'
        'Remove-NetBridgeIsolation'
        'Add-ContainerLink'
        'Get-ContainerLink'
        'Remove-ContainerLink'
        'New-ContainerNetwork'
        'Get-ContainerNetwork'
        'Remove-ContainerNetwork'
        'Connect-ContainerNetwork'
        'Disconnect-ContainerNetwork'
        'Repair-ContainerNetwork'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()

    PrivateData          = @{
        PSData = @{
            Tags = @('Linux', 'Networking', 'Containers', 'Netlink', 'nftables', 'Namespaces')
        }
    }
}
