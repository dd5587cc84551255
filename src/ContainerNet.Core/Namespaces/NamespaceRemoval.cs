using System.Diagnostics;
using ContainerNet.Core.Errors;
using ContainerNet.Core.Links;

namespace ContainerNet.Core.Namespaces;

/// <summary>
/// Removes namespaces and, on request, waits until the kernel has really dismantled them. The kernel
/// tears a namespace down asynchronously (a workqueue, ~50-100 ms here), and until then the host ends
/// of its veth pairs are still there. Removing many and waiting once keeps bulk teardown fast: the
/// kernel unregisters them together.
/// </summary>
public sealed class NamespaceRemoval
{
    private readonly NamespaceConnections _connections;
    private readonly LinkOperations _links;
    // (index inside the removed namespace, its peer's index): the host end is the veth with the reverse pair.
    private readonly HashSet<(int HostIndex, int InnerIndex)> _pendingHostPeers = new();

    public NamespaceRemoval(NamespaceConnections connections, LinkOperations links)
    {
        _connections = connections;
        _links = links;
    }

    /// <summary>Links other than loopback inside the namespace (what its removal takes with it).</summary>
    public IReadOnlyList<NetLink> HeldLinks(string name) =>
        _links.List(name).Where(l => l.Kind != "loopback").ToList();

    public void Remove(string name)
    {
        foreach (NetLink inner in _links.List(name))
        {
            if (inner.Kind == "veth" && inner.PeerIndex is { } peerIndex)
                _pendingHostPeers.Add((peerIndex, inner.Index));
        }
        _connections.Forget(name); // a cached socket would keep the namespace alive
        _connections.Registry.Delete(name);
    }

    /// <summary>Waits (bounded) until the host ends of removed namespaces' veth pairs are gone.</summary>
    public bool WaitUntilDismantled(TimeSpan timeout)
    {
        if (_pendingHostPeers.Count == 0)
            return true;
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var remaining = _links.List(null)
                .Where(l => _pendingHostPeers.Contains((l.Index, l.PeerIndex ?? -1)))
                .ToList();
            if (remaining.Count == 0)
            {
                _pendingHostPeers.Clear();
                return true;
            }
            if (stopwatch.Elapsed >= timeout)
                return false;
            Thread.Sleep(10);
        }
    }
}
