using System.Buffers.Binary;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Route;
using ContainerNet.Netlink.Route.Links;
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
