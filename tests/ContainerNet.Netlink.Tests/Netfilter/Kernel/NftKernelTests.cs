using System.Diagnostics;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter;
using ContainerNet.Netlink.Netfilter.Batches;
using ContainerNet.Netlink.Netfilter.Chains;
using ContainerNet.Netlink.Netfilter.Data;
using ContainerNet.Netlink.Netfilter.Elements;
using ContainerNet.Netlink.Netfilter.Expressions;
using ContainerNet.Netlink.Netfilter.Rules;
using ContainerNet.Netlink.Netfilter.Sets;
using ContainerNet.Netlink.Netfilter.Tables;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;
using static ContainerNet.Netlink.Constants.NfTablesConstants;
using static ContainerNet.Netlink.Tests.Netfilter.Support.NftBytes;

namespace ContainerNet.Netlink.Tests.Netfilter.Kernel;

/// <summary>
/// The whole path against the kernel, inside the build's sandbox only: a batch that creates a table with
/// base and regular chains, a set, the DNAT map, a verdict map, their elements and rules is committed over a
/// real NETLINK_NETFILTER socket, read back through our dumps, and shown by `nft list table` (the oracle)
/// as the rules we meant. Refused batches leave the dumps byte-identical and the generation unchanged.
/// Each test uses a table of its own and deletes it at the end.
/// </summary>
public sealed class NftKernelTests
{
    private const uint R1 = NFT_REG_1;

    private static NetlinkConnection Open()
    {
        KernelSandbox.AssertInside();
        return new NetlinkConnection(NetlinkSocket.Open(NetlinkConstants.NETLINK_NETFILTER));
    }

    private static NftSetElement Published(byte protocol, ushort port, byte host, ushort containerPort) => new()
    {
        Key = Concat(Protocol(protocol), Port(port)),
        Data = NftData.FromValue(Concat(IPv4(10, 88, 0, host), Port(containerPort))),
        Label = $"{(protocol == 6 ? "tcp" : "udp")} . {port}",
    };

