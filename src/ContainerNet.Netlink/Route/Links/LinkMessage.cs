using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Route.Links;

/// <summary>A decoded RTM_NEWLINK reply: what the kernel says one link is.</summary>
public sealed record LinkMessage
{
    public int Index { get; init; }
    public string Name { get; init; } = "";
    public ushort HardwareType { get; init; }
    public uint Flags { get; init; }
    public int? Mtu { get; init; }
    public int? MinMtu { get; init; }
    public int? MaxMtu { get; init; }
    public byte[]? MacAddress { get; init; }
    public int? MasterIndex { get; init; }
    public byte OperState { get; init; }
    public string? Kind { get; init; }
    public string? SlaveKind { get; init; }

    /// <summary>IFLA_LINK: for a veth, the peer's index (in the peer's namespace when LinkNetnsId is set).</summary>
    public int? LinkIndex { get; init; }

    /// <summary>IFLA_LINK_NETNSID: the peer namespace's id as seen from this namespace.</summary>
    public int? LinkNetnsId { get; init; }

    public uint? Group { get; init; }

    /// <summary>Port options when the link is a bridge port (IFLA_INFO_SLAVE_KIND "bridge").</summary>
    public BridgePortInfo? BridgePort { get; init; }

    public bool IsUp => (Flags & InterfaceFlags.IFF_UP) != 0;

    public static LinkMessage Decode(ReadOnlySpan<byte> payload)
    {
        var header = IfInfoMessage.Read(payload);
        string name = "";
        int? mtu = null, minMtu = null, maxMtu = null, master = null, link = null, netnsId = null;
        uint? group = null;
        byte[]? mac = null;
        byte operState = 0;
        string? kind = null, slaveKind = null;
        BridgePortInfo? bridgePort = null;

        var reader = new NetlinkAttributeReader(payload[IfInfoMessage.Size..]);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            switch (type)
            {
                case IfLinkConstants.IFLA_IFNAME: name = NetlinkAttributeReader.ReadString(value); break;
                case IfLinkConstants.IFLA_MTU: mtu = NetlinkAttributeReader.ReadI32(value); break;
                case IfLinkConstants.IFLA_MIN_MTU: minMtu = NetlinkAttributeReader.ReadI32(value); break;
                case IfLinkConstants.IFLA_MAX_MTU: maxMtu = NetlinkAttributeReader.ReadI32(value); break;
                case IfLinkConstants.IFLA_ADDRESS: mac = value.ToArray(); break;
                case IfLinkConstants.IFLA_MASTER: master = NetlinkAttributeReader.ReadI32(value); break;
                case IfLinkConstants.IFLA_LINK: link = NetlinkAttributeReader.ReadI32(value); break;
                case IfLinkConstants.IFLA_LINK_NETNSID: netnsId = NetlinkAttributeReader.ReadI32(value); break;
                case IfLinkConstants.IFLA_GROUP: group = NetlinkAttributeReader.ReadU32(value); break;
                case IfLinkConstants.IFLA_OPERSTATE: operState = NetlinkAttributeReader.ReadU8(value); break;
                case IfLinkConstants.IFLA_LINKINFO: ReadLinkInfo(value, out kind, out slaveKind, out bridgePort); break;
            }
        }

        return new LinkMessage
        {
            Index = header.Index, Name = name, HardwareType = header.Type, Flags = header.Flags,
            Mtu = mtu, MinMtu = minMtu, MaxMtu = maxMtu, MacAddress = mac, MasterIndex = master,
            OperState = operState, Kind = kind, SlaveKind = slaveKind, LinkIndex = link,
            LinkNetnsId = netnsId, Group = group, BridgePort = slaveKind == "bridge" ? bridgePort : null,
        };
    }

    private static void ReadLinkInfo(ReadOnlySpan<byte> linkInfo, out string? kind, out string? slaveKind, out BridgePortInfo? bridgePort)
    {
        kind = null;
        slaveKind = null;
        bridgePort = null;
        var reader = new NetlinkAttributeReader(linkInfo);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            if (type == IfLinkConstants.IFLA_INFO_KIND)
                kind = NetlinkAttributeReader.ReadString(value);
            else if (type == IfLinkConstants.IFLA_INFO_SLAVE_KIND)
                slaveKind = NetlinkAttributeReader.ReadString(value);
            else if (type == IfLinkConstants.IFLA_INFO_SLAVE_DATA)
                bridgePort = BridgePortInfo.Decode(value);
        }
    }
}
