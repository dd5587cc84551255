using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter;
using ContainerNet.Netlink.Netfilter.Sets;
using ContainerNet.Netlink.Netfilter.UserData;
using ContainerNet.Netlink.Tests.Netfilter.Support;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Tests.Transport;
using ContainerNet.Netlink.Transport;

namespace ContainerNet.Netlink.Tests.Netfilter.Decoding;

/// <summary>NftSet.Decode on the kernel's reply to our set dump of inet containernet (Fixtures/nft-set-dump.hex).</summary>
public sealed class SetDecodeTests
{
    private static readonly List<NftSet> Sets = NftFixture.Decode("nft-set-dump.hex", NftSet.FromMessage);

    private static NftSet Set(string name) => Sets.Single(s => s.Name == name);

    [Fact]
    public void Every_set_with_its_handle()
    {
        Assert.Equal(["hosts", "subnets", "ports", "bridges", "ranges", "hosts6"], Sets.Select(s => s.Name));
        Assert.Equal([5ul, 6, 7, 8, 9, 33], Sets.Select(s => s.Handle!.Value));
        Assert.All(Sets, s => Assert.Equal("containernet", s.Table));
    }

    [Fact]
    public void Plain_and_interval_sets_of_addresses()
    {
        var hosts = Set("hosts");
        Assert.Equal(NftDataType.IPv4Address, hosts.KeyType);
        Assert.Equal(4u, hosts.KeyLength);
        Assert.Equal(0u, hosts.Flags); // the kernel leaves out NFTA_SET_FLAGS when it is 0
        Assert.False(hosts.IsMap);
        Assert.Null(hosts.DataType);
        Assert.True(NftUserData.TryFind(hosts.UserData, NftUserDataTypes.NFTNL_UDATA_SET_KEYBYTEORDER, out var order));
        Assert.Equal(NftSetUserData.ByteOrderBig, BitConverter.ToUInt32(order));

        Assert.Equal(NfTablesConstants.NFT_SET_INTERVAL, Set("subnets").Flags);
        Assert.Equal("set 'subnets' of table inet containernet", Set("subnets").ToString());
    }

    [Fact]
    public void The_DNAT_map_with_concatenated_key_and_data()
    {
        var ports = Set("ports");
        Assert.True(ports.IsMap);
        Assert.Equal(NftDataType.Concat(NftDataType.InetProtocol, NftDataType.InetService), ports.KeyType);
        Assert.Equal(8u, ports.KeyLength);
        Assert.Equal(NftDataType.Concat(NftDataType.IPv4Address, NftDataType.InetService), ports.DataType);
        Assert.Equal(8u, ports.DataLength);
        Assert.Equal("map 'ports' of table inet containernet", ports.ToString());
    }

    [Fact]
    public void The_verdict_map_reports_the_verdicts_size()
    {
        var bridges = Set("bridges");
        Assert.Equal(NftDataType.IfName, bridges.KeyType);
        Assert.Equal(16u, bridges.KeyLength);
        Assert.Equal(NfTablesConstants.NFT_DATA_VERDICT, bridges.DataType);
        // nft sends NFTA_SET_DATA_LEN 0; the kernel reports sizeof(struct nft_verdict).
        Assert.Equal(16u, bridges.DataLength);
    }

    [Fact]
    public void The_concatenated_interval_set_reports_its_field_lengths()
    {
        var ranges = Set("ranges");
        Assert.Equal(NfTablesConstants.NFT_SET_INTERVAL | NfTablesConstants.NFT_SET_CONCAT, ranges.Flags);
        Assert.Equal([4u, 2u], ranges.FieldLengths);
        Assert.Null(Set("hosts").FieldLengths); // an empty NFTA_SET_DESC
    }

    [Fact]
    public void The_comment_comes_back_from_nfts_userdata()
    {
        Assert.Equal("v6 hosts", Set("hosts6").Comment);
        Assert.Equal(NftDataType.IPv6Address, Set("hosts6").KeyType);
        Assert.Null(Set("hosts").Comment);
    }

    [Fact]
    public void ListSets_asks_for_one_table()
    {
        var transport = new RecordingTransport();
        transport.Enqueue(Fixture.Load("nft-set-dump.hex"));
        using var connection = new NetlinkConnection(transport, firstSequence: 4);

        var sets = connection.ListSets(NftFamily.Inet, "containernet");

        // capture-nftables.sh: GETSET NLM_F_DUMP, NFPROTO_INET, NFTA_SET_TABLE "containernet", sequence 4.
        Assert.Equal("280000000a0a0103040000000000000001000000110001006" + "36f6e7461696e65726e657400000000",
            Hex.Format(Assert.Single(transport.Sent)));
        Assert.Equal(6, sets.Count);
    }
}
