using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter;
using ContainerNet.Netlink.Netfilter.Data;
using ContainerNet.Netlink.Netfilter.Expressions;
using ContainerNet.Netlink.Netfilter.Rules;
using ContainerNet.Netlink.Tests.Netfilter.Support;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Tests.Transport;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;
using static ContainerNet.Netlink.Constants.NfTablesConstants;
using static ContainerNet.Netlink.Tests.Netfilter.Support.NftBytes;

namespace ContainerNet.Netlink.Tests.Netfilter.Decoding;

/// <summary>
/// NftRule.Decode on the kernel's reply to our rule dump of inet containernet (Fixtures/nft-rule-dump.hex):
/// the rules nft added in capture-nftables.sh, expressions in order as the kernel reports them (it fills
/// in attributes nft left out: lookup flags, nat max registers and flags, counter values, bitwise op).
/// </summary>
public sealed class RuleDecodeTests
{
    private static readonly List<NftRule> Rules = NftFixture.Decode("nft-rule-dump.hex", NftRule.FromMessage);

    private static NftRule Rule(ulong handle) => Rules.Single(r => r.Handle == handle);

    private static T At<T>(NftRule rule, int index) => Assert.IsType<T>(rule.Expressions[index]);

    [Fact]
    public void Every_rule_in_chain_order_with_handle_and_previous_rule()
    {
        Assert.Equal(
            ["prerouting 11", "prerouting 18", "prerouting 28", "postrouting 10", "postrouting 17", "postrouting 26", "postrouting 27",
             "forward 20", "forward 12", "forward 19", "forward 13", "forward 14", "forward 15", "forward 21", "forward 22", "forward 23",
             "forward 24", "forward 25", "net-default 16", "raw 30"],
            Rules.Select(r => $"{r.Chain} {r.Handle}"));
        Assert.All(Rules, r => Assert.Equal((NftFamily.Inet, "containernet"), (r.Family, r.Table)));
        // NFTA_RULE_POSITION in a dump is the handle of the rule before it (absent for the first).
        Assert.Null(Rule(11).Position);
        Assert.Equal(11ul, Rule(18).Position);
        Assert.Equal(20ul, Rule(12).Position); // the inserted `ct state invalid drop` (20) came first
    }

    [Fact]
    public void The_masquerade_rule_keeps_its_comment_and_expressions()
    {
        var masq = Rule(10);

        Assert.Equal("net:default", masq.Comment);
        Assert.Equal(["meta", "cmp", "payload", "cmp", "meta", "cmp", "masq"], masq.Expressions.Select(e => e.Name));
        Assert.Equal(new MetaExpression(NFT_META_NFPROTO, NFT_REG_1), masq.Expressions[0]);
        Assert.Equal([NfConstants.NFPROTO_IPV4], At<CmpExpression>(masq, 1).Data);
        Assert.Equal(new PayloadExpression(NFT_PAYLOAD_NETWORK_HEADER, 12, 2, NFT_REG_1), masq.Expressions[2]);
        Assert.Equal([10, 88], At<CmpExpression>(masq, 3).Data);
        Assert.Equal(new MetaExpression(NFT_META_OIFNAME, NFT_REG_1), masq.Expressions[4]);
        var notCn0 = At<CmpExpression>(masq, 5);
        Assert.Equal(NFT_CMP_NEQ, notCn0.Op);
        Assert.Equal(NftWire.PaddedString("cn0", 16), notCn0.Data);
        Assert.Equal(new MasqExpression(), masq.Expressions[6]);
        Assert.Equal("rule \"net:default\" handle 10 in chain 'postrouting' of table inet containernet", masq.ToString());
    }

