using ContainerNet.Netlink.Netfilter;
using ContainerNet.Netlink.Netfilter.Data;
using ContainerNet.Netlink.Netfilter.Expressions;
using ContainerNet.Netlink.Netfilter.Rules;
using static ContainerNet.Netlink.Constants.NfTablesConstants;

namespace ContainerNet.Netlink.Tests.Netfilter.Support;

/// <summary>
/// The expressions nft generates for the matches of the captured rules, as the golden-byte tests build them:
/// values loaded into NFT_REG_1, an ip-family match in an inet table as `meta nfproto` == NFPROTO_IPV4.
/// </summary>
internal static class RuleParts
{
    public const uint R1 = NFT_REG_1;

    public static NftRule Rule(string chain, params INftExpression[] expressions) => new()
    {
        Family = NftFamily.Inet, Table = "containernet", Chain = chain, Expressions = expressions,
    };

    public static NewRuleRequest Add(NftRule rule) => new() { Rule = rule };

    public static MetaExpression Meta(uint key) => MetaExpression.Load(key, R1);

    public static CmpExpression Cmp(uint op, byte[] data) => new(R1, op, data);

    public static CmpExpression Eq(params byte[] data) => Cmp(NFT_CMP_EQ, data);

    public static PayloadExpression NetworkField(uint offset, uint length) => new(NFT_PAYLOAD_NETWORK_HEADER, offset, length, R1);

    public static PayloadExpression TransportField(uint offset, uint length, uint register = R1) => new(NFT_PAYLOAD_TRANSPORT_HEADER, offset, length, register);

    public static INftExpression[] IsIPv4 => [Meta(NFT_META_NFPROTO), Eq(ContainerNet.Netlink.Constants.NfConstants.NFPROTO_IPV4)];

    public static byte[] IfName(string name) => NftWire.PaddedString(name, 16);

    public static ImmediateExpression Verdict(NftVerdict verdict) => ImmediateExpression.Verdict(verdict);
}
