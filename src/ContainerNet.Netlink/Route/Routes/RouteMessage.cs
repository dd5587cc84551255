using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Route.Routes;

/// <summary>A decoded RTM_NEWROUTE reply.</summary>
public sealed record RouteMessage
{
    public byte Family { get; init; }
    public byte DestinationLength { get; init; }
    public byte Protocol { get; init; }
    public byte Scope { get; init; }
    public byte Type { get; init; }
    public uint Table { get; init; }
    public byte[] Destination { get; init; } = Array.Empty<byte>();
    public byte[]? Gateway { get; init; }
    public byte[]? PreferredSource { get; init; }
    public int? OutputInterfaceIndex { get; init; }
    public uint? Metric { get; init; }

    public static RouteMessage Decode(ReadOnlySpan<byte> payload)
    {
        var header = RtMessage.Read(payload);
        uint table = header.Table;
        byte[] destination = Array.Empty<byte>();
        byte[]? gateway = null, source = null;
        int? oif = null;
        uint? metric = null;
        var reader = new NetlinkAttributeReader(payload[RtMessage.Size..]);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            switch (type)
            {
                case RouteConstants.RTA_DST: destination = value.ToArray(); break;
                case RouteConstants.RTA_GATEWAY: gateway = value.ToArray(); break;
                case RouteConstants.RTA_PREFSRC: source = value.ToArray(); break;
                case RouteConstants.RTA_OIF: oif = NetlinkAttributeReader.ReadI32(value); break;
                case RouteConstants.RTA_PRIORITY: metric = NetlinkAttributeReader.ReadU32(value); break;
                case RouteConstants.RTA_TABLE: table = NetlinkAttributeReader.ReadU32(value); break;
            }
        }
        return new RouteMessage
        {
            Family = header.Family, DestinationLength = header.DestinationLength, Protocol = header.Protocol,
            Scope = header.Scope, Type = header.Type, Table = table, Destination = destination, Gateway = gateway,
            PreferredSource = source, OutputInterfaceIndex = oif, Metric = metric,
        };
    }
}