    [Fact]
    public void The_masquerade_rule_reads_back_equal_to_the_expressions_we_send()
    {
        // Expressions compare by value, byte operands by content: a rule read back can be checked against
        // the rule that was meant (none of these gets attributes added by the kernel).
        INftExpression[] meant =
        [
            new MetaExpression(NFT_META_NFPROTO, NFT_REG_1), new CmpExpression(NFT_REG_1, NFT_CMP_EQ, [NfConstants.NFPROTO_IPV4]),
            new PayloadExpression(NFT_PAYLOAD_NETWORK_HEADER, 12, 2, NFT_REG_1), new CmpExpression(NFT_REG_1, NFT_CMP_EQ, [10, 88]),
            new MetaExpression(NFT_META_OIFNAME, NFT_REG_1), new CmpExpression(NFT_REG_1, NFT_CMP_NEQ, NftWire.PaddedString("cn0", 16)),
            new MasqExpression(),
        ];

        Assert.Equal(meant, Rule(10).Expressions);
        Assert.NotEqual(meant, Rule(17).Expressions);
    }

    [Fact]
    public void The_DNAT_map_rule_as_the_kernel_completes_it()
    {
        var dnat = Rule(11);

        Assert.Equal(new FibExpression(NFT_FIB_RESULT_ADDRTYPE, NFTA_FIB_F_DADDR, NFT_REG_1), dnat.Expressions[0]);
        Assert.Equal([RouteConstants.RTN_LOCAL, 0, 0, 0], At<CmpExpression>(dnat, 1).Data);
        Assert.Equal(new MetaExpression(NFT_META_L4PROTO, NFT_REG_1), dnat.Expressions[2]);
        Assert.Equal(new PayloadExpression(NFT_PAYLOAD_TRANSPORT_HEADER, 2, 2, NFT_REG32_01), dnat.Expressions[3]);
        // The kernel reports no set id (ids live only within a batch) and the flags nft left out.
        Assert.Equal(new LookupExpression("ports", NFT_REG_1, NFT_REG_1, SetId: null, Flags: 0), dnat.Expressions[4]);
        Assert.Equal(new NatExpression(NFT_NAT_DNAT, NfConstants.NFPROTO_IPV4, NFT_REG_1, NFT_REG_1, NFT_REG32_01, NFT_REG32_01,
            NfNatConstants.NF_NAT_RANGE_MAP_IPS | NfNatConstants.NF_NAT_RANGE_PROTO_SPECIFIED), dnat.Expressions[5]);
    }

    [Fact]
    public void Conntrack_state_with_bitwise_and_the_accept_verdict()
    {
        var established = Rule(12);

        Assert.Equal(new CtExpression(NFT_CT_STATE, NFT_REG_1), established.Expressions[0]);
        var bitwise = At<BitwiseExpression>(established, 1);
        Assert.Equal((NFT_REG_1, NFT_REG_1, 4u, NFT_BITWISE_MASK_XOR), (bitwise.SourceRegister, bitwise.DestinationRegister, bitwise.Length, bitwise.Op));
        Assert.Equal([6, 0, 0, 0], bitwise.Mask);
        Assert.Equal([0, 0, 0, 0], bitwise.Xor);
        Assert.Equal(NFT_CMP_NEQ, At<CmpExpression>(established, 2).Op);
        Assert.Equal(ImmediateExpression.Verdict(NftVerdict.Accept), established.Expressions[3]);
    }

    [Fact]
    public void Lookups_vmap_jump_counter_and_inversion()
    {
        Assert.Equal(new LookupExpression("bridges", NFT_REG_1, NFT_REG_VERDICT, Flags: 0), Rule(13).Expressions[1]);

        var drop = Rule(14);
        Assert.Equal(new LookupExpression("hosts", NFT_REG_1, Flags: 0), drop.Expressions[3]);
        Assert.Equal(new CounterExpression(0, 0), drop.Expressions[4]);
        Assert.Equal(ImmediateExpression.Verdict(NftVerdict.Drop), drop.Expressions[5]);

        Assert.Equal(NftVerdict.Jump("net-default"), At<ImmediateExpression>(Rule(15), 2).Data.Verdict);
        Assert.True(At<LookupExpression>(Rule(23), 3).Invert);
        Assert.False(At<LookupExpression>(Rule(14), 3).Invert);
    }

