using System.Buffers.Binary;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter;

/// <summary>
/// struct nfgenmsg (4 bytes): nfgen_family u8, version u8 (NFNETLINK_V0), res_id be16. Leads every
/// nfnetlink message. res_id is NFNL_SUBSYS_NFTABLES in a batch's BEGIN/END, 0 in nf_tables requests,
/// and the ruleset generation's low 16 bits in the kernel's replies.
/// </summary>
public readonly record struct NfGenMessage(NftFamily Family, byte Version, ushort ResourceId)
{
    public const int Size = 4;

    public void Write(NetlinkMessageWriter writer)
    {
        Span<byte> span = writer.ReserveFixed(Size);
        span[0] = (byte)Family;
        span[1] = Version;
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], ResourceId);
    }

    public static NfGenMessage Read(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < Size)
            throw new NetlinkFormatException($"struct nfgenmsg needs {Size} bytes, the message has {payload.Length}.");
        return new NfGenMessage((NftFamily)payload[0], payload[1], BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
    }

    public static NfGenMessage For(NftFamily family) => new(family, NfnetlinkConstants.NFNETLINK_V0, 0);
}
