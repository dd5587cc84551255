using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Tests.Wire;

/// <summary>
/// The writer's framing rules, from linux/netlink.h: nla_len counts header and value but not the
/// trailing pad; a nest's nla_len counts everything inside it, the children's padding included (as the
/// kernel's nla_nest_end computes it); nlmsg_len counts the whole message; everything is 4-aligned.
/// </summary>
public sealed class NetlinkMessageWriterTests
{
    [Fact]
    public void Message_length_is_patched_when_the_scope_ends()
    {
        var writer = new NetlinkMessageWriter();

        using (writer.BeginMessage(RtnetlinkConstants.RTM_GETLINK, NetlinkConstants.NLM_F_REQUEST, 0x01020304))
        {
            writer.ReserveFixed(16);
            writer.PutU32(IfLinkConstants.IFLA_EXT_MASK, 9);
        }

        AssertBytes(
            "28000000 1200 0100 04030201 00000000" + // nlmsghdr: len 40, RTM_GETLINK, NLM_F_REQUEST, seq, pid 0
            "00000000 00000000 00000000 00000000" +  // 16 reserved bytes, zeroed
            "0800 1d00 09000000",                    // IFLA_EXT_MASK = 9
            writer.WrittenSpan);
        Assert.Equal(40, writer.Length);
        Assert.Equal(1, writer.MessageCount);
    }

    [Fact]
    public void Nested_scope_length_includes_the_padding_of_its_children()
    {
        var writer = new NetlinkMessageWriter();

        using (writer.BeginMessage(RtnetlinkConstants.RTM_NEWLINK, NetlinkConstants.NLM_F_REQUEST, 1))
        using (writer.Nest(IfLinkConstants.IFLA_LINKINFO))
        {
            writer.PutString(IfLinkConstants.IFLA_INFO_KIND, "veth"); // nla_len 9, padded to 12
            using (writer.Nest(IfLinkConstants.IFLA_INFO_DATA))
                writer.PutU8(1, 0xaa);                                 // nla_len 5, padded to 8
        }

        AssertBytes(
            "2c000000 1000 0100 01000000 00000000" + // nlmsghdr: nlmsg_len 44 = 16 + 28
            "1c00 1200" +                            // IFLA_LINKINFO: nla_len 28 = 4 + 12 + 12
            "0900 0100 7665746800 000000" +          //   IFLA_INFO_KIND: nla_len 9, "veth\0", 3 pad
            "0c00 0200" +                            //   IFLA_INFO_DATA: nla_len 12 = 4 + 8 (the child's pad counts)
            "0500 0100 aa 000000",                   //     nla_len 5, one byte, 3 pad
            writer.WrittenSpan);
    }

    [Theory]
    [InlineData("", "0500 0300 00 000000")]
    [InlineData("abc", "0800 0300 61626300")]
    [InlineData("eth0", "0900 0300 6574683000 000000")]
    [InlineData("é", "0700 0300 c3a900 00")] // UTF-8, two bytes
    public void String_attributes_are_NUL_terminated_and_padded_with_zeros(string value, string expected)
    {
        var writer = new NetlinkMessageWriter();

        writer.PutString(IfLinkConstants.IFLA_IFNAME, value);

        AssertBytes(expected, writer.WrittenSpan);
    }

    [Fact]
    public void Long_strings_take_the_heap_path_with_the_same_layout()
    {
        string value = new('x', 300);
        var writer = new NetlinkMessageWriter(16);

        writer.PutString(IfLinkConstants.IFLA_IFALIAS, value);

        byte[] bytes = writer.WrittenSpan.ToArray();
        Assert.Equal(NetlinkConstants.Align(4 + 301), bytes.Length);
        Assert.Equal(4 + 301, BitConverter.ToUInt16(bytes, 0));
        Assert.Equal(IfLinkConstants.IFLA_IFALIAS, BitConverter.ToUInt16(bytes, 2));
        Assert.All(bytes[4..304], b => Assert.Equal((byte)'x', b));
        Assert.All(bytes[304..], b => Assert.Equal(0, b)); // NUL and pad
    }

