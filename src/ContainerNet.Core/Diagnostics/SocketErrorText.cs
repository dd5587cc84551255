using System.Net.Sockets;

namespace ContainerNet.Core.Diagnostics;

/// <summary>Why a connect or a send failed, in the kernel's (strerror) words, the same on every machine.</summary>
internal static class SocketErrorText
{
    public static string Describe(SocketException failure) => failure.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "Connection refused",
        SocketError.NetworkUnreachable => "Network is unreachable",
        SocketError.HostUnreachable => "No route to host",
        SocketError.HostDown => "Host is down",
        SocketError.TimedOut => "Connection timed out",
        SocketError.ConnectionReset => "Connection reset by peer",
        SocketError.AccessDenied => "Permission denied",
        SocketError.AddressNotAvailable => "Cannot assign requested address",
        SocketError.MessageSize => "Message too long",
        _ => failure.Message,
    };

    public static string TimedOut(int milliseconds) => $"Timed out after {milliseconds} ms";
}
