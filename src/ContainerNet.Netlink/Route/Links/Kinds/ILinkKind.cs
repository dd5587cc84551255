using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Route.Links.Kinds;

/// <summary>
/// One link type's driver: the IFLA_INFO_KIND string and what goes inside IFLA_INFO_DATA.
/// New kinds (macvlan, vxlan, ...) are new small classes, not new branches in a switch.
/// </summary>
public interface ILinkKind
{
    string Kind { get; }

    /// <summary>Writes the IFLA_INFO_DATA attribute, or nothing when the kind has no options.</summary>
    void WriteInfoData(NetlinkMessageWriter writer);
}
