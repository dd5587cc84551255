using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter.Batches;
using ContainerNet.Netlink.Netfilter.UserData;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Chains;

/// <summary>
/// NFT_MSG_NEWCHAIN, as nft 1.0.6 sends `add chain inet containernet forward { type filter hook forward
/// priority filter; policy accept; comment "..."; }`: nlmsghdr (NLM_F_REQUEST|NLM_F_CREATE), nfgenmsg,
/// NFTA_CHAIN_TABLE, NFTA_CHAIN_NAME, [NFTA_CHAIN_TYPE string], [NFTA_CHAIN_POLICY be32],
/// [NFTA_CHAIN_HOOK (nested) { NFTA_HOOK_HOOKNUM be32, NFTA_HOOK_PRIORITY be32, [NFTA_HOOK_DEV] }],
/// [NFTA_CHAIN_USERDATA { NFTNL_UDATA_CHAIN_COMMENT }]. A regular chain (jump target) has only table and name.
/// Exclusive adds NLM_F_EXCL (nft's `create chain`).
/// </summary>
public sealed class NewChainRequest : INftBatchMessage
{
    public required NftChain Chain { get; init; }
    public bool Exclusive { get; init; }

    public string Describe() => Chain.ToString();

    public void Encode(NetlinkMessageWriter writer, uint sequence, ushort extraFlags)
    {
        ushort flags = (ushort)(NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_CREATE | extraFlags
            | (Exclusive ? NetlinkConstants.NLM_F_EXCL : 0));
        using (NftMessage.Begin(writer, NfTablesConstants.NFT_MSG_NEWCHAIN, flags, sequence, Chain.Family))
        {
            writer.PutString(NfTablesConstants.NFTA_CHAIN_TABLE, Chain.Table);
            writer.PutString(NfTablesConstants.NFTA_CHAIN_NAME, Chain.Name);
            if (Chain.Type is { } type)
                writer.PutString(NfTablesConstants.NFTA_CHAIN_TYPE, type);
            if (Chain.Policy is { } policy)
                writer.PutBE32(NfTablesConstants.NFTA_CHAIN_POLICY, policy);
            if (Chain.Hook is { } hook)
            {
                using (writer.NestFlagged(NfTablesConstants.NFTA_CHAIN_HOOK))
                {
                    writer.PutBE32(NfTablesConstants.NFTA_HOOK_HOOKNUM, hook.HookNumber);
                    writer.PutBE32(NfTablesConstants.NFTA_HOOK_PRIORITY, hook.Priority);
                    if (hook.Device is { } device)
                        writer.PutString(NfTablesConstants.NFTA_HOOK_DEV, device);
                }
            }
            if (Chain.Comment is { } comment)
                writer.PutAttribute(NfTablesConstants.NFTA_CHAIN_USERDATA, NftUserData.String(NftUserDataTypes.NFTNL_UDATA_CHAIN_COMMENT, comment));
        }
    }
}
