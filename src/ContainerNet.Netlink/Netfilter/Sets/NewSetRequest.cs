using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter.Batches;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Sets;

/// <summary>
/// NFT_MSG_NEWSET, as nft 1.0.6 sends `add set|map inet containernet NAME { type ...; flags ...; }`:
/// nlmsghdr (NLM_F_REQUEST|NLM_F_CREATE), nfgenmsg, NFTA_SET_TABLE, NFTA_SET_NAME, NFTA_SET_FLAGS (always),
/// NFTA_SET_KEY_TYPE, NFTA_SET_KEY_LEN, [NFTA_SET_DATA_TYPE, NFTA_SET_DATA_LEN], [NFTA_SET_ID],
/// [NFTA_SET_POLICY], [NFTA_SET_DESC (nested) { [NFTA_SET_DESC_SIZE], [NFTA_SET_DESC_CONCAT (nested) {
/// NFTA_LIST_ELEM (nested) { NFTA_SET_FIELD_LEN } per field }] }], [NFTA_SET_TIMEOUT],
/// [NFTA_SET_GC_INTERVAL], [NFTA_SET_USERDATA]. Exclusive adds NLM_F_EXCL (nft's `create set`).
/// </summary>
public sealed class NewSetRequest : INftBatchMessage
{
    public required NftSet Set { get; init; }
    public bool Exclusive { get; init; }

    public string Describe() => Set.ToString();

    public void Encode(NetlinkMessageWriter writer, uint sequence, ushort extraFlags)
    {
        ushort flags = (ushort)(NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_CREATE | extraFlags
            | (Exclusive ? NetlinkConstants.NLM_F_EXCL : 0));
        var set = Set;
        using (NftMessage.Begin(writer, NfTablesConstants.NFT_MSG_NEWSET, flags, sequence, set.Family))
        {
            writer.PutString(NfTablesConstants.NFTA_SET_TABLE, set.Table);
            writer.PutString(NfTablesConstants.NFTA_SET_NAME, set.Name);
            writer.PutBE32(NfTablesConstants.NFTA_SET_FLAGS, set.Flags);
            writer.PutBE32(NfTablesConstants.NFTA_SET_KEY_TYPE, set.KeyType);
            writer.PutBE32(NfTablesConstants.NFTA_SET_KEY_LEN, set.KeyLength);
            if (set.DataType is { } dataType)
            {
                writer.PutBE32(NfTablesConstants.NFTA_SET_DATA_TYPE, dataType);
                writer.PutBE32(NfTablesConstants.NFTA_SET_DATA_LEN, set.DataLength ?? 0);
            }
            if (set.Id is { } id)
                writer.PutBE32(NfTablesConstants.NFTA_SET_ID, id);
            if (set.Policy is { } policy)
                writer.PutBE32(NfTablesConstants.NFTA_SET_POLICY, policy);
            if (set.Size is not null || set.FieldLengths is not null)
                WriteDescription(writer, set);
            if (set.TimeoutMilliseconds is { } timeout)
                writer.PutBE64(NfTablesConstants.NFTA_SET_TIMEOUT, timeout);
            if (set.GcIntervalMilliseconds is { } gc)
                writer.PutBE32(NfTablesConstants.NFTA_SET_GC_INTERVAL, gc);
            if (set.UserData is { } userData)
                writer.PutAttribute(NfTablesConstants.NFTA_SET_USERDATA, userData);
        }
    }

    private static void WriteDescription(NetlinkMessageWriter writer, NftSet set)
    {
        using (writer.NestFlagged(NfTablesConstants.NFTA_SET_DESC))
        {
            if (set.Size is { } size)
                writer.PutBE32(NfTablesConstants.NFTA_SET_DESC_SIZE, size);
            if (set.FieldLengths is { } fields)
            {
                using (writer.NestFlagged(NfTablesConstants.NFTA_SET_DESC_CONCAT))
                {
                    foreach (uint length in fields)
                    {
                        using (writer.NestFlagged(NfTablesConstants.NFTA_LIST_ELEM))
                            writer.PutBE32(NfTablesConstants.NFTA_SET_FIELD_LEN, length);
                    }
                }
            }
        }
    }
}
