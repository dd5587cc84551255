using ContainerNet.Core.Errors;
using ContainerNet.Core.Native;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Errors;
using ContainerNet.Netlink.Transport;

namespace ContainerNet.Core.Namespaces;

/// <summary>
/// One netlink connection per namespace and protocol (rtnetlink, nfnetlink), opened once and reused.
/// A socket for a named namespace is opened on the namespace worker thread that setns'd into it.
/// Entries are checked against the namespace's inode on every use, so a namespace deleted and
/// re-created under the same name gets a new socket.
/// A socket pins its namespace: while one is cached, `ip netns del` by someone else leaves the
/// namespace (and the host ends of its veths) alive. So named sockets are kept only while someone
/// uses the cache (<see cref="Acquire"/>; cmdlets hold it for the length of their pipeline) and are
/// closed when nobody has used it for <see cref="IdleGracePeriod"/>.
/// </summary>
public sealed class NamespaceConnections : IDisposable
{
    /// <summary>How long named sockets outlive the last user: long enough for the next command of a script loop.</summary>
    public static readonly TimeSpan IdleGracePeriod = TimeSpan.FromSeconds(1);

    private readonly NamespaceRegistry _registry;
    private readonly Func<int, NetlinkConnection> _connect;
    private readonly Func<int, string, int, NetlinkConnection> _connectInside;
    private readonly Dictionary<(string Name, int Protocol), Entry> _named = new();
    private readonly Dictionary<int, NetlinkConnection> _host = new();
    private readonly object _gate = new();
    private int _users;
    private Timer? _idleTimer;

    public NamespaceConnections(NamespaceRegistry registry)
        : this(registry,
            protocol => new NetlinkConnection(OpenSocket(protocol)),
            (fd, name, protocol) => new NetlinkConnection(NamespaceThread.OpenSocketInside(fd, protocol, name))) { }

    /// <summary>For tests: supply the connection factories (e.g. over a recording transport).</summary>
    public NamespaceConnections(NamespaceRegistry registry, Func<int, NetlinkConnection> connect,
        Func<int, string, int, NetlinkConnection> connectInside)
    {
        _registry = registry;
        _connect = connect;
        _connectInside = connectInside;
    }

    public NamespaceRegistry Registry => _registry;

    /// <summary>The rtnetlink connection of a namespace; null or empty means the caller's own ("host").</summary>
    public NetlinkConnection Route(string? namespaceName) => Connection(namespaceName, NetlinkConstants.NETLINK_ROUTE);

    /// <summary>The nfnetlink (nf_tables) connection of a namespace; null or empty means the caller's own.</summary>
    public NetlinkConnection Netfilter(string? namespaceName) => Connection(namespaceName, NetlinkConstants.NETLINK_NETFILTER);

    /// <summary>Marks a user of the cache; dispose the result to let go.</summary>
    public IDisposable Acquire()
    {
        lock (_gate)
            _users++;
        return new Lease(this);
    }

    /// <summary>Creates a namespace and keeps the socket its creation opened inside as its cached rtnetlink connection.</summary>
    public NetNamespace CreateNamespace(string name) =>
        _registry.Create(name, (created, connection) =>
        {
            lock (_gate)
                Store((name, NetlinkConstants.NETLINK_ROUTE), new Entry(created.Id, connection));
            return true;
        });

    /// <summary>
    /// Creates many namespaces in parallel (<see cref="NamespaceRegistry.CreateMany"/>) and keeps each
    /// one's socket as its cached rtnetlink connection. Results are in the given order.
    /// </summary>
    public IReadOnlyList<NamespaceCreation> CreateNamespaces(IReadOnlyList<string> names) =>
        _registry.CreateMany(names, KeepCreated);

    /// <summary>
    /// As <see cref="CreateNamespaces"/>, but returns at once with one task per name, in order
    /// (<see cref="NamespaceRegistry.StartCreating"/>): work on the first while the rest are made.
    /// </summary>
    public IReadOnlyList<Task<NetNamespace>> StartCreatingNamespaces(IReadOnlyList<string> names, CancellationToken cancellation = default) =>
        _registry.StartCreating(names, KeepCreated, cancellation);