    /// <summary>The firewall layout in small: what Core builds, as one batch.</summary>
    private static NftBatch Layout(string table)
    {
        const NftFamily inet = NftFamily.Inet;
        var batch = new NftBatch();
        uint hostsId = batch.NextSetId(), portsId = batch.NextSetId(), bridgesId = batch.NextSetId();
        batch.AddTable(new NftTable { Family = inet, Name = table, Comment = "ContainerNet test" })
            .AddChain(new NftChain { Family = inet, Table = table, Name = "prerouting", Type = "nat",
                Hook = new NftChainHook(NfConstants.NF_INET_PRE_ROUTING, NfIpv4Constants.NF_IP_PRI_NAT_DST) })
            .AddChain(new NftChain { Family = inet, Table = table, Name = "postrouting", Type = "nat",
                Hook = new NftChainHook(NfConstants.NF_INET_POST_ROUTING, NfIpv4Constants.NF_IP_PRI_NAT_SRC) })
            .AddChain(new NftChain { Family = inet, Table = table, Name = "forward", Type = "filter", Policy = (uint)NfConstants.NF_ACCEPT,
                Hook = new NftChainHook(NfConstants.NF_INET_FORWARD, NfIpv4Constants.NF_IP_PRI_FILTER) })
            .AddChain(new NftChain { Family = inet, Table = table, Name = "net-web", Comment = "net:web" })
            .AddSet(new NftSet { Family = inet, Table = table, Name = "hosts", KeyType = NftDataType.IPv4Address, KeyLength = 4, Id = hostsId,
                UserData = NftSetUserData.For(NftSetUserData.ByteOrderBig) })
            .AddSet(new NftSet { Family = inet, Table = table, Name = "ports", Flags = NFT_SET_MAP, Id = portsId,
                KeyType = NftDataType.Concat(NftDataType.InetProtocol, NftDataType.InetService), KeyLength = NftDataType.ConcatLength(1, 2),
                DataType = NftDataType.Concat(NftDataType.IPv4Address, NftDataType.InetService), DataLength = NftDataType.ConcatLength(4, 2) })
            .AddSet(new NftSet { Family = inet, Table = table, Name = "bridges", Flags = NFT_SET_MAP, Id = bridgesId,
                KeyType = NftDataType.IfName, KeyLength = 16, DataType = NFT_DATA_VERDICT,
                // Without nft's key byte order (host, for ifname) `nft list` prints the key "cn0" as "".
                UserData = NftSetUserData.For(NftSetUserData.ByteOrderHost) })
            .AddElements(inet, table, "hosts", [new NftSetElement { Key = IPv4(10, 88, 0, 2) }], setId: hostsId)
            .AddElements(inet, table, "ports", [Published(6, 8080, 2, 80), Published(17, 5353, 3, 53)], setId: portsId)
            .AddElements(inet, table, "bridges",
                [new NftSetElement { Key = NftWire.PaddedString("cn0", 16), Data = NftVerdict.Jump("net-web") }], setId: bridgesId)
            .AddRule(new NftRule
            {
                Family = inet, Table = table, Chain = "postrouting", Comment = "net:default",
                Expressions =
                [
                    MetaExpression.Load(NFT_META_NFPROTO, R1), new CmpExpression(R1, NFT_CMP_EQ, [NfConstants.NFPROTO_IPV4]),
                    new PayloadExpression(NFT_PAYLOAD_NETWORK_HEADER, 12, 2, R1), new CmpExpression(R1, NFT_CMP_EQ, [10, 88]),
                    MetaExpression.Load(NFT_META_OIFNAME, R1), new CmpExpression(R1, NFT_CMP_NEQ, NftWire.PaddedString("cn0", 16)),
                    new MasqExpression(),
                ],
            })
            .AddRule(new NftRule
            {
                Family = inet, Table = table, Chain = "prerouting", Comment = "publish",
                Expressions =
                [
                    new FibExpression(NFT_FIB_RESULT_ADDRTYPE, NFTA_FIB_F_DADDR, R1), new CmpExpression(R1, NFT_CMP_EQ, [RouteConstants.RTN_LOCAL, 0, 0, 0]),
                    MetaExpression.Load(NFT_META_L4PROTO, R1), new PayloadExpression(NFT_PAYLOAD_TRANSPORT_HEADER, 2, 2, NFT_REG32_01),
                    new LookupExpression("ports", R1, R1, portsId),
                    new NatExpression(NFT_NAT_DNAT, NfConstants.NFPROTO_IPV4, AddressMinRegister: R1, ProtoMinRegister: NFT_REG32_01),
                ],
            })
            .AddRule(new NftRule
            {
                Family = inet, Table = table, Chain = "forward",
                Expressions =
                [
                    new CtExpression(NFT_CT_STATE, R1),
                    new BitwiseExpression(R1, R1, 4, BitConverter.GetBytes(NfConntrackConstants.NF_CT_STATE_BIT(NfConntrackConstants.IP_CT_ESTABLISHED)
                        | NfConntrackConstants.NF_CT_STATE_BIT(NfConntrackConstants.IP_CT_RELATED)), [0, 0, 0, 0]),
                    new CmpExpression(R1, NFT_CMP_NEQ, [0, 0, 0, 0]), ImmediateExpression.Verdict(NftVerdict.Accept),
                ],
            })
            .AddRule(new NftRule
            {
                Family = inet, Table = table, Chain = "forward",
                Expressions = [MetaExpression.Load(NFT_META_IIFNAME, R1), new LookupExpression("bridges", R1, NFT_REG_VERDICT, bridgesId)],
            })
            .AddRule(new NftRule
            {
                Family = inet, Table = table, Chain = "forward",
                Expressions =
                [
                    MetaExpression.Load(NFT_META_NFPROTO, R1), new CmpExpression(R1, NFT_CMP_EQ, [NfConstants.NFPROTO_IPV4]),
                    new PayloadExpression(NFT_PAYLOAD_NETWORK_HEADER, 12, 4, R1), new LookupExpression("hosts", R1, SetId: hostsId),
                    new CounterExpression(), ImmediateExpression.Verdict(NftVerdict.Drop),
                ],
            });
        return batch;
    }

