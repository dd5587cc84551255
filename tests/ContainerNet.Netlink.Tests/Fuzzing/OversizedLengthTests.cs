using System.Buffers.Binary;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Route;
using ContainerNet.Netlink.Route.Addresses;
using ContainerNet.Netlink.Route.Links;
using ContainerNet.Netlink.Route.Routes;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Tests.Fuzzing;

/// <summary>
/// Real replies with one length field set to a lie: too large, too small to advance, or large enough
/// to go negative as an int. Each is refused with NetlinkFormatException (or, where the field only
/// locates optional TLVs, ignored), never a crash or an endless loop.
/// </summary>
public sealed class OversizedLengthTests
{
    [Theory]
    [InlineData(0u)]           // would never advance
    [InlineData(15u)]          // shorter than nlmsghdr
    [InlineData(1861u)]        // one byte past the datagram
    [InlineData(0x7fffffffu)]
    [InlineData(0x80000000u)]  // negative as an int
    [InlineData(0xffffffffu)]
    public void Message_length_that_does_not_fit_the_datagram_is_refused(uint length)
    {
        byte[] datagram = Fixture.Load("link-vweb.hex");
        BinaryPrimitives.WriteUInt32LittleEndian(datagram, length);

        Assert.Throws<NetlinkFormatException>(() => DecoderHarness.DecodeDatagram(datagram));
    }

    [Theory]
    [InlineData((ushort)0)]      // would never advance
    [InlineData((ushort)3)]      // shorter than nlattr
    [InlineData((ushort)0x8000)]
    [InlineData((ushort)0xffff)]
    public void Attribute_length_that_does_not_fit_is_refused(ushort length)
    {
        byte[] payload = Fixture.Load("link-vweb.hex")[NetlinkMessageHeader.Size..];
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(IfInfoMessage.Size), length); // IFLA_IFNAME's nla_len

