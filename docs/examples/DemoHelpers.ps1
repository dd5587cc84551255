# Shared by the walkthroughs (Demo.ps1, NetworksDemo.ps1): how a step is announced.

function Show-Step([string] $Text) {
    Write-Host ''
    Write-Host "== $Text" -ForegroundColor Cyan
}
