using System.Buffers.Binary;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Route;
using ContainerNet.Netlink.Route.Links;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Tests.Fuzzing;

/// <summary>
/// Thousands of inputs from fixed seeds (so a failure reproduces): pure noise, noise behind a header
/// that makes it look like a message, and real replies with a few bytes changed. DecoderHarness fails
/// on any exception but NetlinkFormatException and on any loop that stops advancing; the time limit
/// catches a loop the harness cannot see.
/// </summary>
public sealed class GarbageInputTests
{
    private const int Rounds = 3000;

    [Fact]
    public void Random_bytes()
    {
        var random = new Random(1789);
        DecoderHarness.WithinTimeLimit(() =>
        {
            for (int i = 0; i < Rounds; i++)
            {
                byte[] input = new byte[random.Next(0, 600)];
                random.NextBytes(input);
                DecoderHarness.Expect(input, "datagram", bytes => DecoderHarness.DecodeDatagram(bytes));
                DecoderHarness.DecodePayload(input);
            }
        });
    }

    [Fact]
    public void Random_bytes_behind_a_plausible_header()
    {
        // Pure noise rarely survives the first length check; with nlmsg_len, nla_len-sized values and a
        // real message type the decoders get past it into the attribute walks.
        ushort[] types = [RtnetlinkConstants.RTM_NEWLINK, RtnetlinkConstants.RTM_NEWADDR, RtnetlinkConstants.RTM_NEWROUTE,
            NetlinkConstants.NLMSG_ERROR, NetlinkConstants.NLMSG_DONE];
        var random = new Random(1917);
        DecoderHarness.WithinTimeLimit(() =>
        {
            for (int i = 0; i < Rounds; i++)
            {
                byte[] input = new byte[NetlinkMessageHeader.Size + random.Next(0, 400)];
                random.NextBytes(input);
                BinaryPrimitives.WriteUInt32LittleEndian(input, (uint)input.Length);
                BinaryPrimitives.WriteUInt16LittleEndian(input.AsSpan(4), types[i % types.Length]);
                BinaryPrimitives.WriteUInt16LittleEndian(input.AsSpan(6), (ushort)random.Next(0, 0x400));
                for (int offset = NetlinkMessageHeader.Size + 16; offset + 2 <= input.Length; offset += 4 * random.Next(1, 6))
                    BinaryPrimitives.WriteUInt16LittleEndian(input.AsSpan(offset), (ushort)random.Next(0, 48));
                DecoderHarness.Expect(input, "datagram", bytes => DecoderHarness.DecodeDatagram(bytes));
                DecoderHarness.DecodePayload(input[NetlinkMessageHeader.Size..]);
            }
        });
    }

    [Fact]
    public void Real_replies_with_a_few_bytes_changed()
    {
        byte[][] fixtures = Fixture.All().Select(Fixture.Load).ToArray();
        var random = new Random(1848);
        DecoderHarness.WithinTimeLimit(() =>
        {
            for (int i = 0; i < Rounds; i++)
            {
                byte[] input = (byte[])fixtures[i % fixtures.Length].Clone();
                int changes = random.Next(1, 9);
                for (int c = 0; c < changes; c++)
                {
                    int at = random.Next(input.Length);
                    input[at] = random.Next(3) switch
                    {
                        0 => (byte)random.Next(256),
                        1 => (byte)(input[at] ^ (1 << random.Next(8))),
                        _ => (byte)(random.Next(2) == 0 ? 0x00 : 0xff),
                    };
                }
                DecoderHarness.Expect(input, "datagram", bytes => DecoderHarness.DecodeDatagram(bytes));
                int length = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(input), (uint)input.Length);
                if (length > NetlinkMessageHeader.Size)
                    DecoderHarness.DecodePayload(input[NetlinkMessageHeader.Size..length]);
            }
        });
    }

    [Fact]
    public void Bridge_port_slave_data_with_a_few_bytes_changed()
    {
        // LinkMessage reaches BridgePortInfo only when the mutation leaves IFLA_LINKINFO intact; feed the
        // nest's contents directly as well.
        byte[] payload = Fixture.Load("link-vweb-port.hex")[NetlinkMessageHeader.Size..];
        byte[] slaveData = AttributePath.Value(payload, IfInfoMessage.Size, IfLinkConstants.IFLA_LINKINFO, IfLinkConstants.IFLA_INFO_SLAVE_DATA);
        var random = new Random(1871);
        DecoderHarness.WithinTimeLimit(() =>
        {
            for (int i = 0; i < Rounds; i++)
            {
                byte[] input = (byte[])slaveData.Clone();
                for (int c = random.Next(1, 5); c > 0; c--)
                    input[random.Next(input.Length)] = (byte)random.Next(256);
                DecoderHarness.Expect(input, "BridgePortInfo.Decode", p => BridgePortInfo.Decode(p));
                DecoderHarness.Expect(input, "NetlinkAttributeReader", p => DecoderHarness.WalkAttributes(p));
            }
        });
    }

    [Theory]
    [InlineData("addr-dump-4.hex")]
    [InlineData("addr-dump-6.hex")]
    [InlineData("route-dump-4.hex")]
    [InlineData("own-route-dump-6.hex")]
    [InlineData("link-vweb-port.hex")]
    public void The_fuzzer_reaches_the_address_route_and_port_decoders(string fixture)
    {
        // As below, per fixture: a one-bit change must usually still decode all the way through.
        int decoded = DecoderHarness.DecodableAfterOneBitFlips(new[] { Fixture.Load(fixture) }, count: 200);
        Assert.InRange(decoded, 100, 200);
    }

    [Fact]
    public void The_fuzzer_reaches_the_decoders()
    {
        // Guards the tests above against passing vacuously: among the mutated replies many must still
        // decode completely, not all be refused at the first length check.
        byte[][] fixtures = Fixture.All().Select(Fixture.Load).ToArray();
        int decoded = DecoderHarness.DecodableAfterOneBitFlips(fixtures, count: 500);
        Assert.InRange(decoded, 250, 500);
    }
}
