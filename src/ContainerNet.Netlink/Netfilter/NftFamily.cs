using ContainerNet.Netlink.Constants;

namespace ContainerNet.Netlink.Netfilter;

/// <summary>The address family of a table (nfgenmsg.nfgen_family), as nft names them: inet, ip, ip6, ...</summary>
public enum NftFamily : byte
{
    Unspec = NfConstants.NFPROTO_UNSPEC,
    Inet = NfConstants.NFPROTO_INET,
    IPv4 = NfConstants.NFPROTO_IPV4,
    Arp = NfConstants.NFPROTO_ARP,
    Netdev = NfConstants.NFPROTO_NETDEV,
    Bridge = NfConstants.NFPROTO_BRIDGE,
    IPv6 = NfConstants.NFPROTO_IPV6,
}
