using ContainerNet.Core.Addressing;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter;
using ContainerNet.Netlink.Netfilter.Data;
using ContainerNet.Netlink.Netfilter.Batches;
using ContainerNet.Netlink.Netfilter.Chains;
using ContainerNet.Netlink.Netfilter.Expressions;
using ContainerNet.Netlink.Netfilter.Rules;
using ContainerNet.Netlink.Netfilter.Sets;
using ContainerNet.Netlink.Netfilter.Tables;
using static ContainerNet.Netlink.Constants.NfTablesConstants;

namespace ContainerNet.Core.Firewall;

/// <summary>
/// ContainerNet's own table, `inet containernet`, next to whatever else is loaded. What varies (subnets
/// to masquerade, published ports, hairpin pairs) lives in sets and maps, so the rules below are fixed:
/// publishing the 1000th port adds a map element, never a rule.
/// <code>
/// prerouting  (nat, dstnat):  per family and protocol: to a local address, DNAT via @publish4/6
/// output      (nat, -100):    the same for connections the host itself opens to its own addresses
/// postrouting (nat, srcnat):  DNATed and leaving by the bridge it came from (@hairpin) -> masquerade;
///                             saddr . oifname in @masq_except -> return; saddr in @masq -> masquerade
/// forward     (filter, 0):    established/related accept; link exceptions (@links, @link_ports) accept;
///                             iifname . oifname in @blocked -> drop (icc off: bridge . itself; isolation:
///                             bridge . other bridge). Bridged traffic reaches this hook through
///                             br_netfilter, where both names are the bridge, as Docker's icc=false relies on.
///                             iifname in @internal, oifname not in @internal -> drop, and the reverse:
///                             an internal network's bridge forwards nothing in or out (Docker's --internal).
/// </code>
/// </summary>
internal static class FirewallLayout
{
    public const string TableName = "containernet";
    public const NftFamily Family = NftFamily.Inet;

    public const string Prerouting = "prerouting";
    public const string Output = "output";
    public const string Postrouting = "postrouting";
    public const string Forward = "forward";

    /// <summary>Bridges isolated from each other (membership; the pairs to drop are in <see cref="BlockedSet"/>).</summary>
    public const string IsolatedSet = "isolated";

    /// <summary>(input bridge . output bridge) pairs whose forwarded traffic is dropped.</summary>
    public const string BlockedSet = "blocked";

    /// <summary>Bridges of internal networks: nothing is forwarded between them and any other interface.</summary>
    public const string InternalSet = "internal";

    private const int NatPriorityDestination = -100;

    // nftables' enum byteorder (BYTEORDER_HOST_ENDIAN), as nft writes it into a set's userdata.
    private const uint HostByteOrder = 1;
    private const int NatPrioritySource = 100;

    // /usr/include/linux/netfilter/nf_conntrack_common.h: IPS_DST_NAT = 1 << IPS_DST_NAT_BIT (5).
    private const uint IPS_DST_NAT = 1 << 5;
    // /usr/include/linux/rtnetlink.h: RTN_LOCAL, the fib address type of the host's own addresses.
    private const uint RTN_LOCAL = RouteConstants.RTN_LOCAL;

    public static string MasqueradeSet(IPFamily family) => family == IPFamily.IPv4 ? "masq4" : "masq6";
    public static string MasqueradeExceptSet(IPFamily family) => family == IPFamily.IPv4 ? "masq4_except" : "masq6_except";
    public static string HairpinSet(IPFamily family) => family == IPFamily.IPv4 ? "hairpin4" : "hairpin6";
    public static string PublishMap(IPFamily family) => family == IPFamily.IPv4 ? "publish4" : "publish6";
    public static string LinkSet(IPFamily family) => family == IPFamily.IPv4 ? "links4" : "links6";
    public static string LinkPortSet(IPFamily family) => family == IPFamily.IPv4 ? "link_ports4" : "link_ports6";

    public static readonly IPFamily[] Families = { IPFamily.IPv4, IPFamily.IPv6 };

    public static int AddressLength(IPFamily family) => family == IPFamily.IPv4 ? 4 : 16;

