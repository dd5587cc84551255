using System.Net;

namespace ContainerNet.Core.Diagnostics;

/// <summary>
/// The answer to "can this namespace reach that address (and port)?". Unreachable is an answer, not a
/// failure: <see cref="Reachable"/> is false and <see cref="Error"/> says why.
/// </summary>
public sealed record ConnectionTestResult
{
    /// <summary>The namespace the test ran from; empty for the caller's own (the host).</summary>
    public required string Namespace { get; init; }

    public required IPAddress Address { get; init; }

    /// <summary>The TCP port; null for ICMP.</summary>
    public int? Port { get; init; }

    public required ConnectionTestProtocol Protocol { get; init; }

    /// <summary>True when at least one attempt got an answer (an echo reply, or an accepted connection).</summary>
    public bool Reachable { get; init; }

    /// <summary>The median round trip of the attempts that succeeded; null when none did.</summary>
    public TimeSpan? RoundTripTime { get; init; }

    public int Sent { get; init; }
    public int Received { get; init; }

    /// <summary>Why the address was not reached (the last failed attempt's reason); null when it was.</summary>
    public string? Error { get; init; }

    /// <summary>The local address the namespace used to reach the target, when one answered.</summary>
    public IPAddress? SourceAddress { get; init; }

    public IReadOnlyList<ConnectionAttempt> Attempts { get; init; } = [];

    public override string ToString() =>
        $"{(Namespace.Length == 0 ? "(host)" : Namespace)} -> {Address}{(Port is { } p ? $":{p}" : "")} {Protocol}: " +
        (Reachable ? $"reachable, {RoundTripTime!.Value.TotalMilliseconds:0.###} ms" : $"unreachable, {Error}");
}
