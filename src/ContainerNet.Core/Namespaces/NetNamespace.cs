namespace ContainerNet.Core.Namespaces;

/// <summary>A named network namespace: a container's network stack, `ip netns` compatible.</summary>
public sealed record NetNamespace
{
    public required string Name { get; init; }

    /// <summary>The bind mount that keeps it alive: /run/netns/NAME.</summary>
    public required string Path { get; init; }

    /// <summary>The namespace's inode number (as lsns and /proc/PID/ns/net show it): unique while it lives.</summary>
    public ulong Id { get; init; }

    public override string ToString() => Name;
}
