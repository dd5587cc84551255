using ContainerNet.Core.Firewall;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter;
using ContainerNet.Netlink.Netfilter.Batches;
using ContainerNet.Netlink.Netfilter.Chains;
using ContainerNet.Netlink.Netfilter.Data;
using ContainerNet.Netlink.Netfilter.Expressions;
using ContainerNet.Netlink.Netfilter.Rules;
using ContainerNet.Netlink.Netfilter.Sets;
using ContainerNet.Netlink.Netfilter.Tables;
using static ContainerNet.Netlink.Constants.NfTablesConstants;

namespace ContainerNet.Core.Tests.Firewall;

/// <summary>
/// The batch that creates `inet containernet`: one table, the sets and maps that hold what varies, three
/// NAT base chains and a fixed number of rules (the rule count must not depend on ports or subnets).
/// </summary>
public class FirewallLayoutTests
{
    private static NftBatch Layout()
    {
        var batch = new NftBatch();
        FirewallLayout.AddTo(batch);
        return batch;
    }

    private static List<NftSet> Sets() => Layout().Messages.OfType<NewSetRequest>().Select(m => m.Set).ToList();

    [Fact]
    public void CreatesTheTableFirst()
    {
        var first = Assert.IsType<NewTableRequest>(Layout().Messages[0]);
        Assert.Equal("containernet", first.Table.Name);
        Assert.Equal(NftFamily.Inet, first.Table.Family);
    }

    [Fact]
    public void EverythingIsInOurOwnTable()
    {
        Assert.All(Sets(), s => Assert.Equal(("containernet", NftFamily.Inet), (s.Table, s.Family)));
        Assert.All(Layout().Messages.OfType<NewRuleRequest>(), r => Assert.Equal("containernet", r.Rule.Table));
        Assert.All(Layout().Messages.OfType<NewChainRequest>(), c => Assert.Equal("containernet", c.Chain.Table));
    }

