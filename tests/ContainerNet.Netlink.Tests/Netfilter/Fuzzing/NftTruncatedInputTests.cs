using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter;
using ContainerNet.Netlink.Netfilter.Rules;
using ContainerNet.Netlink.Tests.Fuzzing;
using ContainerNet.Netlink.Tests.Netfilter.Support;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Tests.Netfilter.Fuzzing;

/// <summary>
/// Every prefix of every message of the nf_tables fixtures (TruncatedInputTests covers each fixture's first
/// message and every datagram prefix; the rule dump alone holds twenty messages of different shapes).
/// </summary>
public sealed class NftTruncatedInputTests
{
    public static TheoryData<string> Fixtures() =>
        new(ContainerNet.Netlink.Tests.Support.Fixture.All().Where(f => f.StartsWith("nft-", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_prefix_of_every_message_decodes_or_is_refused(string fixture)
    {
        var messages = NftFixture.Messages(fixture).Where(m => NftMessage.IsNfTables(m.Header.Type)).ToList();

        DecoderHarness.WithinTimeLimit(() =>
        {
            foreach (var (header, payload) in messages)
            {
                var decode = NftReplies.All[NftMessage.Operation(header.Type)];
                for (int cut = 0; cut <= payload.Length; cut++)
                    DecoderHarness.Expect(payload[..cut], $"{fixture} type {header.Type:x4}", p => decode(p));
            }
        });
    }

    [Fact]
    public void A_rule_cut_inside_its_expressions_is_refused_and_on_the_list_boundary_decodes()
    {
        byte[] payload = NftFixture.Messages("nft-rule-dump.hex").First().Payload;
        int list = ContainerNet.Netlink.Tests.Support.AttributePath.Find(payload, NfGenMessage.Size, NfTablesConstants.NFTA_RULE_EXPRESSIONS);

        Assert.Throws<NetlinkFormatException>(() => NftRule.Decode(payload[..(list + 10)]));
        Assert.Throws<NetlinkFormatException>(() => NftRule.Decode(payload[..(NfGenMessage.Size - 1)]));
        // Cut right before the expressions: a rule with table, chain and handle and no expressions.
        Assert.Empty(NftRule.Decode(payload[..list]).Expressions);
    }
}
