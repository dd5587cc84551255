using ContainerNet.Core.Errors;

namespace ContainerNet.Core.Diagnostics;

/// <summary>How to test: protocol, port, number of attempts and how long each may wait.</summary>
public sealed record ConnectionTestOptions
{
    /// <summary>One attempt: on a lab's links an echo or a handshake is not lost, and a test should be quick.</summary>
    public const int DefaultCount = 1;
    public const int MaxCount = 1000;
    public const int DefaultTimeoutMilliseconds = 1000;
    public const int MaxTimeoutMilliseconds = 600_000;

    /// <summary>The TCP port to connect to; null for an ICMP echo.</summary>
    public int? Port { get; init; }

    /// <summary>Null: TCP when a port is given, else ICMP.</summary>
    public ConnectionTestProtocol? Protocol { get; init; }

    public int Count { get; init; } = DefaultCount;

    /// <summary>How long each attempt waits for its answer.</summary>
    public int TimeoutMilliseconds { get; init; } = DefaultTimeoutMilliseconds;

    public ConnectionTestProtocol EffectiveProtocol => Protocol ?? (Port is null ? ConnectionTestProtocol.Icmp : ConnectionTestProtocol.Tcp);

    /// <summary>Refuses options that cannot make a test, before any socket is opened.</summary>
    public void Validate()
    {
        if (Port is { } port && (port < 1 || port > 65535))
            throw new ContainerNetException("InvalidPort", ErrorKind.InvalidArgument, port,
                $"Port {port} is not a TCP port. Use a port from 1 to 65535.");
        if (Protocol == ConnectionTestProtocol.Tcp && Port is null)
            throw new ContainerNetException("PortRequired", ErrorKind.InvalidArgument, Protocol,
                "A TCP test needs the port to connect to. Pass -Port, or leave out -Protocol Tcp to send an ICMP echo.");
        if (Protocol == ConnectionTestProtocol.Icmp && Port is not null)
            throw new ContainerNetException("UnexpectedPort", ErrorKind.InvalidArgument, Port,
                $"ICMP has no ports, yet port {Port} was given. Leave out -Port for an ICMP echo, or leave out -Protocol Icmp to connect to the port over TCP.");
        if (Count < 1 || Count > MaxCount)
            throw new ContainerNetException("InvalidCount", ErrorKind.InvalidArgument, Count,
                $"{Count} is not a number of attempts. Use 1 to {MaxCount}.");
        if (TimeoutMilliseconds < 1 || TimeoutMilliseconds > MaxTimeoutMilliseconds)
            throw new ContainerNetException("InvalidTimeout", ErrorKind.InvalidArgument, TimeoutMilliseconds,
                $"{TimeoutMilliseconds} ms is not a usable timeout. Use 1 to {MaxTimeoutMilliseconds} milliseconds.");
    }
}
