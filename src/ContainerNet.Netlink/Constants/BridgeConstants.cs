namespace ContainerNet.Netlink.Constants;

/// <summary>Bridge port attributes (IFLA_BRPORT_*) from /usr/include/linux/if_link.h and states from if_bridge.h.</summary>
public static class BridgeConstants
{
    public const ushort IFLA_BRPORT_STATE = 1;
    public const ushort IFLA_BRPORT_PRIORITY = 2;
    public const ushort IFLA_BRPORT_COST = 3;
    /// <summary>Hairpin mode: frames may leave by the port they came in on.</summary>
    public const ushort IFLA_BRPORT_MODE = 4;
    public const ushort IFLA_BRPORT_LEARNING = 8;
    public const ushort IFLA_BRPORT_UNICAST_FLOOD = 9;
    public const ushort IFLA_BRPORT_NEIGH_SUPPRESS = 32;
    /// <summary>Isolated ports cannot talk to each other, only to non-isolated ports (the bridge itself).</summary>
    public const ushort IFLA_BRPORT_ISOLATED = 33;

    public const byte BR_STATE_DISABLED = 0;
    public const byte BR_STATE_LISTENING = 1;
    public const byte BR_STATE_LEARNING = 2;
    public const byte BR_STATE_FORWARDING = 3;
    public const byte BR_STATE_BLOCKING = 4;

    /// <summary>The kind iproute2 names in IFLA_INFO_KIND when it changes a bridge port's options.</summary>
    public const string BridgeSlaveKind = "bridge_slave";
}
