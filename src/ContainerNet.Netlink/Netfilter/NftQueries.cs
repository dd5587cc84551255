using ContainerNet.Netlink.Netfilter.Chains;
using ContainerNet.Netlink.Netfilter.Elements;
using ContainerNet.Netlink.Netfilter.Generation;
using ContainerNet.Netlink.Netfilter.Rules;
using ContainerNet.Netlink.Netfilter.Sets;
using ContainerNet.Netlink.Netfilter.Tables;
using ContainerNet.Netlink.Transport;

namespace ContainerNet.Netlink.Netfilter;

/// <summary>
/// Reading the ruleset back over a NETLINK_NETFILTER connection: one dump per call, decoded, with the
/// connection's NLM_F_DUMP_INTR retry. Filters the kernel does not apply (a chain dump's table) are
/// applied here.
/// </summary>
public static class NftQueries
{
    public static List<NftTable> ListTables(this NetlinkConnection connection, NftFamily family = NftFamily.Unspec) =>
        connection.QueryAll(GetTableRequest.Dump(family), NftTable.FromMessage);

    public static List<NftChain> ListChains(this NetlinkConnection connection, NftFamily family = NftFamily.Unspec, string? table = null) =>
        connection.QueryAll(GetChainRequest.Dump(family), NftChain.FromMessage).Where(c => table is null || c.Table == table).ToList();

    /// <summary>Sets of one table (ENOENT, as a NetlinkException, when the table does not exist), or of every table.</summary>
    public static List<NftSet> ListSets(this NetlinkConnection connection, NftFamily family = NftFamily.Unspec, string? table = null) =>
        connection.QueryAll(GetSetRequest.Dump(family, table), NftSet.FromMessage);

    public static List<NftSetElement> ListSetElements(this NetlinkConnection connection, NftFamily family, string table, string set) =>
        connection.QueryAll(GetSetElementsRequest.Dump(family, table, set), NftSetElementList.FromMessage).SelectMany(l => l.Elements).ToList();

    public static List<NftRule> ListRules(this NetlinkConnection connection, NftFamily family = NftFamily.Unspec, string? table = null, string? chain = null) =>
        connection.QueryAll(GetRuleRequest.Dump(family, table, chain), NftRule.FromMessage);

    public static NftGeneration GetGeneration(this NetlinkConnection connection) =>
        connection.QueryAll(GetGenerationRequest.Instance, NftGeneration.FromMessage).Single();
}