    [SandboxFact]
    public void A_committed_layout_reads_back_through_our_dumps_and_through_nft()
    {
        string table = KernelSandbox.UniqueTableName("layout");
        using var connection = Open();
        try
        {
            var generation = connection.Commit(Layout(table));

            Assert.NotNull(generation);
            Assert.Equal(generation!.Id, connection.GetGeneration().Id);
            var ours = Assert.Single(connection.ListTables(NftFamily.Inet), t => t.Name == table);
            Assert.Equal("ContainerNet test", ours.Comment);
            var chains = connection.ListChains(NftFamily.Inet, table);
            Assert.Equal(["prerouting", "postrouting", "forward", "net-web"], chains.Select(c => c.Name));
            Assert.Equal(new NftChainHook(NfConstants.NF_INET_PRE_ROUTING, -100), chains[0].Hook);
            Assert.Equal("net:web", chains[3].Comment);
            var sets = connection.ListSets(NftFamily.Inet, table);
            Assert.Equal(["hosts", "ports", "bridges"], sets.Select(s => s.Name));
            Assert.Equal(NFT_DATA_VERDICT, sets[2].DataType);
            var ports = connection.ListSetElements(NftFamily.Inet, table, "ports");
            Assert.Equal(2, ports.Count);
            Assert.Equal(Concat(IPv4(10, 88, 0, 2), Port(80)), ports.Single(e => e.Key.AsSpan().SequenceEqual(Concat(Protocol(6), Port(8080)))).Data!.Value);
            Assert.Equal(NftVerdict.Jump("net-web"), Assert.Single(connection.ListSetElements(NftFamily.Inet, table, "bridges")).Data!.Verdict);
            var rules = connection.ListRules(NftFamily.Inet, table);
            Assert.Equal(5, rules.Count);
            var masquerade = Assert.Single(rules, r => r.Comment == "net:default");
            Assert.Equal(["meta", "cmp", "payload", "cmp", "meta", "cmp", "masq"], masquerade.Expressions.Select(e => e.Name));

            // The oracle: nft reads our objects as the rules we meant.
            string listing = Nft("list", "table", "inet", table);
            Listed("ip saddr 10.88.0.0/16 oifname != \"cn0\" masquerade comment \"net:default\"", listing);
            Listed("fib daddr type local dnat ip to meta l4proto . th dport map @ports comment \"publish\"", listing);
            Listed("ct state established,related accept", listing);
            Listed("iifname vmap @bridges", listing);
            Listed("ip saddr @hosts counter packets 0 bytes 0 drop", listing);
            Listed("elements = { 10.88.0.2 }", listing);
            Listed("\"cn0\" : jump net-web", listing);

            // Delete one rule by handle and one element by key: both gone, the rest untouched.
            connection.Commit(new NftBatch()
                .DeleteRule(NftFamily.Inet, table, "postrouting", masquerade.Handle!.Value)
                .DeleteElements(NftFamily.Inet, table, "ports", [new NftSetElement { Key = Concat(Protocol(17), Port(5353)) }]));
            Assert.DoesNotContain(connection.ListRules(NftFamily.Inet, table), r => r.Comment == "net:default");
            Assert.Single(connection.ListSetElements(NftFamily.Inet, table, "ports"));
            Assert.Equal(4, connection.ListRules(NftFamily.Inet, table).Count);
        }
        finally
        {
            DeleteIfPresent(connection, table);
        }
    }