        Assert.Throws<NetlinkFormatException>(() => LinkMessage.Decode(payload));
    }

    [Fact]
    public void Nested_attribute_longer_than_its_parent_is_refused()
    {
        byte[] payload = Fixture.Load("link-cn0.hex")[NetlinkMessageHeader.Size..];
        int linkInfo = FindAttribute(payload, IfLinkConstants.IFLA_LINKINFO);
        ushort parentLength = BinaryPrimitives.ReadUInt16LittleEndian(payload.AsSpan(linkInfo));
        // The first child (IFLA_INFO_KIND) claims the parent's whole length: 4 bytes too many.
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(linkInfo + 4), parentLength);

        Assert.Throws<NetlinkFormatException>(() => LinkMessage.Decode(payload));
    }

    [Theory]
    [InlineData((ushort)0)]
    [InlineData((ushort)3)]
    [InlineData((ushort)0x8000)]
    [InlineData((ushort)0xffff)]
    public void Address_and_route_attribute_length_that_does_not_fit_is_refused(ushort length)
    {
        byte[] address = Fixture.FirstPayload("addr-dump-4.hex");
        byte[] route = Fixture.FirstPayload("route-dump-4.hex");
        BinaryPrimitives.WriteUInt16LittleEndian(address.AsSpan(IfAddrMessage.Size), length); // IFA_ADDRESS's nla_len
        BinaryPrimitives.WriteUInt16LittleEndian(route.AsSpan(RtMessage.Size), length);      // RTA_TABLE's nla_len

        Assert.Throws<NetlinkFormatException>(() => AddressMessage.Decode(address));
        Assert.Throws<NetlinkFormatException>(() => RouteMessage.Decode(route));
    }

    [Fact]
    public void Address_of_neither_four_nor_sixteen_bytes_is_refused()
    {
        byte[] payload = Fixture.FirstPayload("addr-dump-4.hex");
        int local = AttributePath.Find(payload, IfAddrMessage.Size, IfAddrConstants.IFA_LOCAL);
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(local), 7); // 3 bytes of value; padding keeps the walk aligned

        Assert.Throws<NetlinkFormatException>(() => AddressMessage.Decode(payload));
    }

    [Fact]
    public void Slave_data_longer_than_its_link_info_is_refused()
    {
        byte[] payload = Fixture.Load("link-vweb-port.hex")[NetlinkMessageHeader.Size..];
        int linkInfo = AttributePath.Find(payload, IfInfoMessage.Size, IfLinkConstants.IFLA_LINKINFO);
        int slaveData = AttributePath.Find(payload, IfInfoMessage.Size, IfLinkConstants.IFLA_LINKINFO, IfLinkConstants.IFLA_INFO_SLAVE_DATA);
        ushort linkInfoLength = BinaryPrimitives.ReadUInt16LittleEndian(payload.AsSpan(linkInfo));
        // Claim everything from the slave data to the end of IFLA_LINKINFO, and 4 bytes more.
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(slaveData), (ushort)(linkInfo + linkInfoLength - slaveData + 4));

        Assert.Throws<NetlinkFormatException>(() => LinkMessage.Decode(payload));
    }

    [Fact]
    public void Port_option_attribute_without_a_value_is_refused()
    {
        byte[] payload = Fixture.Load("link-vweb-port.hex")[NetlinkMessageHeader.Size..];
        byte[] slaveData = AttributePath.Value(payload, IfInfoMessage.Size, IfLinkConstants.IFLA_LINKINFO, IfLinkConstants.IFLA_INFO_SLAVE_DATA);
        BinaryPrimitives.WriteUInt16LittleEndian(slaveData, 4); // IFLA_BRPORT_STATE with nla_len 4: no u8 to read

        Assert.Throws<NetlinkFormatException>(() => BridgePortInfo.Decode(slaveData));
    }

    [Theory]
    [InlineData(0x7ffffffeu)] // aligning it overflows int
    [InlineData(0x80000000u)]
    [InlineData(0xfffffff0u)]
    [InlineData(1000u)]       // past the end: no room for TLVs
    public void Echoed_request_length_past_the_payload_loses_only_the_extack_text(uint requestLength)
    {
        // error-mtu-extack.hex is NLM_F_ACK_TLVS without NLM_F_CAPPED: the TLVs start after the echoed
        // request, whose nlmsg_len says where. A lie there must not throw anything but NetlinkFormatException.
        byte[] datagram = Fixture.Load("error-mtu-extack.hex");
        BinaryPrimitives.WriteUInt32LittleEndian(datagram.AsSpan(NetlinkMessageHeader.Size + 4), requestLength);
        var header = NetlinkMessageHeader.Read(datagram);

        var error = NetlinkErrorMessage.Decode(header, datagram.AsSpan(NetlinkMessageHeader.Size));

        Assert.Equal(-22, error.Error);
        Assert.Null(error.KernelMessage);
        Assert.Equal(requestLength, error.Request.Length);
    }

    [Fact]
    public void Extack_attribute_longer_than_the_message_is_refused()
    {
        byte[] datagram = Fixture.Load("error-mtu-extack-capped.hex");
        int tlv = NetlinkMessageHeader.Size + 4 + NetlinkMessageHeader.Size;
        BinaryPrimitives.WriteUInt16LittleEndian(datagram.AsSpan(tlv), 0xffff);
        var header = NetlinkMessageHeader.Read(datagram);

        Assert.Throws<NetlinkFormatException>(() => NetlinkErrorMessage.Decode(header, datagram.AsSpan(NetlinkMessageHeader.Size)));
    }

    private static int FindAttribute(byte[] payload, ushort type)
    {
        int offset = IfInfoMessage.Size;
        while (offset + 4 <= payload.Length)
        {
            if ((BinaryPrimitives.ReadUInt16LittleEndian(payload.AsSpan(offset + 2)) & NetlinkConstants.NLA_TYPE_MASK) == type)
                return offset;
            offset += NetlinkConstants.Align(BinaryPrimitives.ReadUInt16LittleEndian(payload.AsSpan(offset)));
        }
        throw new InvalidDataException($"No attribute {type} in the fixture.");
    }
}