    /// <summary>
    /// Adds the table with every chain, set and rule (used only when the table does not exist). The
    /// kernel requires an NFTA_SET_ID on every new set (elements and rules of the same batch may refer to
    /// it), and takes a field description (NFTA_SET_DESC) of a concatenation only with NFT_SET_CONCAT,
    /// which it wants for interval sets: hashed concatenations go without.
    /// </summary>
    public static void AddTo(NftBatch batch)
    {
        batch.AddTable(new NftTable { Family = Family, Name = TableName });
        foreach (IPFamily family in Families)
        {
            uint address = family == IPFamily.IPv4 ? NftDataType.IPv4Address : NftDataType.IPv6Address;
            uint length = (uint)AddressLength(family);
            batch.AddSet(new NftSet
            {
                Family = Family, Table = TableName, Name = MasqueradeSet(family), Id = batch.NextSetId(),
                KeyType = address, KeyLength = length, Flags = NFT_SET_INTERVAL,
            });
            foreach (string name in new[] { MasqueradeExceptSet(family), HairpinSet(family) })
            {
                batch.AddSet(new NftSet
                {
                    Family = Family, Table = TableName, Name = name, Id = batch.NextSetId(),
                    KeyType = NftDataType.Concat(address, NftDataType.IfName),
                    KeyLength = NftDataType.ConcatLength(length, FirewallKeys.IfNameSize),
                    Flags = NFT_SET_INTERVAL | NFT_SET_CONCAT,
                    FieldLengths = new[] { length, (uint)FirewallKeys.IfNameSize },
                });
            }
            batch.AddSet(new NftSet
            {
                Family = Family, Table = TableName, Name = PublishMap(family), Id = batch.NextSetId(),
                KeyType = NftDataType.Concat(address, NftDataType.InetProtocol, NftDataType.InetService),
                KeyLength = NftDataType.ConcatLength(length, 1, 2),
                Flags = NFT_SET_MAP | NFT_SET_INTERVAL | NFT_SET_CONCAT,
                FieldLengths = new[] { length, 1u, 2u },
                DataType = NftDataType.Concat(address, NftDataType.InetService),
                DataLength = NftDataType.ConcatLength(length, 2),
            });
        }

        uint ifname = NftDataType.IfName, ifnameLength = (uint)FirewallKeys.IfNameSize;
        // nft prints a lone ifname key only when told its byte order (host: it is a string) in the set's userdata.
        batch.AddSet(new NftSet
        {
            Family = Family, Table = TableName, Name = IsolatedSet, Id = batch.NextSetId(), KeyType = ifname, KeyLength = ifnameLength,
            UserData = NftSetUserData.For(keyByteOrder: HostByteOrder),
        });
        batch.AddSet(new NftSet
        {
            Family = Family, Table = TableName, Name = InternalSet, Id = batch.NextSetId(), KeyType = ifname, KeyLength = ifnameLength,
            UserData = NftSetUserData.For(keyByteOrder: HostByteOrder),
        });
        batch.AddSet(new NftSet
        {
            Family = Family, Table = TableName, Name = BlockedSet, Id = batch.NextSetId(),
            KeyType = NftDataType.Concat(ifname, ifname), KeyLength = 2 * ifnameLength,
        });
        foreach (IPFamily family in Families)
        {
            uint address = family == IPFamily.IPv4 ? NftDataType.IPv4Address : NftDataType.IPv6Address;
            uint length = (uint)AddressLength(family);
            batch.AddSet(new NftSet
            {
                Family = Family, Table = TableName, Name = LinkSet(family), Id = batch.NextSetId(),
                KeyType = NftDataType.Concat(address, address), KeyLength = 2 * length,
            });
            batch.AddSet(new NftSet
            {
                Family = Family, Table = TableName, Name = LinkPortSet(family), Id = batch.NextSetId(),
                KeyType = NftDataType.Concat(address, address, NftDataType.InetProtocol, NftDataType.InetService),
                KeyLength = NftDataType.ConcatLength(length, length, 1, 2),
            });
        }

        batch.AddChain(NatChain(Prerouting, NfConstants.NF_INET_PRE_ROUTING, NatPriorityDestination));
        batch.AddChain(NatChain(Output, NfConstants.NF_INET_LOCAL_OUT, NatPriorityDestination));
        batch.AddChain(NatChain(Postrouting, NfConstants.NF_INET_POST_ROUTING, NatPrioritySource));

        foreach (string chain in new[] { Prerouting, Output })
            foreach (IPFamily family in Families)
                foreach (TransportProtocol protocol in Enum.GetValues<TransportProtocol>())
                    batch.AddRule(PublishRule(chain, family, protocol));
        batch.AddChain(new NftChain
        {
            Family = Family, Table = TableName, Name = Forward, Type = "filter",
            Hook = new NftChainHook(NfConstants.NF_INET_FORWARD, 0), Policy = (uint)NfConstants.NF_ACCEPT,
        });
        batch.AddRule(EstablishedRule());
        foreach (IPFamily family in Families)
        {
            batch.AddRule(LinkRule(family, withPort: false));
            batch.AddRule(LinkRule(family, withPort: true));
        }
        batch.AddRule(BlockedRule());
        batch.AddRule(InternalRule(inbound: false));
        batch.AddRule(InternalRule(inbound: true));

        foreach (IPFamily family in Families)
        {
            batch.AddRule(HairpinRule(family));
            batch.AddRule(MasqueradeExceptRule(family));
            batch.AddRule(MasqueradeRule(family));
        }
    }

