using System.Buffers.Binary;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter;
using ContainerNet.Netlink.Netfilter.Expressions;
using ContainerNet.Netlink.Netfilter.UserData;
using ContainerNet.Netlink.Tests.Fuzzing;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Tests.Netfilter.Fuzzing;

/// <summary>
/// The nf_tables decoders under DecoderHarness's contract (decode, or throw NetlinkFormatException; never
/// anything else, never a loop that stops advancing), from fixed seeds: noise behind an nf_tables header,
/// the real replies of Fixtures/nft-*.hex with a few bytes changed, and the nests the message-level
/// mutations rarely reach whole (expression lists, element lists, userdata).
/// </summary>
public sealed class NftGarbageInputTests
{
    private const int Rounds = 3000;

    private static readonly string[] Fixtures = Fixture.All().Where(f => f.StartsWith("nft-", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void Random_bytes_behind_an_nf_tables_header()
    {
        byte[] operations = [.. NftReplies.All.Keys];
        var random = new Random(1983);
        DecoderHarness.WithinTimeLimit(() =>
        {
            for (int i = 0; i < Rounds; i++)
            {
                byte[] input = new byte[NetlinkMessageHeader.Size + NfGenMessage.Size + random.Next(0, 400)];
                random.NextBytes(input);
                BinaryPrimitives.WriteUInt32LittleEndian(input, (uint)input.Length);
                BinaryPrimitives.WriteUInt16LittleEndian(input.AsSpan(4), NftMessage.Type(operations[i % operations.Length]));
                // nla_len-sized values at attribute starts, so the walks get past the first header.
                for (int offset = NetlinkMessageHeader.Size + NfGenMessage.Size; offset + 2 <= input.Length; offset += 4 * random.Next(1, 6))
                    BinaryPrimitives.WriteUInt16LittleEndian(input.AsSpan(offset), (ushort)random.Next(0, 64));
                DecoderHarness.Expect(input, "datagram", bytes => DecoderHarness.DecodeDatagram(bytes));
                DecoderHarness.DecodePayload(input[NetlinkMessageHeader.Size..]);
            }
        });
    }

    [Fact]
    public void Real_nf_tables_replies_with_a_few_bytes_changed()
    {
        byte[][] replies = Fixtures.Select(Fixture.Load).ToArray();
        var random = new Random(1989);
        DecoderHarness.WithinTimeLimit(() =>
        {
            for (int i = 0; i < Rounds; i++)
            {
                byte[] input = (byte[])replies[i % replies.Length].Clone();
                for (int c = random.Next(1, 9); c > 0; c--)
                    input[random.Next(input.Length)] = (byte)random.Next(256);
                DecoderHarness.Expect(input, "datagram", bytes => DecoderHarness.DecodeDatagram(bytes));
            }
        });
    }

    [Fact]
    public void Expression_lists_with_a_few_bytes_changed()
    {
        // Every rule's NFTA_RULE_EXPRESSIONS from the dump, mutated and fed to the expression decoders directly.
        var lists = Support.NftFixture.Messages("nft-rule-dump.hex")
            .Where(m => m.Header.Type == NftMessage.Type(NfTablesConstants.NFT_MSG_NEWRULE))
            .Select(m => AttributePath.Value(m.Payload, NfGenMessage.Size, NfTablesConstants.NFTA_RULE_EXPRESSIONS))
            .ToArray();
        var random = new Random(1991);
        DecoderHarness.WithinTimeLimit(() =>
        {
            for (int i = 0; i < Rounds; i++)
            {
                byte[] input = (byte[])lists[i % lists.Length].Clone();
                for (int c = random.Next(1, 5); c > 0; c--)
                    input[random.Next(input.Length)] = (byte)random.Next(256);
                DecoderHarness.Expect(input, "NftExpressions.ReadList", p => NftExpressions.ReadList(p));
            }
        });
    }

    [Fact]
    public void Userdata_of_random_bytes()
    {
        var random = new Random(1993);
        DecoderHarness.WithinTimeLimit(() =>
        {
            for (int i = 0; i < Rounds; i++)
            {
                byte[] input = new byte[random.Next(0, 64)];
                random.NextBytes(input);
                DecoderHarness.Expect(input, "NftUserData.FindString", p => NftUserData.FindString(p, (byte)(i % 8)));
            }
        });
    }

    [Theory]
    [InlineData("nft-rule-dump.hex")]
    [InlineData("nft-set-dump.hex")]
    [InlineData("nft-chain-dump.hex")]
    [InlineData("nft-setelem-dump-ports.hex")]
    public void The_fuzzer_reaches_the_nf_tables_decoders(string fixture)
    {
        // Guards the tests above against passing vacuously: a one-bit change must usually still decode
        // all the way through (values change, lengths mostly do not).
        int decoded = DecoderHarness.DecodableAfterOneBitFlips(new[] { Fixture.Load(fixture) }, count: 200);
        Assert.InRange(decoded, 100, 200);
    }
}
