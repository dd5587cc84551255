using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ContainerNet.Core.Errors;
using ContainerNet.Core.Namespaces;
using Tmds.Linux;

namespace ContainerNet.Core.Diagnostics;

/// <summary>
/// Tests reachability from a namespace, as ping and a TCP connect would, without starting a process:
/// the socket is opened inside the namespace (<see cref="NamespaceRegistry.OpenSocket"/>) and used
/// from here. Every attempt is bounded by the timeout, so a test takes at most Count x timeout.
/// </summary>
public sealed partial class ConnectionTester
{
    private readonly NamespaceRegistry _registry;

    public ConnectionTester(NamespaceRegistry registry) => _registry = registry;

    /// <param name="namespaceName">Where to test from; null or empty for the caller's own namespace (the host).</param>
    public ConnectionTestResult Test(string? namespaceName, IPAddress address, ConnectionTestOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        namespaceName ??= "";
        if (namespaceName.Length > 0)
            _registry.Get(namespaceName); // InvalidNamespaceName, NamespaceNotFound before any socket
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
            throw InvalidAddress(address.ToString(), "it is neither IPv4 nor IPv6");

        return options.EffectiveProtocol == ConnectionTestProtocol.Tcp
            ? TcpConnectProbe.Run(_registry, namespaceName, address, options, cancellationToken)
            : IcmpEchoProbe.Run(_registry, namespaceName, address, options, cancellationToken);
    }

    [GeneratedRegex(@"^\d{1,3}(\.\d{1,3}){3}$")]
    private static partial Regex DottedQuad();

    /// <summary>
    /// An IPv4 address in dotted-quad form or an IPv6 address (a zone only as an interface index,
    /// fe80::1%2). Refuses what IPAddress.Parse would quietly read otherwise ("10.1" as 10.0.0.1).
    /// </summary>
    public static IPAddress ParseAddress(string? text)
    {
        string value = text?.Trim() ?? "";
        if (value.Length == 0)
            throw InvalidAddress(value, "it is empty");
        if (value.Contains('/'))
            throw InvalidAddress(value, "it is a subnet (CIDR); pass the address alone, without the prefix length");
        if (value.Contains(':'))
        {
            int zone = value.IndexOf('%');
            if (zone >= 0 && !uint.TryParse(value.AsSpan(zone + 1), out _))
                // A zone name would be looked up among the caller's own links, not the namespace's.
                throw InvalidAddress(value, "its zone must be an interface index (fe80::1%2, the Index that Get-NetLink -Namespace shows), not a name");
            if (IPAddress.TryParse(value, out IPAddress? v6) && v6.AddressFamily == AddressFamily.InterNetworkV6)
                return v6;
            throw InvalidAddress(value, "it is not an IPv6 address");
        }
        if (DottedQuad().IsMatch(value) && IPAddress.TryParse(value, out IPAddress? v4) && v4.AddressFamily == AddressFamily.InterNetwork)
            return v4;
        throw InvalidAddress(value, "it is not an IPv4 address in dotted-quad form");
    }

    private static ContainerNetException InvalidAddress(string value, string reason) =>
        new("InvalidAddress", ErrorKind.InvalidArgument, value,
            $"'{value}' cannot be tested: {reason}. Give an IP address such as 10.88.0.3 or 2001:db8::3.");

    /// <summary>The result of a finished series of attempts.</summary>
    internal static ConnectionTestResult Summarize(string namespaceName, IPAddress address, ConnectionTestOptions options,
        IReadOnlyList<ConnectionAttempt> attempts, IPAddress? sourceAddress)
    {
        var times = attempts.Where(a => a.Succeeded).Select(a => a.RoundTripTime!.Value).Order().ToList();
        TimeSpan? median = times.Count == 0 ? null
            : times.Count % 2 == 1 ? times[times.Count / 2]
            : (times[times.Count / 2 - 1] + times[times.Count / 2]) / 2;
        return new ConnectionTestResult
        {
            Namespace = namespaceName,
            Address = address,
            Port = options.EffectiveProtocol == ConnectionTestProtocol.Tcp ? options.Port : null,
            Protocol = options.EffectiveProtocol,
            Reachable = times.Count > 0,
            RoundTripTime = median,
            Sent = attempts.Count,
            Received = times.Count,
            Error = times.Count > 0 ? null : attempts.LastOrDefault(a => a.Error is not null)?.Error,
            SourceAddress = sourceAddress,
            Attempts = attempts,
        };
    }

    /// <summary>
    /// The source address the namespace's routing picks for <paramref name="address"/>: connecting a UDP
    /// socket sends nothing but makes the kernel choose it. Null when there is no route.
    /// </summary>
    internal static IPAddress? RouteSource(NamespaceRegistry registry, string namespaceName, IPAddress address)
    {
        int domain = address.AddressFamily == AddressFamily.InterNetworkV6 ? LibC.AF_INET6 : LibC.AF_INET;
        try
        {
            using Socket socket = Adopt(registry.OpenSocket(namespaceName, domain, LibC.SOCK_DGRAM, LibC.IPPROTO_UDP));
            socket.Connect(new IPEndPoint(address, DiscardPort));
            return (socket.LocalEndPoint as IPEndPoint)?.Address;
        }
        catch (Exception ex) when (ex is SocketException or ContainerNetException)
        {
            return null; // a detail of the result, never a reason to fail the test
        }
    }

    private const int DiscardPort = 9;

    internal static Socket Adopt(int fd) => new(new SafeSocketHandle((IntPtr)fd, ownsHandle: true));
}