    private static NftChain NatChain(string name, uint hook, int priority) => new()
    {
        Family = Family, Table = TableName, Name = name,
        Hook = new NftChainHook(hook, priority), Type = "nat", Policy = (uint)NfConstants.NF_ACCEPT,
    };

    /// <summary>
    /// meta l4proto P; fib daddr type local; meta nfproto F; daddr . l4proto . dport -> lookup @publish
    /// (data: address . port) -> dnat. Registers as nft lays them out (IPv6 addresses fill a 16-byte register).
    /// </summary>
    private static NftRule PublishRule(string chain, IPFamily family, TransportProtocol protocol)
    {
        bool v4 = family == IPFamily.IPv4;
        uint protocolRegister = v4 ? NFT_REG32_01 : NFT_REG_2;
        uint portRegister = v4 ? NFT_REG32_02 : NFT_REG32_05;
        return Rule(chain, $"containernet: published {protocol.ToString().ToLowerInvariant()} ports ({family})",
        [
            new MetaExpression(NFT_META_L4PROTO, NFT_REG_1),
            new CmpExpression(NFT_REG_1, NFT_CMP_EQ, new[] { (byte)protocol }),
            new FibExpression(NFT_FIB_RESULT_ADDRTYPE, NFTA_FIB_F_DADDR, NFT_REG_1),
            new CmpExpression(NFT_REG_1, NFT_CMP_EQ, U32(RTN_LOCAL)),
            ..NfProto(family),
            new PayloadExpression(NFT_PAYLOAD_NETWORK_HEADER, v4 ? 16u : 24u, (uint)AddressLength(family), NFT_REG_1),
            new MetaExpression(NFT_META_L4PROTO, protocolRegister),
            new PayloadExpression(NFT_PAYLOAD_TRANSPORT_HEADER, 2, 2, portRegister),
            new LookupExpression(PublishMap(family), NFT_REG_1, NFT_REG_1),
            new NatExpression(NFT_NAT_DNAT, v4 ? NfConstants.NFPROTO_IPV4 : NfConstants.NFPROTO_IPV6,
                NFT_REG_1, NFT_REG_1, protocolRegister, protocolRegister,
                NfNatConstants.NF_NAT_RANGE_MAP_IPS | NfNatConstants.NF_NAT_RANGE_PROTO_SPECIFIED),
        ]);
    }

    /// <summary>ct status dnat; saddr . oifname in @hairpin -> masquerade (a container reaching a published port on its own bridge).</summary>
    private static NftRule HairpinRule(IPFamily family) =>
        Rule(Postrouting, $"containernet: hairpin to published ports ({family})",
        [
            new CtExpression(NFT_CT_STATUS, NFT_REG_1),
            new BitwiseExpression(NFT_REG_1, NFT_REG_1, 4, U32(IPS_DST_NAT), U32(0)),
            new CmpExpression(NFT_REG_1, NFT_CMP_NEQ, U32(0)),
            ..NfProto(family),
            SourceAddress(family),
            new MetaExpression(NFT_META_OIFNAME, family == IPFamily.IPv4 ? NFT_REG32_01 : NFT_REG_2),
            new LookupExpression(HairpinSet(family), NFT_REG_1),
            new MasqExpression(),
        ]);

    /// <summary>saddr . oifname in @masq_except -> return (a network's traffic on its own bridge keeps its source).</summary>
    private static NftRule MasqueradeExceptRule(IPFamily family) =>
        Rule(Postrouting, $"containernet: no masquerade on the network's own interface ({family})",
        [
            ..NfProto(family),
            SourceAddress(family),
            new MetaExpression(NFT_META_OIFNAME, family == IPFamily.IPv4 ? NFT_REG32_01 : NFT_REG_2),
            new LookupExpression(MasqueradeExceptSet(family), NFT_REG_1),
            new ImmediateExpression(NFT_REG_VERDICT, NftData.FromVerdict(NftVerdict.Return)),
        ]);

    /// <summary>ct state established,related accept: replies of allowed (linked) connections pass.</summary>
    private static NftRule EstablishedRule() =>
        Rule(Forward, "containernet: replies of allowed connections",
        [
            new CtExpression(NFT_CT_STATE, NFT_REG_1),
            new BitwiseExpression(NFT_REG_1, NFT_REG_1, 4, U32(CtStateEstablished | CtStateRelated), U32(0)),
            new CmpExpression(NFT_REG_1, NFT_CMP_NEQ, U32(0)),
            new ImmediateExpression(NFT_REG_VERDICT, NftData.FromVerdict(NftVerdict.Accept)),
        ]);

