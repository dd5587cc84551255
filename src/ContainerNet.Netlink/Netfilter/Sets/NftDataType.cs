namespace ContainerNet.Netlink.Netfilter.Sets;

/// <summary>
/// nft's own numbers for the types of set keys and data (enum datatypes in nftables' include/datatype.h;
/// not a kernel header: the kernel stores NFTA_SET_KEY_TYPE/NFTA_SET_DATA_TYPE without reading them, nft
/// reads them back to print elements). Checked against nft 1.0.6's bytes in the golden-byte tests.
/// A concatenation's type packs its fields' types 6 bits apart (TYPE_BITS), first field highest.
/// </summary>
public static class NftDataType
{
    public const uint Verdict = 1;
    public const uint Integer = 4;
    public const uint IPv4Address = 7;
    public const uint IPv6Address = 8;
    public const uint EtherAddress = 9;
    public const uint InetProtocol = 12;
    public const uint InetService = 13;
    public const uint Mark = 19;
    public const uint IfName = 41;

    private const int TypeBits = 6;

    /// <summary>The type of a concatenation, e.g. Concat(InetProtocol, InetService) for `inet_proto . inet_service`.</summary>
    public static uint Concat(params uint[] fieldTypes) => fieldTypes.Aggregate(0u, (type, field) => (type << TypeBits) | field);

    /// <summary>
    /// Key or data length of a concatenation: each field takes whole 4-byte registers (NFT_REG32_SIZE),
    /// so inet_proto (1 byte) . inet_service (2 bytes) is 8 bytes.
    /// </summary>
    public static uint ConcatLength(params uint[] fieldLengths) => fieldLengths.Aggregate(0u, (total, length) => total + ((length + 3) & ~3u));
}