    private bool KeepCreated(NetNamespace created, NetlinkConnection connection)
    {
        lock (_gate)
            Store((created.Name, NetlinkConstants.NETLINK_ROUTE), new Entry(created.Id, connection));
        return true;
    }

    /// <summary>Drops the cached sockets of a namespace (before deleting it, so they do not pin it).</summary>
    public void Forget(string namespaceName)
    {
        lock (_gate)
        {
            foreach (var key in _named.Keys.Where(k => k.Name == namespaceName).ToList())
                Remove(key);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _idleTimer?.Dispose();
            _idleTimer = null;
            CloseNamed();
            foreach (NetlinkConnection connection in _host.Values)
                connection.Dispose();
            _host.Clear();
        }
    }

    private NetlinkConnection Connection(string? namespaceName, int protocol)
    {
        if (string.IsNullOrEmpty(namespaceName))
        {
            lock (_gate)
            {
                if (!_host.TryGetValue(protocol, out NetlinkConnection? host))
                    _host[protocol] = host = _connect(protocol);
                return host;
            }
        }

        NamespaceName.Validate(namespaceName);
        if (Syscall.Stat(_registry.PathOf(namespaceName), out _, out ulong inode) != 0)
        {
            Forget(namespaceName);
            throw NamespaceRegistry.NotFound(namespaceName);
        }

        var key = (namespaceName, protocol);
        lock (_gate)
        {
            if (_named.TryGetValue(key, out Entry? cached) && cached.Inode == inode)
                return cached.Connection;
        }

        NetlinkConnection connection = OpenInside(namespaceName, protocol);
        lock (_gate)
        {
            PruneStaleEntries();
            Store(key, new Entry(inode, connection));
        }
        return connection;
    }

    private void Store((string, int) key, Entry entry)
    {
        Remove(key);
        _named[key] = entry;
    }

    private void Remove((string, int) key)
    {
        if (_named.Remove(key, out Entry? old))
            old.Connection.Dispose();
    }

    private void CloseNamed()
    {
        foreach (Entry entry in _named.Values)
            entry.Connection.Dispose();
        _named.Clear();
    }

    private void Release()
    {
        lock (_gate)
        {
            if (--_users > 0)
                return;
            _users = 0;
            // Not at once: a script that calls one command per container would reopen every socket
            // for every command. The timer closes them unless someone acquired the cache meanwhile.
            _idleTimer ??= new Timer(_ => CloseIfIdle());
            _idleTimer.Change(IdleGracePeriod, Timeout.InfiniteTimeSpan);
        }
    }

    private void CloseIfIdle()
    {
        lock (_gate)
        {
            if (_users == 0)
                CloseNamed();
        }
    }

    private NetlinkConnection OpenInside(string namespaceName, int protocol)
    {
        int fd = _registry.OpenHandle(namespaceName);
        try
        {
            return _connectInside(fd, namespaceName, protocol);
        }
        finally
        {
            Syscall.Close(fd);
        }
    }

    private void PruneStaleEntries()
    {
        var stale = _named
            .Where(pair => Syscall.Stat(_registry.PathOf(pair.Key.Name), out _, out ulong inode) != 0 || inode != pair.Value.Inode)
            .Select(pair => pair.Key)
            .ToList();
        foreach (var key in stale)
            Remove(key);
    }

    private static NetlinkSocket OpenSocket(int protocol)
    {
        try
        {
            return NetlinkSocket.Open(protocol);
        }
        catch (NetlinkException ex)
        {
            throw KernelErrors.Translate(ex, "open a netlink socket", null);
        }
    }

    private sealed class Lease : IDisposable
    {
        private NamespaceConnections? _owner;

        public Lease(NamespaceConnections owner) => _owner = owner;

        public void Dispose() => Interlocked.Exchange(ref _owner, null)?.Release();
    }

    private sealed record Entry(ulong Inode, NetlinkConnection Connection);
}
