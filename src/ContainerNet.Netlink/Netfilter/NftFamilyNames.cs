namespace ContainerNet.Netlink.Netfilter;

/// <summary>nft's keyword for each family, for messages a person reads ("table inet containernet").</summary>
public static class NftFamilyNames
{
    public static string ToNftName(this NftFamily family) => family switch
    {
        NftFamily.Inet => "inet",
        NftFamily.IPv4 => "ip",
        NftFamily.IPv6 => "ip6",
        NftFamily.Arp => "arp",
        NftFamily.Bridge => "bridge",
        NftFamily.Netdev => "netdev",
        NftFamily.Unspec => "unspec",
        _ => $"family {(byte)family}",
    };
}
