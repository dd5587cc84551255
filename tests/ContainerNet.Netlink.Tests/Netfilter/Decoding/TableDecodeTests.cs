using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter;
using ContainerNet.Netlink.Netfilter.Tables;
using ContainerNet.Netlink.Tests.Netfilter.Support;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Tests.Transport;
using ContainerNet.Netlink.Transport;

namespace ContainerNet.Netlink.Tests.Netfilter.Decoding;

/// <summary>
/// NftTable.Decode on the kernel's reply to our table dump (Fixtures/nft-table-dump.hex), and the same
/// through NetlinkConnection.ListTables with the request bytes the capture sent.
/// </summary>
public sealed class TableDecodeTests
{
    [Fact]
    public void Both_tables_with_handles_chain_counts_and_the_comment()
    {
        var tables = NftFixture.Decode("nft-table-dump.hex", NftTable.FromMessage);

        Assert.Equal(2, tables.Count);
        var ours = tables[0];
        Assert.Equal(NftFamily.Inet, ours.Family);
        Assert.Equal("containernet", ours.Name);
        Assert.Equal(1ul, ours.Handle);
        Assert.Equal(13u, ours.Use); // its 7 chains and 6 sets
        Assert.Equal(0u, ours.Flags);
        Assert.Null(ours.Comment);
        Assert.Equal("table inet containernet", ours.ToString());

        var commented = tables[1];
        Assert.Equal("cn-commented", commented.Name);
        Assert.Equal(2ul, commented.Handle);
        Assert.Equal("owned by containernet", commented.Comment);
        Assert.Equal(0u, commented.Use);
    }

    [Fact]
    public void ListTables_sends_the_captured_request_and_reads_the_dump()
    {
        var transport = new RecordingTransport();
        transport.Enqueue(Fixture.Load("nft-table-dump.hex"));
        using var connection = new NetlinkConnection(transport, firstSequence: 2);

        var tables = connection.ListTables();

        // capture-nftables.sh: GETTABLE NLM_F_DUMP, NFPROTO_UNSPEC, sequence 2.
        Assert.Equal("14000000010a0103020000000000000000000000", Hex.Format(Assert.Single(transport.Sent)));
        Assert.Equal(["containernet", "cn-commented"], tables.Select(t => t.Name));
    }

    [Fact]
    public void Only_table_messages_decode_as_tables()
    {
        var messages = NftFixture.Messages("nft-table-dump.hex");

        Assert.Equal(NetlinkConstants.NLMSG_DONE, messages[^1].Header.Type);
        Assert.Null(NftTable.FromMessage(messages[^1].Header, messages[^1].Payload));
    }
}
