using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using ContainerNet.Core.Errors;
using ContainerNet.Core.Namespaces;
using Tmds.Linux;

namespace ContainerNet.Core.Diagnostics;

/// <summary>
/// ICMP reachability, as ping does it: echo requests from an ICMP socket opened inside the namespace,
/// one at a time, each waiting up to the timeout for its own reply.
/// A raw socket (root, CAP_NET_RAW) sees every ICMP packet of its namespace, other pings' replies
/// included, so replies are matched by identifier, sequence and echoed data. Without CAP_NET_RAW a
/// datagram "ping socket" (net.ipv4.ping_group_range) is used: the kernel picks the identifier and
/// delivers only this socket's replies, so the sequence and data are matched.
/// </summary>
internal static class IcmpEchoProbe
{
    private const int PayloadLength = 32;
    private const int ReceiveBufferLength = 4096;
    /// <summary>Waits are sliced so that Ctrl+C is seen within this time.</summary>
    private static readonly TimeSpan PollSlice = TimeSpan.FromMilliseconds(100);

    public static ConnectionTestResult Run(NamespaceRegistry registry, string namespaceName, IPAddress address,
        ConnectionTestOptions options, CancellationToken cancellationToken)
    {
        AddressFamily family = address.AddressFamily;
        (Socket socket, bool raw) = Open(registry, namespaceName, family == AddressFamily.InterNetworkV6);
        using (socket)
        {
            if (raw)
                InstallFilter(socket, family);
            ushort identifier = (ushort)RandomNumberGenerator.GetInt32(1, 65536);
            byte[] payload = NewPayload();
            var target = new IPEndPoint(address, 0);
            var attempts = new List<ConnectionAttempt>(options.Count);
            IPAddress? source = null;
            byte[] buffer = new byte[ReceiveBufferLength];
            for (int number = 1; number <= options.Count; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var echo = new Echo(identifier, (ushort)number, payload, raw, family);
                long started = Stopwatch.GetTimestamp();
                try
                {
                    socket.SendTo(IcmpEchoRequest.Build(family, echo.Identifier, echo.Sequence, payload), SocketFlags.None, target);
                }
                catch (SocketException failure)
                {
                    // No route, an unreachable neighbour already known as failed: the kernel says so at once.
                    attempts.Add(Failed(number, SocketErrorText.Describe(failure)));
                    continue;
                }
                attempts.Add(AwaitReply(socket, echo, number, started, options.TimeoutMilliseconds, buffer, ref source, cancellationToken));
            }
            if (source is null && attempts.Any(a => a.Succeeded))
                source = ConnectionTester.RouteSource(registry, namespaceName, address);
            return ConnectionTester.Summarize(namespaceName, address, options, attempts, source);
        }
    }

    private readonly record struct Echo(ushort Identifier, ushort Sequence, byte[] Payload, bool Raw, AddressFamily Family);

