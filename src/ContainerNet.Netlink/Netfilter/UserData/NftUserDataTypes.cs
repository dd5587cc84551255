namespace ContainerNet.Netlink.Netfilter.UserData;

/// <summary>
/// TLV types inside NFTA_*_USERDATA, from libnftnl's /usr/include/libnftnl/udata.h (package
/// libnftnl-dev). The kernel stores userdata without reading it; nft writes and reads these.
/// Checked against the header by the test NfConstantsTests.
/// </summary>
public static class NftUserDataTypes
{
    public const byte NFTNL_UDATA_TABLE_COMMENT = 0;
    public const byte NFTNL_UDATA_CHAIN_COMMENT = 0;
    public const byte NFTNL_UDATA_RULE_COMMENT = 0;
    public const byte NFTNL_UDATA_RULE_EBTABLES_POLICY = 1;

    public const byte NFTNL_UDATA_SET_KEYBYTEORDER = 0;
    public const byte NFTNL_UDATA_SET_DATABYTEORDER = 1;
    public const byte NFTNL_UDATA_SET_MERGE_ELEMENTS = 2;
    public const byte NFTNL_UDATA_SET_KEY_TYPEOF = 3;
    public const byte NFTNL_UDATA_SET_DATA_TYPEOF = 4;
    public const byte NFTNL_UDATA_SET_EXPR = 5;
    public const byte NFTNL_UDATA_SET_DATA_INTERVAL = 6;
    public const byte NFTNL_UDATA_SET_COMMENT = 7;

    public const byte NFTNL_UDATA_SET_TYPEOF_EXPR = 0;
    public const byte NFTNL_UDATA_SET_TYPEOF_DATA = 1;

    public const byte NFTNL_UDATA_SET_ELEM_COMMENT = 0;
    public const byte NFTNL_UDATA_SET_ELEM_FLAGS = 1;

    /// <summary>Comments longer than this are refused by nft.</summary>
    public const int NFTNL_UDATA_COMMENT_MAXLEN = 128;
}
