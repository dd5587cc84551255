namespace ContainerNet.Core.Diagnostics;

/// <summary>One echo request or one TCP connect of a test, numbered from 1.</summary>
public sealed record ConnectionAttempt
{
    public required int Number { get; init; }
    public required bool Succeeded { get; init; }

    /// <summary>Echo request to reply, or SYN to the completed handshake; null when it failed.</summary>
    public TimeSpan? RoundTripTime { get; init; }

    /// <summary>Why it failed: "Connection refused", "Timed out after 1000 ms", "Destination host unreachable (reported by 10.1.0.1)".</summary>
    public string? Error { get; init; }

    public override string ToString() =>
        Succeeded ? $"#{Number}: {RoundTripTime!.Value.TotalMilliseconds:0.###} ms" : $"#{Number}: {Error}";
}