    [Fact]
    public void Ranges_prefixes_and_conntrack_direction()
    {
        var between = Rule(21);
        Assert.Equal(NFT_CMP_GTE, At<CmpExpression>(between, 3).Op);
        Assert.Equal(Port16(8000), At<CmpExpression>(between, 3).Data);
        Assert.Equal(NFT_CMP_LTE, At<CmpExpression>(between, 4).Op);
        Assert.Equal(Port16(8100), At<CmpExpression>(between, 4).Data);

        var outside = At<RangeExpression>(Rule(22), 3);
        Assert.Equal((NFT_REG_1, NFT_RANGE_NEQ), (outside.SourceRegister, outside.Op));
        Assert.Equal(Port16(8000), outside.From);
        Assert.Equal(Port16(8100), outside.To);

        Assert.Equal([0xff, 0xf0, 0, 0], At<BitwiseExpression>(Rule(16), 3).Mask);
        Assert.Equal([172, 16, 0, 0], At<CmpExpression>(Rule(16), 4).Data);

        Assert.Equal(new CtExpression(NFT_CT_DST_IP, NFT_REG_1, NfConntrackConstants.IP_CT_DIR_ORIGINAL), Rule(24).Expressions[0]);
    }

    [Fact]
    public void NAT_variants_mark_setting_and_notrack()
    {
        Assert.Equal(new NatExpression(NFT_NAT_SNAT, NfConstants.NFPROTO_IPV4, NFT_REG_1, NFT_REG_1, Flags: NfNatConstants.NF_NAT_RANGE_MAP_IPS),
            Rule(26).Expressions[3]);
        Assert.Equal(IPv4(203, 0, 113, 2), At<ImmediateExpression>(Rule(26), 2).Data.Value);
        Assert.Equal(new MasqExpression(NfNatConstants.NF_NAT_RANGE_PROTO_RANDOM_FULLY), Rule(17).Expressions[4]);
        Assert.Equal(new MasqExpression(NfNatConstants.NF_NAT_RANGE_PROTO_SPECIFIED, NFT_REG_1, NFT_REG_2), Rule(27).Expressions[8]);
        Assert.Equal(new RedirExpression(NFT_REG_1, NFT_REG_1, NfNatConstants.NF_NAT_RANGE_PROTO_SPECIFIED), Rule(28).Expressions[5]);

        var mark = Rule(25);
        Assert.Equal(NftData.FromValue(BitConverter.GetBytes(0x2au)), At<ImmediateExpression>(mark, 0).Data);
        Assert.Equal(MetaExpression.Set(NFT_META_MARK, NFT_REG_1), mark.Expressions[1]);

        Assert.Same(NotrackExpression.Instance, Rule(30).Expressions[^1]);
    }

    [Fact]
    public void ListRules_filters_by_table_in_the_kernel()
    {
        var transport = new RecordingTransport();
        transport.Enqueue(Fixture.Load("nft-rule-dump.hex"));
        using var connection = new NetlinkConnection(transport, firstSequence: 10);

        var rules = connection.ListRules(NftFamily.Inet, "containernet");

        // capture-nftables.sh: GETRULE NLM_F_DUMP, NFPROTO_INET, NFTA_RULE_TABLE "containernet", sequence 10.
        Assert.Equal("28000000070a01030a0000000000000001000000110001006" + "36f6e7461696e65726e657400000000",
            Hex.Format(Assert.Single(transport.Sent)));
        Assert.Equal(20, rules.Count);
    }

    [Fact]
    public void An_expression_without_a_decoder_keeps_its_bytes_and_encodes_them_again()
    {
        // `log prefix "x"`: NFTA_LOG_PREFIX (2) = "x\0", as the kernel would report it.
        var log = new UnknownExpression("log", Hex.Parse("0600 0200 7800 0000"));
        var rule = new NftRule { Family = NftFamily.Inet, Table = "t", Chain = "c", Expressions = [log] };
        byte[] message = NftGolden.Encode(new NewRuleRequest { Rule = rule });

        var decoded = NftRule.Decode(message.AsSpan(NetlinkMessageHeader.Size, message.Length - NetlinkMessageHeader.Size));

        var unknown = Assert.IsType<UnknownExpression>(Assert.Single(decoded.Expressions));
        Assert.Equal("log", unknown.Name);
        Assert.Equal(log.Data, unknown.Data);
    }
}
