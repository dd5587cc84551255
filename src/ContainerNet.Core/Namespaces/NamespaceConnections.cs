using ContainerNet.Core.Errors;
using ContainerNet.Core.Native;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Errors;
using ContainerNet.Netlink.Transport;

namespace ContainerNet.Core.Namespaces;

/// <summary>
/// One rtnetlink connection per namespace, opened once and reused. A socket for a named namespace is
/// opened on a throwaway thread that setns'd into it. Entries are checked against the namespace's
/// inode on every use, so a namespace deleted and re-created under the same name gets a new socket.
/// A socket pins its namespace: while one is cached, `ip netns del` by someone else leaves the
/// namespace (and the host ends of its veths) alive. So named sockets are kept only while someone
/// uses the cache (<see cref="Acquire"/>; cmdlets hold it for the length of their pipeline) and are
/// closed when nobody has used it for <see cref="IdleGracePeriod"/>.
/// </summary>
public sealed class NamespaceConnections : IDisposable
{
    private readonly NamespaceRegistry _registry;
    private readonly Func<int, NetlinkConnection> _connect;
    private readonly Dictionary<string, Entry> _byName = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private NetlinkConnection? _host;
    private int _users;
    private Timer? _idleTimer;

    private readonly Func<int, string, NetlinkConnection> _connectInside;

    public NamespaceConnections(NamespaceRegistry registry)
        : this(registry,
            protocol => new NetlinkConnection(OpenSocket(protocol)),
            (fd, name) => new NetlinkConnection(NamespaceThread.OpenSocketInside(fd, NetlinkConstants.NETLINK_ROUTE, name))) { }

    /// <summary>For tests: supply the connection factories (e.g. over a recording transport).</summary>
    public NamespaceConnections(NamespaceRegistry registry, Func<int, NetlinkConnection> connect,
        Func<int, string, NetlinkConnection> connectInside)
    {
        _registry = registry;
        _connect = connect;
        _connectInside = connectInside;
    }

    public NamespaceRegistry Registry => _registry;

    /// <summary>The rtnetlink connection of a namespace; null or empty means the caller's own ("host").</summary>
    public NetlinkConnection Route(string? namespaceName)
    {
        if (string.IsNullOrEmpty(namespaceName))
        {
            lock (_gate)
                return _host ??= _connect(NetlinkConstants.NETLINK_ROUTE);
        }

        NamespaceName.Validate(namespaceName);
        string path = _registry.PathOf(namespaceName);
        if (Syscall.Stat(path, out _, out ulong inode) != 0)
        {
            Forget(namespaceName);
            throw NamespaceRegistry.NotFound(namespaceName);
        }

        lock (_gate)
        {
            if (_byName.TryGetValue(namespaceName, out Entry? cached) && cached.Inode == inode)
                return cached.Connection;
        }

        NetlinkConnection connection = OpenInside(namespaceName);
        lock (_gate)
        {
            PruneStaleEntries();
            if (_byName.Remove(namespaceName, out Entry? old))
                old.Connection.Dispose();
            _byName[namespaceName] = new Entry(inode, connection);
        }
        return connection;
    }

    /// <summary>Marks a user of the cache; dispose the result to let go. The last one out closes the named sockets.</summary>
    public IDisposable Acquire()
    {
        lock (_gate)
            _users++;
        return new Lease(this);
    }

    /// <summary>How long named sockets outlive the last user: long enough for the next command of a script loop.</summary>
    public static readonly TimeSpan IdleGracePeriod = TimeSpan.FromSeconds(1);

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
            if (_users > 0)
                return;
            foreach (Entry entry in _byName.Values)
                entry.Connection.Dispose();
            _byName.Clear();
        }
    }

    private sealed class Lease : IDisposable
    {
        private NamespaceConnections? _owner;

        public Lease(NamespaceConnections owner) => _owner = owner;

        public void Dispose() => Interlocked.Exchange(ref _owner, null)?.Release();
    }

    /// <summary>Creates a namespace and keeps the socket its creation opened inside as its cached connection.</summary>
    public NetNamespace CreateNamespace(string name) =>
        _registry.Create(name, (created, connection) =>
        {
            lock (_gate)
            {
                if (_byName.Remove(name, out Entry? old))
                    old.Connection.Dispose();
                _byName[name] = new Entry(created.Id, connection);
            }
            return true;
        });

    /// <summary>Drops the cached socket of a namespace (before deleting it, so the socket does not pin it).</summary>
    public void Forget(string namespaceName)
    {
        lock (_gate)
        {
            if (_byName.Remove(namespaceName, out Entry? entry))
                entry.Connection.Dispose();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _idleTimer?.Dispose();
            _idleTimer = null;
            foreach (Entry entry in _byName.Values)
                entry.Connection.Dispose();
            _byName.Clear();
            _host?.Dispose();
            _host = null;
        }
    }

    private NetlinkConnection OpenInside(string namespaceName)
    {
        int fd = _registry.OpenHandle(namespaceName);
        try
        {
            return _connectInside(fd, namespaceName);
        }
        finally
        {
            Syscall.Close(fd);
        }
    }

    private void PruneStaleEntries()
    {
        List<string>? stale = null;
        foreach ((string name, Entry entry) in _byName)
        {
            if (Syscall.Stat(_registry.PathOf(name), out _, out ulong inode) != 0 || inode != entry.Inode)
                (stale ??= new()).Add(name);
        }
        if (stale is null)
            return;
        foreach (string name in stale)
        {
            _byName[name].Connection.Dispose();
            _byName.Remove(name);
        }
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

    private sealed record Entry(ulong Inode, NetlinkConnection Connection);
}
