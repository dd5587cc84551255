using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter;
using ContainerNet.Netlink.Netfilter.Chains;
using ContainerNet.Netlink.Tests.Netfilter.Support;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Tests.Transport;
using ContainerNet.Netlink.Transport;

namespace ContainerNet.Netlink.Tests.Netfilter.Decoding;

/// <summary>NftChain.Decode on the kernel's reply to our chain dump (Fixtures/nft-chain-dump.hex).</summary>
public sealed class ChainDecodeTests
{
    private static readonly List<NftChain> Chains = NftFixture.Decode("nft-chain-dump.hex", NftChain.FromMessage);

    private static NftChain Chain(string name) => Chains.Single(c => c.Name == name);

    [Fact]
    public void Every_chain_of_the_loaded_ruleset_in_handle_order()
    {
        Assert.Equal(["prerouting", "postrouting", "forward", "net-default", "raw", "input", "net-web"], Chains.Select(c => c.Name));
        Assert.All(Chains, c =>
        {
            Assert.Equal(NftFamily.Inet, c.Family);
            Assert.Equal("containernet", c.Table);
        });
        Assert.Equal([1ul, 2, 3, 4, 29, 31, 32], Chains.Select(c => c.Handle!.Value));
    }

    [Fact]
    public void Base_chains_carry_hook_priority_type_policy_and_the_base_flag()
    {
        var prerouting = Chain("prerouting");
        Assert.Equal(new NftChainHook(NfConstants.NF_INET_PRE_ROUTING, NfIpv4Constants.NF_IP_PRI_NAT_DST), prerouting.Hook);
        Assert.Equal("nat", prerouting.Type);
        Assert.Equal((uint)NfConstants.NF_ACCEPT, prerouting.Policy); // the kernel reports the default policy
        Assert.Equal(NfTablesConstants.NFT_CHAIN_BASE, prerouting.Flags);
        Assert.True(prerouting.IsBaseChain);

        Assert.Equal(new NftChainHook(NfConstants.NF_INET_POST_ROUTING, NfIpv4Constants.NF_IP_PRI_NAT_SRC), Chain("postrouting").Hook);
        Assert.Equal(new NftChainHook(NfConstants.NF_INET_FORWARD, NfIpv4Constants.NF_IP_PRI_FILTER), Chain("forward").Hook);
        Assert.Equal("filter", Chain("forward").Type);
        Assert.Equal(new NftChainHook(NfConstants.NF_INET_PRE_ROUTING, NfIpv4Constants.NF_IP_PRI_RAW), Chain("raw").Hook);
        Assert.Equal("host", Chain("input").Comment);
    }

    [Fact]
    public void Regular_chains_have_no_hook_and_count_their_references()
    {
        var regular = Chain("net-default");
        Assert.Null(regular.Hook);
        Assert.Null(regular.Type);
        Assert.Null(regular.Policy);
        Assert.False(regular.IsBaseChain);
        // References as kernel 6.18 counts them: the jump rule and the vmap element "cn0" : jump net-default
        // hold it (the same ruleset's net-web, referenced by nothing, reports 0).
        Assert.Equal(3u, regular.Use);

        Assert.Equal("net:web", Chain("net-web").Comment);
        Assert.Equal(0u, Chain("net-web").Use);
    }

    [Fact]
    public void ListChains_filters_to_one_table_on_our_side()
    {
        var transport = new RecordingTransport();
        transport.Enqueue(Fixture.Load("nft-chain-dump.hex"));
        using var connection = new NetlinkConnection(transport, firstSequence: 3);

        var chains = connection.ListChains(table: "containernet");

        Assert.Equal("14000000040a0103030000000000000000000000", Hex.Format(Assert.Single(transport.Sent)));
        Assert.Equal(7, chains.Count);
    }
}
