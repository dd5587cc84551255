using System.Runtime.ExceptionServices;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter;
using ContainerNet.Netlink.Route.Addresses;
using ContainerNet.Netlink.Route.Links;
using ContainerNet.Netlink.Route.Routes;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;
using Xunit.Sdk;

namespace ContainerNet.Netlink.Tests.Fuzzing;

/// <summary>
/// Feeds bytes to every decoder the way NetlinkConnection does and holds them to the contract: decode,
/// or throw NetlinkFormatException; any other exception, or a loop that stops advancing, fails with
/// the input in hex so it can become a regression test.
/// </summary>
internal static class DecoderHarness
{
    /// <summary>Walks a datagram and decodes each message by its type; returns how many decoded.</summary>
    public static int DecodeDatagram(byte[] datagram)
    {
        var reader = new NetlinkMessageReader(datagram);
        int messages = 0;
        while (reader.TryRead(out NetlinkMessageHeader header, out ReadOnlySpan<byte> payload))
        {
            // Each message takes at least a header's worth of bytes; more rounds than that is a loop.
            if (++messages > datagram.Length / NetlinkMessageHeader.Size)
                throw new XunitException($"NetlinkMessageReader did not advance after {messages} messages.");
            switch (header.Type)
            {
                case NetlinkConstants.NLMSG_ERROR: NetlinkErrorMessage.Decode(header, payload); break;
                case NetlinkConstants.NLMSG_DONE: NetlinkErrorMessage.DecodeDone(header, payload); break;
                case RtnetlinkConstants.RTM_NEWADDR or RtnetlinkConstants.RTM_DELADDR: AddressMessage.Decode(payload); break;
                case RtnetlinkConstants.RTM_NEWROUTE or RtnetlinkConstants.RTM_DELROUTE: RouteMessage.Decode(payload); break;
                case var type when NftMessage.IsNfTables(type): NftReplies.Decode(header, payload); break;
                default: LinkMessage.Decode(payload); break;
            }
        }
        return messages;
    }

    /// <summary>Every decoder on the same bytes taken as a payload, with each flag combination that changes parsing.</summary>
    public static void DecodePayload(byte[] payload)
    {
        Expect(payload, "LinkMessage.Decode", p => LinkMessage.Decode(p));
        Expect(payload, "AddressMessage.Decode", p => AddressMessage.Decode(p));
        Expect(payload, "RouteMessage.Decode", p => RouteMessage.Decode(p));
        Expect(payload, "BridgePortInfo.Decode", p => BridgePortInfo.Decode(p));
        Expect(payload, "NetlinkAttributeReader", p => WalkAttributes(p));
        foreach (var (type, decode) in NftReplies.All)
            Expect(payload, $"NftReplies.Decode (NFT_MSG {type})", p => decode(p));
        foreach (ushort flags in new[] { 0, NetlinkConstants.NLM_F_ACK_TLVS, NetlinkConstants.NLM_F_ACK_TLVS | NetlinkConstants.NLM_F_CAPPED })
        {
            var header = new NetlinkMessageHeader((uint)(NetlinkMessageHeader.Size + payload.Length), NetlinkConstants.NLMSG_ERROR, flags, 1, 0);
            Expect(payload, $"NetlinkErrorMessage.Decode (flags 0x{flags:x})", p => NetlinkErrorMessage.Decode(header, p));
            Expect(payload, $"NetlinkErrorMessage.DecodeDone (flags 0x{flags:x})", p => NetlinkErrorMessage.DecodeDone(header, p));
        }
    }

    public static void WalkAttributes(ReadOnlySpan<byte> attributes)
    {
        var reader = new NetlinkAttributeReader(attributes);
        int count = 0;
        while (reader.TryRead(out _, out ReadOnlySpan<byte> value))
        {
            if (++count > attributes.Length / NetlinkConstants.NLA_HDRLEN)
                throw new XunitException($"NetlinkAttributeReader did not advance after {count} attributes.");
            // Every attribute may be a nest: walk it too, as LinkMessage does with IFLA_LINKINFO and
            // IFLA_INFO_SLAVE_DATA.
            try { WalkAttributes(value); } catch (NetlinkFormatException) { }
        }
    }

    /// <summary>Runs the decoder; passes when it decodes or throws NetlinkFormatException.</summary>
    /// <summary>
    /// Flips one random bit in each of <paramref name="count"/> copies of the inputs (taken in turn) and
    /// counts how many still decode completely: guards fuzz tests against passing vacuously.
    /// </summary>
    public static int DecodableAfterOneBitFlips(IReadOnlyList<byte[]> inputs, int count, int seed = 1848)
    {
        var random = new Random(seed);
        int decoded = 0;
        for (int i = 0; i < count; i++)
        {
            byte[] input = (byte[])inputs[i % inputs.Count].Clone();
            input[random.Next(input.Length)] ^= (byte)(1 << random.Next(8));
            try
            {
                DecodeDatagram(input);
                decoded++;
            }
            catch (NetlinkFormatException)
            {
            }
        }
        return decoded;
    }

    public static void Expect(byte[] input, string decoder, Action<byte[]> decode)
    {
        try
        {
            decode(input);
        }
        catch (NetlinkFormatException)
        {
        }
        catch (Exception e) when (e is not XunitException)
        {
            throw new XunitException($"{decoder} threw {e.GetType().Name} instead of NetlinkFormatException on {input.Length} bytes: {Hex.Format(input)}\n{e}");
        }
    }

    /// <summary>Runs a whole fuzzing pass on another thread and fails if it has not finished in time (a hang).</summary>
    public static void WithinTimeLimit(Action pass, int seconds = 60)
    {
        var run = Task.Run(pass);
        bool finished;
        try
        {
            finished = run.Wait(TimeSpan.FromSeconds(seconds));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        Assert.True(finished, $"The decoders did not finish within {seconds} s: a loop does not terminate.");
    }
}
