using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Route.Links.Kinds;

/// <summary>A Linux bridge; created with the kernel's defaults.</summary>
public sealed class BridgeKind : ILinkKind
{
    public static readonly BridgeKind Instance = new();

    public string Kind => "bridge";

    public void WriteInfoData(NetlinkMessageWriter writer) { }
}