    private static ConnectionAttempt AwaitReply(Socket socket, Echo echo, int number, long started, int timeoutMilliseconds,
        byte[] buffer, ref IPAddress? localAddress, CancellationToken cancellationToken)
    {
        TimeSpan timeout = TimeSpan.FromMilliseconds(timeoutMilliseconds);
        // Bounded by time: every pass either waits or consumes a packet, and the deadline is checked first.
        while (true)
        {
            TimeSpan left = timeout - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
                return Failed(number, SocketErrorText.TimedOut(timeoutMilliseconds));
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan wait = left < PollSlice ? left : PollSlice;
            if (!socket.Poll(Math.Max(1, (int)wait.TotalMicroseconds), SelectMode.SelectRead))
                continue;

            int length;
            EndPoint from = new IPEndPoint(echo.Family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
            try
            {
                // Not ReceiveMessageFrom: for an IPv6 raw socket .NET also asks for IP_PKTINFO, which the
                // kernel refuses there (ENOPROTOOPT).
                length = socket.ReceiveFrom(buffer, SocketFlags.None, ref from);
            }
            catch (SocketException failure)
            {
                // A ping socket reports a pending ICMP error (EHOSTUNREACH ...) on the next receive.
                return Failed(number, SocketErrorText.Describe(failure));
            }
            TimeSpan elapsed = Stopwatch.GetElapsedTime(started);

            bool withIpHeader = echo.Raw && echo.Family == AddressFamily.InterNetwork;
            if (!IcmpReplyParser.TryParse(buffer.AsSpan(0, length), echo.Family, withIpHeader, out IcmpReply? reply)
                || reply!.Sequence != echo.Sequence
                || (echo.Raw && reply.Identifier != echo.Identifier))
                continue; // someone else's ICMP, or a late reply to an earlier attempt

            IPAddress sender = reply.Source ?? ((IPEndPoint)from).Address;
            if (reply.Kind != IcmpReplyKind.EchoReply)
                return Failed(number, $"{reply.Describe()} (reported by {sender})");
            if (!reply.Payload.AsSpan().SequenceEqual(echo.Payload))
                continue;
            // A raw IPv4 socket shows the reply's IP header, whose destination is our source address.
            localAddress ??= reply.Destination;
            return new ConnectionAttempt { Number = number, Succeeded = true, RoundTripTime = elapsed };
        }
    }

    private static ConnectionAttempt Failed(int number, string error) => new() { Number = number, Succeeded = false, Error = error };

    private static byte[] NewPayload()
    {
        // A per-test nonce, then ping's own filler pattern: a reply must echo both.
        byte[] payload = new byte[PayloadLength];
        RandomNumberGenerator.Fill(payload.AsSpan(0, 8));
        for (int i = 8; i < payload.Length; i++)
            payload[i] = (byte)i;
        return payload;
    }

    /// <summary>A raw socket if allowed (CAP_NET_RAW), else a datagram ping socket; PermissionDenied if neither.</summary>
    private static (Socket Socket, bool Raw) Open(NamespaceRegistry registry, string namespaceName, bool v6)
    {
        int domain = v6 ? LibC.AF_INET6 : LibC.AF_INET;
        int protocol = v6 ? LibC.IPPROTO_ICMPV6 : LibC.IPPROTO_ICMP;
        try
        {
            return (ConnectionTester.Adopt(registry.OpenSocket(namespaceName, domain, LibC.SOCK_RAW, protocol)), true);
        }
        catch (ContainerNetException rawDenied) when (rawDenied.Kind == ErrorKind.PermissionDenied)
        {
        }
        try
        {
            return (ConnectionTester.Adopt(registry.OpenSocket(namespaceName, domain, LibC.SOCK_DGRAM, protocol)), false);
        }
        catch (ContainerNetException pingDenied) when (pingDenied.Kind == ErrorKind.PermissionDenied)
        {
            string where = namespaceName.Length == 0 ? "the host namespace" : $"namespace '{namespaceName}'";
            string range = ReadPingGroupRange(registry, namespaceName) is { } value ? $" (there it is now '{value}')" : "";
            throw new ContainerNetException("PermissionDenied", ErrorKind.PermissionDenied, namespaceName.Length == 0 ? null : namespaceName,
                $"Cannot open an ICMP socket in {where}: raw ICMP sockets need root or the CAP_NET_RAW capability, and datagram " +
                $"ping sockets need the caller's group (gid {LibC.getegid()}) within net.ipv4.ping_group_range of that namespace{range}. " +
                "Run pwsh as root, widen ping_group_range, or test a TCP port with -Port instead.",
                pingDenied, pingDenied.Errno)
            {
                RecommendedAction = "Run pwsh as root (CAP_NET_RAW), widen net.ipv4.ping_group_range in that namespace, or test a TCP port with -Port.",
            };
        }
    }

    private static string? ReadPingGroupRange(NamespaceRegistry registry, string namespaceName)
    {
        try
        {
            int fd = registry.OpenNamespaceFile(namespaceName, "/proc/sys/net/ipv4/ping_group_range", LibC.O_RDONLY);
            using var stream = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle((IntPtr)fd, ownsHandle: true), FileAccess.Read, 1);
            using var reader = new StreamReader(stream);
            return string.Join(' ', reader.ReadToEnd().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        catch (Exception ex) when (ex is ContainerNetException or IOException or UnauthorizedAccessException)
        {
            return null; // only a hint for the message
        }
    }

    /// <summary>
    /// Only echo replies and the errors that can quote a request reach the socket (ping installs the
    /// same filters). Matching does not depend on them: a filter the kernel refuses is no loss.
    /// </summary>
    private static void InstallFilter(Socket socket, AddressFamily family)
    {
        try
        {
            if (family == AddressFamily.InterNetwork)
            {
                uint blocked = ~(1u << IcmpConstants.ICMP_ECHOREPLY | 1u << IcmpConstants.ICMP_DEST_UNREACH | 1u << IcmpConstants.ICMP_TIME_EXCEEDED);
                socket.SetRawSocketOption(IcmpConstants.SOL_RAW, IcmpConstants.ICMP_FILTER, BitConverter.GetBytes(blocked));
            }
            else
            {
                uint[] blocked = [uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue];
                foreach (byte type in new[] { IcmpConstants.ICMPV6_ECHO_REPLY, IcmpConstants.ICMPV6_DEST_UNREACH, IcmpConstants.ICMPV6_PKT_TOOBIG, IcmpConstants.ICMPV6_TIME_EXCEED })
                    blocked[type >> 5] &= ~(1u << (type & 31));
                byte[] value = new byte[32];
                Buffer.BlockCopy(blocked, 0, value, 0, value.Length);
                socket.SetRawSocketOption(LibC.IPPROTO_ICMPV6, IcmpConstants.ICMPV6_FILTER, value);
            }
        }
        catch (SocketException)
        {
        }
    }
}
