using ContainerNet.Core.Links;
using ContainerNet.Core.Namespaces;

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

    public static NamespaceRegistry Registry => LazyRegistry.Value;
    public static NamespaceConnections Connections => LazyConnections.Value;
    public static LinkOperations Links => LazyLinks.Value;
}
