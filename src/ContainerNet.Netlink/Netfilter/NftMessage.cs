using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter;

/// <summary>
/// nf_tables message framing: nlmsg_type is (NFNL_SUBSYS_NFTABLES &lt;&lt; 8) | NFT_MSG_*, and the payload
/// starts with struct nfgenmsg.
/// </summary>
public static class NftMessage
{
    public static ushort Type(byte operation) => (ushort)((NfnetlinkConstants.NFNL_SUBSYS_NFTABLES << 8) | operation);

    /// <summary>True for nf_tables messages (not for BATCH_BEGIN/END, which are subsystem 0).</summary>
    public static bool IsNfTables(ushort type) => type >> 8 == NfnetlinkConstants.NFNL_SUBSYS_NFTABLES;

    /// <summary>The NFT_MSG_* of an nf_tables message type.</summary>
    public static byte Operation(ushort type) => (byte)(type & 0xff);

    /// <summary>Starts an nf_tables message: nlmsghdr and nfgenmsg; dispose the scope to write nlmsg_len.</summary>
    public static NetlinkMessageWriter.LengthScope Begin(NetlinkMessageWriter writer, byte operation, ushort flags, uint sequence, NftFamily family)
    {
        var scope = writer.BeginMessage(Type(operation), flags, sequence);
        NfGenMessage.For(family).Write(writer);
        return scope;
    }

    /// <summary>The attributes of a reply's payload (after nfgenmsg).</summary>
    public static NetlinkAttributeReader Attributes(ReadOnlySpan<byte> payload)
    {
        NfGenMessage.Read(payload);
        return new NetlinkAttributeReader(payload[NfGenMessage.Size..]);
    }
}