    /// <summary>saddr . daddr [. l4proto . dport] in @links/@link_ports -> accept (a link exception).</summary>
    private static NftRule LinkRule(IPFamily family, bool withPort)
    {
        bool v4 = family == IPFamily.IPv4;
        var expressions = new List<INftExpression>(NfProto(family))
        {
            SourceAddress(family),
            v4 ? new PayloadExpression(NFT_PAYLOAD_NETWORK_HEADER, 16, 4, NFT_REG32_01) : new PayloadExpression(NFT_PAYLOAD_NETWORK_HEADER, 24, 16, NFT_REG_2),
        };
        if (withPort)
        {
            expressions.Add(new MetaExpression(NFT_META_L4PROTO, v4 ? NFT_REG32_02 : NFT_REG_3));
            expressions.Add(new PayloadExpression(NFT_PAYLOAD_TRANSPORT_HEADER, 2, 2, v4 ? NFT_REG32_03 : NFT_REG32_09));
        }
        expressions.Add(new LookupExpression(withPort ? LinkPortSet(family) : LinkSet(family), NFT_REG_1));
        expressions.Add(new ImmediateExpression(NFT_REG_VERDICT, NftData.FromVerdict(NftVerdict.Accept)));
        return Rule(Forward, $"containernet: link exceptions{(withPort ? " to one port" : "")} ({family})", expressions.ToArray());
    }

    /// <summary>iifname . oifname in @blocked -> drop.</summary>
    private static NftRule BlockedRule() =>
        Rule(Forward, "containernet: icc off and isolation between bridges",
        [
            new MetaExpression(NFT_META_IIFNAME, NFT_REG_1),
            new MetaExpression(NFT_META_OIFNAME, NFT_REG_2),
            new LookupExpression(BlockedSet, NFT_REG_1),
            new ImmediateExpression(NFT_REG_VERDICT, NftData.FromVerdict(NftVerdict.Drop)),
        ]);

    /// <summary>
    /// Outbound: iifname in @internal, oifname not in @internal -> drop. Inbound: the same with the names
    /// swapped. Traffic within one internal bridge (both names the bridge under br_netfilter) passes;
    /// between two internal networks the isolation pairs of <see cref="BlockedRule"/> drop it.
    /// </summary>
    private static NftRule InternalRule(bool inbound) =>
        Rule(Forward, inbound ? "containernet: nothing into internal networks" : "containernet: nothing out of internal networks",
        [
            new MetaExpression(inbound ? NFT_META_OIFNAME : NFT_META_IIFNAME, NFT_REG_1),
            new LookupExpression(InternalSet, NFT_REG_1),
            new MetaExpression(inbound ? NFT_META_IIFNAME : NFT_META_OIFNAME, NFT_REG_1),
            new LookupExpression(InternalSet, NFT_REG_1, Flags: NFT_LOOKUP_F_INV),
            new ImmediateExpression(NFT_REG_VERDICT, NftData.FromVerdict(NftVerdict.Drop)),
        ]);

    // /usr/include/linux/netfilter/nf_conntrack_common.h: NF_CT_STATE_BIT(ctinfo) = 1 << (ctinfo + 1).
    private const uint CtStateEstablished = 1 << (0 + 1);
    private const uint CtStateRelated = 1 << (1 + 1);

    /// <summary>saddr in @masq -> masquerade.</summary>
    private static NftRule MasqueradeRule(IPFamily family) =>
        Rule(Postrouting, $"containernet: masquerade ({family})",
        [
            ..NfProto(family),
            SourceAddress(family),
            new LookupExpression(MasqueradeSet(family), NFT_REG_1),
            new MasqExpression(),
        ]);

    /// <summary>meta nfproto F: an inet table sees both families, and the address loads below are family-specific.</summary>
    private static INftExpression[] NfProto(IPFamily family) =>
    [
        new MetaExpression(NFT_META_NFPROTO, NFT_REG_1),
        new CmpExpression(NFT_REG_1, NFT_CMP_EQ, new[] { family == IPFamily.IPv4 ? NfConstants.NFPROTO_IPV4 : NfConstants.NFPROTO_IPV6 }),
    ];

    private static PayloadExpression SourceAddress(IPFamily family) => family == IPFamily.IPv4
        ? new PayloadExpression(NFT_PAYLOAD_NETWORK_HEADER, 12, 4, NFT_REG_1)
        : new PayloadExpression(NFT_PAYLOAD_NETWORK_HEADER, 8, 16, NFT_REG_1);

    private static NftRule Rule(string chain, string comment, INftExpression[] expressions) =>
        new() { Family = Family, Table = TableName, Chain = chain, Expressions = expressions, Comment = comment };

    private static byte[] U32(uint value) => BitConverter.GetBytes(value); // host order, as nft loads registers
}
