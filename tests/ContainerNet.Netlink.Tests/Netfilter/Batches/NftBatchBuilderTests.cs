using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter;
using ContainerNet.Netlink.Netfilter.Batches;
using ContainerNet.Netlink.Netfilter.Chains;
using ContainerNet.Netlink.Netfilter.Data;
using ContainerNet.Netlink.Netfilter.Elements;
using ContainerNet.Netlink.Netfilter.Rules;
using ContainerNet.Netlink.Netfilter.Sets;
using ContainerNet.Netlink.Netfilter.Tables;
using ContainerNet.Netlink.Wire;
using static ContainerNet.Netlink.Tests.Netfilter.Support.NftBytes;

namespace ContainerNet.Netlink.Tests.Netfilter.Batches;

/// <summary>NftBatch as a builder: the messages it makes, the ids it hands out, how it names each change.</summary>
public sealed class NftBatchBuilderTests
{
    [Fact]
    public void Each_helper_adds_the_message_class_for_its_change()
    {
        var batch = new NftBatch()
            .AddTable(new NftTable { Family = NftFamily.Inet, Name = "t" })
            .AddChain(new NftChain { Family = NftFamily.Inet, Table = "t", Name = "c" })
            .AddSet(new NftSet { Family = NftFamily.Inet, Table = "t", Name = "s", KeyType = NftDataType.IPv4Address, KeyLength = 4 })
            .AddElements(NftFamily.Inet, "t", "s", [new NftSetElement { Key = IPv4(10, 0, 0, 1) }])
            .AddRule(new NftRule { Family = NftFamily.Inet, Table = "t", Chain = "c", Expressions = [], Comment = "x" })
            .InsertRule(new NftRule { Family = NftFamily.Inet, Table = "t", Chain = "c", Expressions = [] })
            .DeleteRule(NftFamily.Inet, "t", "c", 9)
            .DeleteElements(NftFamily.Inet, "t", "s", [new NftSetElement { Key = IPv4(10, 0, 0, 1), Label = "10.0.0.1" }])
            .DeleteSet(NftFamily.Inet, "t", "s")
            .DeleteChain(NftFamily.Inet, "t", "c")
            .DeleteTable(NftFamily.Inet, "t");

        Assert.Equal(
        [
            "table inet t",
            "chain 'c' of table inet t",
            "set 's' of table inet t",
            "add set element 0a000001 of set 's' of table inet t",
            "rule \"x\" in chain 'c' of table inet t",
            "rule () in chain 'c' of table inet t",
            "rule handle 9 in chain 'c' of table inet t",
            "delete set element 10.0.0.1 of set 's' of table inet t",
            "set 's' of table inet t",
            "chain 'c' of table inet t",
            "table inet t",
        ], batch.Messages.Select(m => m.Describe()));
        Assert.True(((NewRuleRequest)batch.Messages[5]).Insert);
        Assert.Equal(13, batch.SequenceCount);
    }

    [Fact]
    public void Set_ids_are_unique_within_a_batch()
    {
        var batch = new NftBatch();

        Assert.Equal([1u, 2u, 3u], new[] { batch.NextSetId(), batch.NextSetId(), batch.NextSetId() });
    }

    [Fact]
    public void The_size_estimate_that_splits_element_lists_is_exact()
    {
        NftSetElement[] elements =
        [
            new() { Key = IPv4(10, 0, 0, 1) },
            new() { Key = IPv4(10, 0, 0, 0), Flags = NfTablesConstants.NFT_SET_ELEM_INTERVAL_END },
            new() { Key = Concat(Protocol(6), Port(8080)), Data = NftData.FromValue(Concat(IPv4(10, 88, 0, 2), Port(80))) },
            new() { Key = Concat(IPv4(10, 88, 0, 0), Port(1)), KeyEnd = Concat(IPv4(10, 88, 255, 255), Port(9)) },
            new() { Key = new byte[16], Data = NftVerdict.Jump("net-default") },
            new() { Key = new byte[16], Data = NftVerdict.Drop },
            new() { Key = IPv4(10, 0, 0, 2), Comment = "web", TimeoutMilliseconds = 1000 },
        ];

        foreach (var element in elements)
        {
            var writer = new NetlinkMessageWriter();
            element.Write(writer, 0);
            Assert.Equal(writer.Length, element.EncodedSize());
        }
    }
}