    [Fact]
    public void Padding_is_zero_even_when_the_buffer_is_reused()
    {
        var writer = new NetlinkMessageWriter(64);
        writer.PutAttribute(1, Enumerable.Repeat((byte)0xff, 40).ToArray());

        writer.Reset();
        writer.PutU8(2, 0x11);
        writer.ReserveFixed(3);

        Assert.Equal(0, writer.MessageCount);
        AssertBytes("0500 0200 11 000000" + "000000 00", writer.WrittenSpan);
    }

    [Fact]
    public void Messages_written_back_to_back_each_get_their_own_length()
    {
        var writer = new NetlinkMessageWriter();

        using (writer.BeginMessage(RtnetlinkConstants.RTM_DELLINK, NetlinkConstants.NLM_F_REQUEST, 1))
            writer.PutString(IfLinkConstants.IFLA_IFNAME, "a"); // 16 + 8
        using (writer.BeginMessage(RtnetlinkConstants.RTM_DELLINK, NetlinkConstants.NLM_F_REQUEST, 2))
            writer.PutU16(IfLinkConstants.IFLA_GROUP, 7);       // 16 + 8 (nla_len 6 + 2 pad)

        var reader = new NetlinkMessageReader(writer.WrittenSpan);
        Assert.True(reader.TryRead(out NetlinkMessageHeader first, out _));
        Assert.True(reader.TryRead(out NetlinkMessageHeader second, out ReadOnlySpan<byte> payload));
        Assert.False(reader.TryRead(out _, out _));
        Assert.Equal((24u, 1u), (first.Length, first.Sequence));
        Assert.Equal((24u, 2u), (second.Length, second.Sequence));
        AssertBytes("0600 1b00 0700 0000", payload);
        Assert.Equal(2, writer.MessageCount);
    }

    [Fact]
    public void Growing_the_buffer_keeps_written_bytes_and_open_scopes()
    {
        var writer = new NetlinkMessageWriter(8);
        byte[] big = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();

        using (writer.BeginMessage(RtnetlinkConstants.RTM_NEWLINK, NetlinkConstants.NLM_F_REQUEST, 9))
        using (writer.Nest(IfLinkConstants.IFLA_LINKINFO))
            writer.PutAttribute(IfLinkConstants.IFLA_INFO_DATA, big);

        byte[] bytes = writer.WrittenSpan.ToArray();
        Assert.Equal(16 + 4 + 4 + 5000, bytes.Length);
        Assert.Equal((uint)bytes.Length, BitConverter.ToUInt32(bytes, 0));
        Assert.Equal(9u, BitConverter.ToUInt32(bytes, 8));
        Assert.Equal(4 + 4 + 5000, BitConverter.ToUInt16(bytes, 16));
        Assert.Equal(4 + 5000, BitConverter.ToUInt16(bytes, 20));
        Assert.Equal(big, bytes[24..]);
    }

    [Fact]
    public void An_attribute_or_nest_longer_than_nla_len_can_hold_is_refused()
    {
        var writer = new NetlinkMessageWriter();
        Assert.Throws<OverflowException>(() => writer.PutAttribute(1, new byte[ushort.MaxValue]));

        var nest = writer.Nest(IfLinkConstants.IFLA_LINKINFO);
        writer.PutAttribute(1, new byte[40000]);
        writer.PutAttribute(2, new byte[40000]);
        Assert.Throws<OverflowException>(() => nest.Dispose());
    }

    [Fact]
    public void Fixed_headers_are_padded_to_four_bytes()
    {
        var writer = new NetlinkMessageWriter();

        Span<byte> span = writer.ReserveFixed(6);

        Assert.Equal(6, span.Length);
        Assert.Equal(8, writer.Length);
    }

    private static void AssertBytes(string expectedHex, ReadOnlySpan<byte> actual) =>
        Assert.Equal(Hex.Format(Hex.Parse(expectedHex)), Hex.Format(actual));
}
