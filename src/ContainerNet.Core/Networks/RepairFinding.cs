namespace ContainerNet.Core.Networks;

/// <summary>One thing Repair-ContainerNetwork found out of step between the state and the kernel, and what it did.</summary>
public sealed class RepairFinding
{
    /// <summary>The network it concerns (empty for leftovers of networks that no longer exist).</summary>
    public required string Network { get; init; }

    /// <summary>LeftoverVeth, StaleEndpoint, LeftoverPort, LeftoverLink, MissingLink, MissingPort, LeftoverNetworkRules, MissingNetworkRules, MissingBridge, StaleHostsFile, LeftoverHostsFile, LeftoverStateFile.</summary>
    public required string Kind { get; init; }

    public required string Target { get; init; }

    /// <summary>Removed, Restored or Rewritten.</summary>
    public required string Action { get; init; }

    public required string Description { get; init; }

    public override string ToString() => $"{Kind} {Target}: {Action}";
}
