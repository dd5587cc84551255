using System.Buffers.Binary;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Route;
using ContainerNet.Netlink.Route.Addresses;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Tests.Decoding;

/// <summary>
/// AddressMessage.Decode on real RTM_NEWADDR dump replies (Fixtures/addr-dump-*.hex and
/// own-addr-dump-4.hex, captured by capture-routes.sh in a sandbox whose vweb (index 3) has
/// 10.88.0.2/16 and 2001:db8::2/64 nodad).
/// </summary>
public sealed class AddressMessageDecodeTests
{
    [Fact]
    public void IPv4_dump_has_loopback_and_the_veth_address_with_labels()
    {
        var addresses = DecodeAll("addr-dump-4.hex");

        Assert.Equal(2, addresses.Count);
        var lo = addresses[0];
        Assert.Equal(RtnetlinkConstants.AF_INET, lo.Family);
        Assert.Equal(1, lo.InterfaceIndex);
        Assert.Equal(new byte[] { 127, 0, 0, 1 }, lo.Address);
        Assert.Equal(8, lo.PrefixLength);
        Assert.Equal(RouteConstants.RT_SCOPE_HOST, lo.Scope);
        Assert.Equal("lo", lo.Label);
        Assert.Equal(IfAddrConstants.IFA_F_PERMANENT, lo.Flags);

        var vweb = addresses[1];
        Assert.Equal(RtnetlinkConstants.AF_INET, vweb.Family);
        Assert.Equal(3, vweb.InterfaceIndex);
        Assert.Equal(new byte[] { 10, 88, 0, 2 }, vweb.Address);
        Assert.Equal(16, vweb.PrefixLength);
        Assert.Equal(RouteConstants.RT_SCOPE_UNIVERSE, vweb.Scope);
        Assert.Equal("vweb", vweb.Label);
        Assert.Equal(IfAddrConstants.IFA_F_PERMANENT, vweb.Flags);
    }

    [Fact]
    public void IPv6_addresses_come_from_IFA_ADDRESS_without_a_label()
    {
        // IPv6 sends IFA_ADDRESS only (no IFA_LOCAL, no IFA_LABEL); the datagram ends in NLMSG_DONE.
        var addresses = DecodeAll("addr-dump-6.hex");

        Assert.Equal([1, 2, 3, 3], addresses.Select(a => a.InterfaceIndex));
        Assert.All(addresses, a => Assert.Equal(RtnetlinkConstants.AF_INET6, a.Family));
        Assert.All(addresses, a => Assert.Null(a.Label));
        Assert.All(addresses, a => Assert.Equal(16, a.Address.Length));

        Assert.Equal(128, addresses[0].PrefixLength);
        Assert.Equal(RouteConstants.RT_SCOPE_HOST, addresses[0].Scope);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, addresses[0].Address);

        var global = addresses[2];
        Assert.Equal(new byte[] { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02 }, global.Address);
        Assert.Equal(64, global.PrefixLength);
        Assert.Equal(RouteConstants.RT_SCOPE_UNIVERSE, global.Scope);
        Assert.Equal((uint)(IfAddrConstants.IFA_F_NODAD | IfAddrConstants.IFA_F_PERMANENT), global.Flags); // `nodad`

        // The kernel's own fe80::/64 on cn0 and vweb: scope link, permanent, DAD done (not tentative).
        foreach (var linkLocal in new[] { addresses[1], addresses[3] })
        {
            Assert.Equal(new byte[] { 0xfe, 0x80, 0, 0, 0, 0, 0, 0 }, linkLocal.Address[..8]);
            Assert.Equal(64, linkLocal.PrefixLength);
            Assert.Equal(RouteConstants.RT_SCOPE_LINK, linkLocal.Scope);
            Assert.Equal(IfAddrConstants.IFA_F_PERMANENT, linkLocal.Flags);
        }
    }

    [Fact]
    public void IFA_FLAGS_carries_the_flags_beyond_the_header_byte()
    {
        // The kernel puts the low 8 bits in ifa_flags and all 32 in IFA_FLAGS; set one the byte cannot hold.
        byte[] payload = Fixture.FirstPayload("addr-dump-4.hex");
        int flags = AttributePath.Find(payload, IfAddrMessage.Size, IfAddrConstants.IFA_FLAGS);
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(flags + NetlinkConstants.NLA_HDRLEN),
            IfAddrConstants.IFA_F_NOPREFIXROUTE | IfAddrConstants.IFA_F_PERMANENT);

        var address = AddressMessage.Decode(payload);

        Assert.Equal(IfAddrConstants.IFA_F_PERMANENT, payload[2]);
        Assert.Equal(IfAddrConstants.IFA_F_NOPREFIXROUTE | IfAddrConstants.IFA_F_PERMANENT, address.Flags);
    }

    [Fact]
    public void IFA_LOCAL_wins_over_IFA_ADDRESS()
    {
        // On a point-to-point link IFA_ADDRESS is the peer; the interface's own address is IFA_LOCAL.
        byte[] payload = Fixture.FirstPayload("addr-dump-4.hex");
        int address = AttributePath.Find(payload, IfAddrMessage.Size, IfAddrConstants.IFA_ADDRESS);
        payload[address + NetlinkConstants.NLA_HDRLEN + 3] = 9; // IFA_ADDRESS = 127.0.0.9

        Assert.Equal(new byte[] { 127, 0, 0, 1 }, AddressMessage.Decode(payload).Address);
    }

    [Fact]
    public void Our_own_dump_gets_the_same_messages_as_iproute2()
    {
        // GetAddressRequest { Family = AF_INET }'s bytes on our socket options: only nlmsg_seq and nlmsg_pid differ.
        var ip = Messages("addr-dump-4.hex");
        var ours = Messages("own-addr-dump-4.hex");

        Assert.Equal(ip.Count, ours.Count);
        for (int i = 0; i < ip.Count; i++)
        {
            Assert.Equal(ip[i].Header with { Sequence = 1, PortId = 0 }, ours[i].Header with { Sequence = 1, PortId = 0 });
            Assert.Equal(1u, ours[i].Header.Sequence);
            Assert.Equal(Hex.Format(ip[i].Payload), Hex.Format(ours[i].Payload));
        }
    }

    private static List<(NetlinkMessageHeader Header, byte[] Payload)> Messages(string fixture)
    {
        var messages = new List<(NetlinkMessageHeader, byte[])>();
        var reader = new NetlinkMessageReader(Fixture.Load(fixture));
        while (reader.TryRead(out NetlinkMessageHeader header, out ReadOnlySpan<byte> payload))
            messages.Add((header, payload.ToArray()));
        return messages;
    }

    private static List<AddressMessage> DecodeAll(string fixture)
    {
        var addresses = new List<AddressMessage>();
        var reader = new NetlinkMessageReader(Fixture.Load(fixture));
        while (reader.TryRead(out NetlinkMessageHeader header, out ReadOnlySpan<byte> payload))
        {
            if (header.Type == NetlinkConstants.NLMSG_DONE)
            {
                Assert.False(reader.TryRead(out _, out _));
                break;
            }
            Assert.Equal(RtnetlinkConstants.RTM_NEWADDR, header.Type);
            Assert.Equal(NetlinkConstants.NLM_F_MULTI, header.Flags);
            addresses.Add(AddressMessage.Decode(payload));
        }
        return addresses;
    }
}
