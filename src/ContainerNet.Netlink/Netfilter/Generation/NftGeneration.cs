using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Generation;

/// <summary>
/// NFT_MSG_NEWGEN: the ruleset's generation (NFTA_GEN_ID be32, one more after every commit) and the pid
/// and name of the current process (NFTA_GEN_PROC_PID be32, NFTA_GEN_PROC_NAME string): the one that asked,
/// in a reply to GETGEN; the committer, in the event a commit sends.
/// </summary>
public sealed record NftGeneration(uint Id, uint? ProcessId, string? ProcessName)
{
    public static NftGeneration? FromMessage(in NetlinkMessageHeader header, ReadOnlySpan<byte> payload) =>
        header.Type == NftMessage.Type(NfTablesConstants.NFT_MSG_NEWGEN) ? Decode(payload) : null;

    public static NftGeneration Decode(ReadOnlySpan<byte> payload)
    {
        uint? id = null, pid = null;
        string? name = null;
        var reader = NftMessage.Attributes(payload);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            switch (type)
            {
                case NfTablesConstants.NFTA_GEN_ID: id = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_GEN_PROC_PID: pid = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_GEN_PROC_NAME: name = NftWire.ReadString(value); break;
            }
        }
        return new NftGeneration(id ?? throw new NetlinkFormatException("A generation message has no NFTA_GEN_ID."), pid, name);
    }
}
