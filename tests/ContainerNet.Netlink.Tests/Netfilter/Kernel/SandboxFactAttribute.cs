namespace ContainerNet.Netlink.Tests.Netfilter.Kernel;

/// <summary>
/// A test that changes the kernel's nftables ruleset: it runs only inside the sandbox build.ps1 makes for
/// `Test` (CONTAINERNET_SANDBOX=1, a network namespace of its own) and is skipped everywhere else, so a
/// plain `dotnet test` never touches the machine's firewall. Inside, <see cref="KernelSandbox.AssertInside"/>
/// still checks the namespace before anything is sent.
/// </summary>
public sealed class SandboxFactAttribute : FactAttribute
{
    public SandboxFactAttribute()
    {
        if (!KernelSandbox.Requested)
            Skip = "Changes the nftables ruleset: runs only inside the build's sandbox (dotnet pwsh ./build.ps1 Test sets CONTAINERNET_SANDBOX=1).";
    }
}
