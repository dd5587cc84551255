using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter.UserData;
using ContainerNet.Netlink.Transport;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Chains;

/// <summary>
/// An nf_tables chain. A base chain has a Hook, a Type ("filter", "nat", "route") and a Policy
/// (NF_ACCEPT or NF_DROP); a regular chain has none of them and is reached by jump/goto verdicts.
/// Attributes: NFTA_CHAIN_TABLE, NFTA_CHAIN_NAME, NFTA_CHAIN_HANDLE be64, NFTA_CHAIN_TYPE string,
/// NFTA_CHAIN_POLICY be32, NFTA_CHAIN_HOOK nest, NFTA_CHAIN_USE be32, NFTA_CHAIN_FLAGS be32
/// (NFT_CHAIN_BASE), NFTA_CHAIN_USERDATA (NFTNL_UDATA_CHAIN_COMMENT).
/// </summary>
public sealed record NftChain
{
    public required NftFamily Family { get; init; }
    public required string Table { get; init; }
    public required string Name { get; init; }
    public NftChainHook? Hook { get; init; }
    public string? Type { get; init; }
    public uint? Policy { get; init; }
    public string? Comment { get; init; }

    /// <summary>Kernel-assigned; only in replies.</summary>
    public ulong? Handle { get; init; }

    /// <summary>References to the chain (rules jumping to it, and the hook); only in replies.</summary>
    public uint? Use { get; init; }

    /// <summary>NFT_CHAIN_* flags; only in replies.</summary>
    public uint? Flags { get; init; }

    public byte[]? UserData { get; init; }

    public bool IsBaseChain => Hook is not null;

    public override string ToString() => $"chain '{Name}' of table {Family.ToNftName()} {Table}";

    public static NftChain? FromMessage(in NetlinkMessageHeader header, ReadOnlySpan<byte> payload) =>
        header.Type == NftMessage.Type(NfTablesConstants.NFT_MSG_NEWCHAIN) ? Decode(payload) : null;

    public static NftChain Decode(ReadOnlySpan<byte> payload)
    {
        var family = NfGenMessage.Read(payload).Family;
        string? table = null, name = null, type = null, comment = null;
        uint? policy = null, use = null, flags = null;
        ulong? handle = null;
        NftChainHook? hook = null;
        byte[]? userData = null;
        var reader = NftMessage.Attributes(payload);
        while (reader.TryRead(out ushort attribute, out ReadOnlySpan<byte> value))
        {
            switch (attribute)
            {
                case NfTablesConstants.NFTA_CHAIN_TABLE: table = NftWire.ReadString(value); break;
                case NfTablesConstants.NFTA_CHAIN_NAME: name = NftWire.ReadString(value); break;
                case NfTablesConstants.NFTA_CHAIN_HANDLE: handle = NftWire.ReadBE64(value); break;
                case NfTablesConstants.NFTA_CHAIN_TYPE: type = NftWire.ReadString(value); break;
                case NfTablesConstants.NFTA_CHAIN_POLICY: policy = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_CHAIN_USE: use = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_CHAIN_FLAGS: flags = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_CHAIN_HOOK: hook = ReadHook(value); break;
                case NfTablesConstants.NFTA_CHAIN_USERDATA:
                    userData = value.ToArray();
                    comment = NftUserData.FindString(value, NftUserDataTypes.NFTNL_UDATA_CHAIN_COMMENT);
                    break;
            }
        }
        return new NftChain
        {
            Family = family,
            Table = table ?? throw new NetlinkFormatException("A chain message has no NFTA_CHAIN_TABLE."),
            Name = name ?? throw new NetlinkFormatException("A chain message has no NFTA_CHAIN_NAME."),
            Hook = hook, Type = type, Policy = policy, Comment = comment, Handle = handle, Use = use,
            Flags = flags, UserData = userData,
        };
    }

    private static NftChainHook ReadHook(ReadOnlySpan<byte> nest)
    {
        uint? number = null;
        int priority = 0;
        string? device = null;
        var reader = new NetlinkAttributeReader(nest);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> value))
        {
            switch (type)
            {
                case NfTablesConstants.NFTA_HOOK_HOOKNUM: number = NftWire.ReadBE32(value); break;
                case NfTablesConstants.NFTA_HOOK_PRIORITY: priority = NftWire.ReadBE32Signed(value); break;
                case NfTablesConstants.NFTA_HOOK_DEV: device = NftWire.ReadString(value); break;
            }
        }
        return number is { } hook ? new NftChainHook(hook, priority, device)
            : throw new NetlinkFormatException("A chain's NFTA_CHAIN_HOOK has no NFTA_HOOK_HOOKNUM.");
    }
}
