namespace ContainerNet.Core.Processes;

/// <summary>How a program run inside a namespace ended, with everything it printed.</summary>
public sealed record NetNamespaceProcessResult
{
    public required string Namespace { get; init; }
    public required string FilePath { get; init; }
    public int ProcessId { get; init; }
    public int ExitCode { get; init; }
    public string StandardOutput { get; init; } = "";
    public string StandardError { get; init; } = "";
    public TimeSpan Duration { get; init; }
    public bool TimedOut { get; init; }

    public bool Succeeded => ExitCode == 0 && !TimedOut;
}
