using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ContainerNet.Core.Namespaces;
using Tmds.Linux;

namespace ContainerNet.Core.Diagnostics;

/// <summary>TCP reachability: one connect per attempt from a fresh socket opened inside the namespace.</summary>
internal static class TcpConnectProbe
{
    public static ConnectionTestResult Run(NamespaceRegistry registry, string namespaceName, IPAddress address,
        ConnectionTestOptions options, CancellationToken cancellationToken)
    {
        int domain = address.AddressFamily == AddressFamily.InterNetworkV6 ? LibC.AF_INET6 : LibC.AF_INET;
        var target = new IPEndPoint(address, options.Port!.Value);
        var attempts = new List<ConnectionAttempt>(options.Count);
        IPAddress? source = null;
        for (int number = 1; number <= options.Count; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using Socket socket = ConnectionTester.Adopt(registry.OpenSocket(namespaceName, domain, LibC.SOCK_STREAM, LibC.IPPROTO_TCP));
            using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            long started = Stopwatch.GetTimestamp();
            Task connect = socket.ConnectAsync(target, abandon.Token).AsTask();
            try
            {
                if (!WaitUntilDeadline(connect, started, options.TimeoutMilliseconds, cancellationToken))
                {
                    abandon.Cancel();
                    connect.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
                    attempts.Add(Failed(number, SocketErrorText.TimedOut(options.TimeoutMilliseconds)));
                    continue;
                }
                connect.GetAwaiter().GetResult();
                TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
                source ??= (socket.LocalEndPoint as IPEndPoint)?.Address;
                attempts.Add(new ConnectionAttempt { Number = number, Succeeded = true, RoundTripTime = elapsed });
                // A plain FIN, as any client: a reset could upset the listener under test.
                try { socket.Shutdown(SocketShutdown.Both); } catch (SocketException) { }
            }
            catch (SocketException failure)
            {
                attempts.Add(Failed(number, SocketErrorText.Describe(failure)));
            }
        }
        return ConnectionTester.Summarize(namespaceName, address, options, attempts, source);
    }

    /// <summary>
    /// Waits for the connect until the timeout has passed by the stopwatch: timers may fire a little
    /// early, and "Timed out after N ms" must be true. False when the time ran out first.
    /// </summary>
    private static bool WaitUntilDeadline(Task connect, long started, int timeoutMilliseconds, CancellationToken cancellationToken)
    {
        TimeSpan timeout = TimeSpan.FromMilliseconds(timeoutMilliseconds);
        while (true)
        {
            TimeSpan left = timeout - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
                return connect.IsCompleted;
            try
            {
                if (connect.Wait(left, cancellationToken))
                    return true;
            }
            catch (AggregateException)
            {
                return true; // the connect failed: its own error is reported
            }
        }
    }

    private static ConnectionAttempt Failed(int number, string error) => new() { Number = number, Succeeded = false, Error = error };
}
