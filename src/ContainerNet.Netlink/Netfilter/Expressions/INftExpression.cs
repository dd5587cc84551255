using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Expressions;

/// <summary>
/// One nf_tables expression of a rule: NFTA_LIST_ELEM { NFTA_EXPR_NAME string, NFTA_EXPR_DATA { ... } }.
/// Each expression is a small record with its attribute layout in its comment; NftExpressions encodes the
/// list and decodes replies by name.
/// </summary>
public interface INftExpression
{
    /// <summary>NFTA_EXPR_NAME: the kernel module's expression name ("meta", "cmp", "lookup", ...).</summary>
    string Name { get; }

    /// <summary>Writes the attributes inside NFTA_EXPR_DATA, in the order libnftnl writes them.</summary>
    void WriteData(NetlinkMessageWriter writer);

    /// <summary>
    /// libnftnl writes NFTA_EXPR_DATA, even empty (masq, counter), for every expression that has options;
    /// for those without (notrack) it writes none.
    /// </summary>
    bool HasData => true;
}
