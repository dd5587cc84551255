using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Route.Links;

/// <summary>A bridge port's options, decoded from IFLA_INFO_SLAVE_DATA (IFLA_BRPORT_* attributes).</summary>
public sealed record BridgePortInfo
{
    public byte State { get; init; }
    public bool Isolated { get; init; }
    public bool Hairpin { get; init; }
    public bool Learning { get; init; }

    public static BridgePortInfo Decode(ReadOnlySpan<byte> slaveData)
    {
        byte state = 0;
        bool isolated = false, hairpin = false, learning = false;
        var reader = new NetlinkAttributeReader(slaveData);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            switch (type)
            {
                case BridgeConstants.IFLA_BRPORT_STATE: state = NetlinkAttributeReader.ReadU8(value); break;
                case BridgeConstants.IFLA_BRPORT_ISOLATED: isolated = NetlinkAttributeReader.ReadU8(value) != 0; break;
                case BridgeConstants.IFLA_BRPORT_MODE: hairpin = NetlinkAttributeReader.ReadU8(value) != 0; break;
                case BridgeConstants.IFLA_BRPORT_LEARNING: learning = NetlinkAttributeReader.ReadU8(value) != 0; break;
            }
        }
        return new BridgePortInfo { State = state, Isolated = isolated, Hairpin = hairpin, Learning = learning };
    }
}