    [SandboxFact]
    public void A_batch_whose_third_message_is_refused_changes_nothing()
    {
        string table = KernelSandbox.UniqueTableName("atomic");
        using var connection = Open();
        try
        {
            connection.Commit(Layout(table));
            byte[] before = Snapshot(connection, table);
            uint generation = connection.GetGeneration().Id;

            // [0] a new host, [1] a new published port, [2] tcp . 8080 again to another container: EEXIST, [3] a rule.
            var publish = new NftBatch()
                .AddElements(NftFamily.Inet, table, "hosts", [new NftSetElement { Key = IPv4(10, 88, 0, 7) }])
                .AddElements(NftFamily.Inet, table, "ports", [Published(6, 9090, 7, 90)])
                .AddElements(NftFamily.Inet, table, "ports", [Published(6, 9091, 7, 91), Published(6, 8080, 7, 80)])
                .AddRule(new NftRule { Family = NftFamily.Inet, Table = table, Chain = "forward", Expressions = [new CounterExpression()] });
            var error = Assert.Throws<NftBatchException>(() => connection.Commit(publish));

            Assert.Equal(2, error.FailedIndex);
            Assert.Equal(17, error.Errno); // EEXIST
            Assert.Equal($"add set element tcp . 8080 (element 2 of 2) of set 'ports' of table inet {table}", error.FailedDescription);
            Assert.Equal(before, Snapshot(connection, table));
            Assert.Equal(generation, connection.GetGeneration().Id);

            // A rule that looks up a set that does not exist: ENOENT, naming the expression; nothing changes.
            var missing = new NftBatch()
                .AddElements(NftFamily.Inet, table, "hosts", [new NftSetElement { Key = IPv4(10, 88, 0, 8) }])
                .AddRule(new NftRule
                {
                    Family = NftFamily.Inet, Table = table, Chain = "forward",
                    Expressions = [MetaExpression.Load(NFT_META_IIFNAME, R1), new LookupExpression("nosuchset", R1)],
                });
            error = Assert.Throws<NftBatchException>(() => connection.Commit(missing));

            Assert.Equal(1, error.FailedIndex);
            Assert.Equal(2, error.Errno); // ENOENT
            Assert.StartsWith("expression 2 of 2 ('lookup' of set 'nosuchset')", error.FailedDescription);
            Assert.Equal(before, Snapshot(connection, table));

            // Guarded by a generation that has passed: refused as a whole before any message is looked at.
            var stale = new NftBatch { GenerationId = generation - 1 }
                .AddElements(NftFamily.Inet, table, "hosts", [new NftSetElement { Key = IPv4(10, 88, 0, 9) }]);
            error = Assert.Throws<NftBatchException>(() => connection.Commit(stale));

            Assert.Equal(-1, error.FailedIndex);
            Assert.Equal(85, error.Errno); // ERESTART
            Assert.Equal(before, Snapshot(connection, table));
            Assert.Equal(generation, connection.GetGeneration().Id);
        }
        finally
        {
            DeleteIfPresent(connection, table);
        }
    }

    [SandboxFact]
    public void A_thousand_published_ports_are_one_batch_of_element_lists()
    {
        string table = KernelSandbox.UniqueTableName("ports");
        using var connection = Open();
        try
        {
            connection.Commit(Layout(table));
            var elements = Enumerable.Range(0, 1000).Select(i => Published(6, (ushort)(20000 + i), (byte)(10 + i % 200), 80)).ToArray();

            connection.Commit(new NftBatch().AddElements(NftFamily.Inet, table, "ports", elements, exclusive: true));

            Assert.Equal(1002, connection.ListSetElements(NftFamily.Inet, table, "ports").Count);
            Assert.Equal(5, connection.ListRules(NftFamily.Inet, table).Count);
        }
        finally
        {
            DeleteIfPresent(connection, table);
        }
    }

    /// <summary>Every dump of the table, message payloads back to back; nfgenmsg.res_id (the generation's low bits) zeroed.</summary>
    private static byte[] Snapshot(NetlinkConnection connection, string table)
    {
        var bytes = new List<byte>();
        void Collect(INetlinkRequest request) => connection.Query(request, (in NetlinkMessageHeader header, ReadOnlySpan<byte> payload) =>
        {
            byte[] copy = payload.ToArray();
            copy[2] = copy[3] = 0;
            bytes.AddRange(copy);
        });
        Collect(GetTableRequest.Dump(NftFamily.Inet));
        Collect(GetChainRequest.Dump(NftFamily.Inet));
        Collect(GetSetRequest.Dump(NftFamily.Inet, table));
        foreach (string set in new[] { "hosts", "ports", "bridges" })
            Collect(GetSetElementsRequest.Dump(NftFamily.Inet, table, set));
        Collect(GetRuleRequest.Dump(NftFamily.Inet, table));
        return bytes.ToArray();
    }

    private static void DeleteIfPresent(NetlinkConnection connection, string table)
    {
        if (connection.ListTables(NftFamily.Inet).Any(t => t.Name == table))
            connection.Commit(new NftBatch().DeleteTable(NftFamily.Inet, table));
    }

    private static void Listed(string line, string listing) =>
        Assert.True(listing.Contains(line, StringComparison.Ordinal), $"`nft list table` does not show: {line}\n{listing}");

    private static string Nft(params string[] arguments)
    {
        var start = new ProcessStartInfo("nft") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"nft {string.Join(' ', arguments)} failed: {error}");
        return output;
    }
}
