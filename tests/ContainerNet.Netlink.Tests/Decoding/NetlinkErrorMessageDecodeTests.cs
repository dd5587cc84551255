using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Tests.Decoding;

/// <summary>
/// NetlinkErrorMessage.Decode on real NLMSG_ERROR replies in each layout the kernel uses: ack (always
/// capped), error echoing the whole request with or without extack TLVs, and capped error with extack
/// (our socket's NETLINK_CAP_ACK).
/// </summary>
public sealed class NetlinkErrorMessageDecodeTests
{
    private const string MtuTooSmall = "mtu less than device minimum";

    [Fact]
    public void Extack_after_the_whole_echoed_request()
    {
        var (header, error) = Decode("error-mtu-extack.hex");

        Assert.Equal(NetlinkConstants.NLM_F_ACK_TLVS, header.Flags);
        Assert.False(error.IsAck);
        Assert.Equal(-22, error.Error); // EINVAL
        Assert.Equal(MtuTooSmall, error.KernelMessage);
        Assert.Equal(new NetlinkMessageHeader(40, RtnetlinkConstants.RTM_NEWLINK,
            NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK, 1795556909, 0), error.Request);
    }

    [Fact]
    public void Extack_after_a_capped_request_header()
    {
        var (header, error) = Decode("error-mtu-extack-capped.hex");

        Assert.Equal(NetlinkConstants.NLM_F_CAPPED | NetlinkConstants.NLM_F_ACK_TLVS, header.Flags);
        Assert.Equal(-22, error.Error);
        Assert.Equal(MtuTooSmall, error.KernelMessage);
        Assert.Equal(1u, error.Request.Sequence);
        Assert.Equal(40u, error.Request.Length); // the original length, though only the header came back
    }

    [Theory]
    [InlineData("ack-mtu-capped.hex", 2u, 40u, RtnetlinkConstants.RTM_NEWLINK)]
    [InlineData("ack-dellink-byname.hex", 4u, 44u, RtnetlinkConstants.RTM_DELLINK)]
    [InlineData("ack-newlink-veth.hex", 1795556907u, 100u, RtnetlinkConstants.RTM_NEWLINK)]
    public void Ack_is_error_zero_with_the_request_header(string fixture, uint sequence, uint requestLength, ushort requestType)
    {
        var (header, ack) = Decode(fixture);

        Assert.Equal(NetlinkConstants.NLM_F_CAPPED, header.Flags);
        Assert.Equal(sequence, header.Sequence);
        Assert.True(ack.IsAck);
        Assert.Null(ack.KernelMessage);
        Assert.Equal(sequence, ack.Request.Sequence);
        Assert.Equal(requestLength, ack.Request.Length);
        Assert.Equal(requestType, ack.Request.Type);
    }

    [Theory]
    [InlineData("error-enodev.hex", -19, 56u, RtnetlinkConstants.RTM_GETLINK)]        // ENODEV
    [InlineData("error-enotconn-peer-up.hex", -107, 96u, RtnetlinkConstants.RTM_NEWLINK)] // ENOTCONN
    public void Error_without_extack_echoes_the_whole_request(string fixture, int errno, uint requestLength, ushort requestType)
    {
        var (header, error) = Decode(fixture);

        Assert.Equal(0, header.Flags);
        Assert.Equal(errno, error.Error);
        Assert.Null(error.KernelMessage);
        Assert.Equal(requestLength, error.Request.Length);
        Assert.Equal(requestType, error.Request.Type);
        Assert.Equal(header.Length, 16 + 4 + requestLength);
    }

    private static (NetlinkMessageHeader Header, NetlinkErrorMessage Error) Decode(string fixture)
    {
        var reader = new NetlinkMessageReader(Fixture.Load(fixture));
        Assert.True(reader.TryRead(out NetlinkMessageHeader header, out ReadOnlySpan<byte> payload));
        Assert.Equal(NetlinkConstants.NLMSG_ERROR, header.Type);
        var error = NetlinkErrorMessage.Decode(header, payload);
        Assert.False(reader.TryRead(out _, out _));
        return (header, error);
    }
}