    [Fact]
    public void HasTheFifteenSetsAndMapsWithUniqueIds()
    {
        var sets = Sets();
        Assert.Equal(new[]
            {
                "masq4", "masq4_except", "hairpin4", "publish4", "masq6", "masq6_except", "hairpin6", "publish6",
                "isolated", "internal", "blocked", "links4", "link_ports4", "links6", "link_ports6",
            },
            sets.Select(s => s.Name));
        // The kernel needs NFTA_SET_ID on every new set of a batch.
        Assert.All(sets, s => Assert.NotNull(s.Id));
        Assert.Equal(sets.Count, sets.Select(s => s.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("masq4", 4u)]
    [InlineData("masq6", 16u)]
    public void MasqueradeSetsAreAddressIntervals(string name, uint keyLength)
    {
        NftSet set = Sets().Single(s => s.Name == name);
        Assert.Equal(NFT_SET_INTERVAL, set.Flags);
        Assert.Equal(keyLength, set.KeyLength);
        Assert.Equal(keyLength == 4 ? NftDataType.IPv4Address : NftDataType.IPv6Address, set.KeyType);
        Assert.Null(set.DataType);
    }

    [Theory]
    [InlineData("masq4_except", 4u)]
    [InlineData("hairpin4", 4u)]
    [InlineData("masq6_except", 16u)]
    [InlineData("hairpin6", 16u)]
    public void PairSetsAreConcatenatedIntervalsOfAddressAndIfName(string name, uint addressLength)
    {
        NftSet set = Sets().Single(s => s.Name == name);
        Assert.Equal(NFT_SET_INTERVAL | NFT_SET_CONCAT, set.Flags);
        Assert.Equal(addressLength + 16, set.KeyLength);
        Assert.Equal(new[] { addressLength, 16u }, set.FieldLengths);
        uint address = addressLength == 4 ? NftDataType.IPv4Address : NftDataType.IPv6Address;
        Assert.Equal(NftDataType.Concat(address, NftDataType.IfName), set.KeyType);
    }

    [Theory]
    [InlineData("publish4", 4u, 12u, 8u)]     // 4 . 1(+3) . 2(+2)  :  4 . 2(+2)
    [InlineData("publish6", 16u, 24u, 20u)]   // 16 . 1(+3) . 2(+2) : 16 . 2(+2)
    public void PublishMapsMapAddressProtocolPortToAddressPort(string name, uint addressLength, uint keyLength, uint dataLength)
    {
        NftSet map = Sets().Single(s => s.Name == name);
        Assert.True(map.IsMap);
        Assert.Equal(NFT_SET_MAP | NFT_SET_INTERVAL | NFT_SET_CONCAT, map.Flags);
        Assert.Equal(keyLength, map.KeyLength);
        Assert.Equal(new[] { addressLength, 1u, 2u }, map.FieldLengths);
        Assert.Equal(dataLength, map.DataLength);
        uint address = addressLength == 4 ? NftDataType.IPv4Address : NftDataType.IPv6Address;
        Assert.Equal(NftDataType.Concat(address, NftDataType.InetProtocol, NftDataType.InetService), map.KeyType);
        Assert.Equal(NftDataType.Concat(address, NftDataType.InetService), map.DataType);
    }

    [Fact]
    public void HasThreeNatBaseChainsWithDockersHooksAndPrioritiesAndOneFilterForwardChain()
    {
        var chains = Layout().Messages.OfType<NewChainRequest>().Select(m => m.Chain).ToList();
        Assert.Equal(new[] { "prerouting", "output", "postrouting", "forward" }, chains.Select(c => c.Name));
        Assert.Equal(new[] { "nat", "nat", "nat", "filter" }, chains.Select(c => c.Type));
        Assert.All(chains, c => Assert.Equal((uint)NfConstants.NF_ACCEPT, c.Policy));
        Assert.Equal(new NftChainHook(NfConstants.NF_INET_PRE_ROUTING, -100), chains[0].Hook);
        Assert.Equal(new NftChainHook(NfConstants.NF_INET_LOCAL_OUT, -100), chains[1].Hook);
        Assert.Equal(new NftChainHook(NfConstants.NF_INET_POST_ROUTING, 100), chains[2].Hook);
        Assert.Equal(new NftChainHook(NfConstants.NF_INET_FORWARD, 0), chains[3].Hook);
    }

    [Fact]
    public void ForwardChainAcceptsRepliesAndLinksBeforeItDropsBlockedPairsAndInternalTraffic()
    {
        var comments = Layout().Messages.OfType<NewRuleRequest>().Select(m => m.Rule).Where(r => r.Chain == "forward").Select(r => r.Comment!).ToList();
        Assert.Equal(8, comments.Count);
        Assert.Contains("replies", comments[0]);
        Assert.All(comments.Skip(1).Take(4), c => Assert.Contains("link exceptions", c));
        Assert.Equal("containernet: icc off and isolation between bridges", comments[5]);
        Assert.Equal("containernet: nothing out of internal networks", comments[6]);
        Assert.Equal("containernet: nothing into internal networks", comments[7]);
    }

    [Theory]
    [InlineData("containernet: nothing out of internal networks", NFT_META_IIFNAME, NFT_META_OIFNAME)]
    [InlineData("containernet: nothing into internal networks", NFT_META_OIFNAME, NFT_META_IIFNAME)]
    public void InternalRulesDropWhenOneSideIsInternalAndTheOtherIsNot(string comment, uint inSet, uint notInSet)
    {
        NftRule rule = Layout().Messages.OfType<NewRuleRequest>().Select(m => m.Rule).Single(r => r.Comment == comment);
        var expressions = rule.Expressions.ToList();
        Assert.Equal(inSet, Assert.IsType<MetaExpression>(expressions[0]).Key);
        var member = Assert.IsType<LookupExpression>(expressions[1]);
        Assert.Equal(("internal", false), (member.Set, member.Invert));
        Assert.Equal(notInSet, Assert.IsType<MetaExpression>(expressions[2]).Key);
        var notMember = Assert.IsType<LookupExpression>(expressions[3]);
        Assert.Equal(("internal", true), (notMember.Set, notMember.Invert));
        Assert.Equal(NftVerdict.Drop, Assert.IsType<ImmediateExpression>(expressions[4]).Data.Verdict);
    }

    [Fact]
    public void HasAFixedSetOfCommentedRules()
    {
        var rules = Layout().Messages.OfType<NewRuleRequest>().Select(m => m.Rule).ToList();
        // prerouting and output: family x protocol; postrouting: hairpin, except, masquerade per family.
        Assert.Equal(4, rules.Count(r => r.Chain == "prerouting"));
        Assert.Equal(4, rules.Count(r => r.Chain == "output"));
        Assert.Equal(6, rules.Count(r => r.Chain == "postrouting"));
        Assert.All(rules, r => Assert.StartsWith("containernet: ", r.Comment));
        Assert.Equal(rules.Count, rules.Select(r => (r.Chain, r.Comment)).Distinct().Count());
    }

    [Fact]
    public void InPostroutingHairpinComesBeforeTheExceptionAndTheExceptionBeforeMasquerade()
    {
        var comments = Layout().Messages.OfType<NewRuleRequest>().Select(m => m.Rule)
            .Where(r => r.Chain == "postrouting" && r.Comment!.EndsWith("(IPv4)")).Select(r => r.Comment).ToList();
        Assert.Equal(3, comments.Count);
        Assert.Contains("hairpin", comments[0]);
        Assert.Contains("no masquerade", comments[1]);
        Assert.Equal("containernet: masquerade (IPv4)", comments[2]);
    }

    [Fact]
    public void SetsComeBeforeTheRulesThatUseThem()
    {
        var messages = Layout().Messages;
        int lastSet = messages.Select((m, i) => (m, i)).Last(x => x.m is NewSetRequest).i;
        int firstRule = messages.Select((m, i) => (m, i)).First(x => x.m is NewRuleRequest).i;
        Assert.True(lastSet < firstRule);
    }
}
