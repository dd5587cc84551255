using ContainerNet.Core.Addresses;
using ContainerNet.Core.Bridges;
using ContainerNet.Core.Firewall;
using ContainerNet.Core.Forwarding;
using ContainerNet.Core.Links;
using ContainerNet.Core.Namespaces;
using ContainerNet.Core.Networks;
using ContainerNet.Core.Routes;

namespace ContainerNet.Commands.Infrastructure;

/// <summary>
/// The Core objects every cmdlet shares within one process, so sockets opened in a namespace are
/// reused across commands and pipelines (the per-namespace socket cache lives here).
/// </summary>
internal static class ContainerNetSession
{
    private static readonly Lazy<NamespaceRegistry> LazyRegistry = new(() => new NamespaceRegistry());
    private static readonly Lazy<NamespaceConnections> LazyConnections = new(() => new NamespaceConnections(Registry));
    private static readonly Lazy<LinkOperations> LazyLinks = new(() => new LinkOperations(Connections));
    private static readonly Lazy<AddressOperations> LazyAddresses = new(() => new AddressOperations(Connections, Links));
    private static readonly Lazy<RouteOperations> LazyRoutes = new(() => new RouteOperations(Connections, Links));
    private static readonly Lazy<BridgeOperations> LazyBridges = new(() => new BridgeOperations(Connections, Links));
    private static readonly Lazy<ForwardingOperations> LazyForwarding = new(() => new ForwardingOperations(Registry));
    private static readonly Lazy<FirewallOperations> LazyFirewall = new(() => new FirewallOperations(Connections, Links, Addresses));
    private static readonly Lazy<NetworkOperations> LazyNetworks = new(() => new NetworkOperations(Connections, Links, Bridges, Addresses, Routes, Firewall, Forwarding));

    public static NamespaceRegistry Registry => LazyRegistry.Value;
    public static NamespaceConnections Connections => LazyConnections.Value;
    public static LinkOperations Links => LazyLinks.Value;
    public static AddressOperations Addresses => LazyAddresses.Value;
    public static RouteOperations Routes => LazyRoutes.Value;
    public static BridgeOperations Bridges => LazyBridges.Value;
    public static ForwardingOperations Forwarding => LazyForwarding.Value;
    public static FirewallOperations Firewall => LazyFirewall.Value;
    public static NetworkOperations Networks => LazyNetworks.Value;
}
