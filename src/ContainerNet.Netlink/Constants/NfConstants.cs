namespace ContainerNet.Netlink.Constants;

/// <summary>Verdicts, hooks and protocol families from /usr/include/linux/netfilter.h.</summary>
public static class NfConstants
{
    public const int NF_DROP = 0;
    public const int NF_ACCEPT = 1;
    public const int NF_STOLEN = 2;
    public const int NF_QUEUE = 3;
    public const int NF_REPEAT = 4;
    public const int NF_STOP = 5;

    // enum nf_inet_hooks (the bridge family's NF_BR_* hooks have the same numbers).
    public const uint NF_INET_PRE_ROUTING = 0;
    public const uint NF_INET_LOCAL_IN = 1;
    public const uint NF_INET_FORWARD = 2;
    public const uint NF_INET_LOCAL_OUT = 3;
    public const uint NF_INET_POST_ROUTING = 4;
    public const uint NF_INET_INGRESS = 5;

    public const uint NF_NETDEV_INGRESS = 0;
    public const uint NF_NETDEV_EGRESS = 1;

    // Protocol families: nfgenmsg.nfgen_family of every nf_tables message.
    public const byte NFPROTO_UNSPEC = 0;
    public const byte NFPROTO_INET = 1;
    public const byte NFPROTO_IPV4 = 2;
    public const byte NFPROTO_ARP = 3;
    public const byte NFPROTO_NETDEV = 5;
    public const byte NFPROTO_BRIDGE = 7;
    public const byte NFPROTO_IPV6 = 10;
}
