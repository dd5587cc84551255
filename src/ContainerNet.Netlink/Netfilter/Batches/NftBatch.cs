using System.Buffers.Binary;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter.Chains;
using ContainerNet.Netlink.Netfilter.Elements;
using ContainerNet.Netlink.Netfilter.Rules;
using ContainerNet.Netlink.Netfilter.Sets;
using ContainerNet.Netlink.Netfilter.Tables;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Netfilter.Batches;

/// <summary>
/// An nf_tables transaction: the changes to make, in order, sent as NFNL_MSG_BATCH_BEGIN, the messages
/// (each with NLM_F_ACK), NFNL_MSG_BATCH_END in one datagram. The kernel applies all of them or none.
/// Commit it with <see cref="NftBatchCommit.Commit"/>.
/// </summary>
public sealed class NftBatch
{
    /// <summary>
    /// Bytes of elements per NEWSETELEM/DELSETELEM message: NFTA_SET_ELEM_LIST_ELEMENTS is one attribute
    /// and its nla_len is a u16, so longer lists go in several messages of the same batch.
    /// </summary>
    public const int MaxElementBytesPerMessage = 60 * 1024;

    private readonly List<INftBatchMessage> _messages = [];
    private uint _lastSetId;

    public IReadOnlyList<INftBatchMessage> Messages => _messages;

    public int Count => _messages.Count;

    /// <summary>
    /// NFNL_BATCH_GENID: apply the batch only if the ruleset is still at this generation (read it with
    /// GetGeneration before the dumps the batch was computed from); otherwise the kernel refuses the whole
    /// batch with ERESTART.
    /// </summary>
    public uint? GenerationId { get; set; }

    /// <summary>A fresh NFTA_SET_ID for a set created in this batch, to reference it from later messages.</summary>
    public uint NextSetId() => ++_lastSetId;

    public NftBatch Add(INftBatchMessage message)
    {
        _messages.Add(message);
        return this;
    }

    public NftBatch AddTable(NftTable table, bool exclusive = false) => Add(new NewTableRequest { Table = table, Exclusive = exclusive });

    public NftBatch DeleteTable(NftFamily family, string name) => Add(new DeleteTableRequest { Family = family, Name = name });

    public NftBatch AddChain(NftChain chain, bool exclusive = false) => Add(new NewChainRequest { Chain = chain, Exclusive = exclusive });

    public NftBatch DeleteChain(NftFamily family, string table, string name) =>
        Add(new DeleteChainRequest { Family = family, Table = table, Name = name });

    public NftBatch AddSet(NftSet set, bool exclusive = false) => Add(new NewSetRequest { Set = set, Exclusive = exclusive });

    public NftBatch DeleteSet(NftFamily family, string table, string name) =>
        Add(new DeleteSetRequest { Family = family, Table = table, Name = name });

    /// <summary>Adds elements, in as many messages as their size needs (see <see cref="MaxElementBytesPerMessage"/>).</summary>
    public NftBatch AddElements(NftFamily family, string table, string set, IReadOnlyList<NftSetElement> elements,
        bool exclusive = false, uint? setId = null)
    {
        foreach (var chunk in Chunk(elements))
            Add(new NewSetElementsRequest { Family = family, Table = table, Set = set, SetId = setId, Elements = chunk, Exclusive = exclusive });
        return this;
    }

    public NftBatch DeleteElements(NftFamily family, string table, string set, IReadOnlyList<NftSetElement> elements)
    {
        foreach (var chunk in Chunk(elements))
            Add(new DeleteSetElementsRequest { Family = family, Table = table, Set = set, Elements = chunk });
        return this;
    }

    public NftBatch AddRule(NftRule rule) => Add(new NewRuleRequest { Rule = rule });

    public NftBatch InsertRule(NftRule rule) => Add(new NewRuleRequest { Rule = rule, Insert = true });

    public NftBatch DeleteRule(NftFamily family, string table, string chain, ulong handle) =>
        Add(new DeleteRuleRequest { Family = family, Table = table, Chain = chain, Handle = handle });

    /// <summary>Sequence numbers the batch uses: BATCH_BEGIN, one per message, BATCH_END.</summary>
    public int SequenceCount => _messages.Count + 2;

    /// <summary>
    /// Writes the datagram: BATCH_BEGIN with <paramref name="firstSequence"/>, message i with firstSequence + 1 + i,
    /// BATCH_END after them. BEGIN and END are nft's bytes (NLM_F_REQUEST, nfgenmsg AF_UNSPEC with
    /// res_id NFNL_SUBSYS_NFTABLES in network order); every message adds NLM_F_ACK, which nft does not
    /// ask for, so that success is confirmed message by message.
    /// </summary>
    public void Encode(NetlinkMessageWriter writer, uint firstSequence)
    {
        using (writer.BeginMessage(NfnetlinkConstants.NFNL_MSG_BATCH_BEGIN, NetlinkConstants.NLM_F_REQUEST, firstSequence))
        {
            WriteBatchHeader(writer);
            if (GenerationId is { } generation)
                writer.PutBE32(NfnetlinkConstants.NFNL_BATCH_GENID, generation);
        }
        for (int i = 0; i < _messages.Count; i++)
            _messages[i].Encode(writer, firstSequence + 1 + (uint)i, NetlinkConstants.NLM_F_ACK);
        using (writer.BeginMessage(NfnetlinkConstants.NFNL_MSG_BATCH_END, NetlinkConstants.NLM_F_REQUEST, firstSequence + 1 + (uint)_messages.Count))
            WriteBatchHeader(writer);
    }

    private static void WriteBatchHeader(NetlinkMessageWriter writer)
    {
        Span<byte> nfgenmsg = writer.ReserveFixed(NfGenMessage.Size);
        nfgenmsg[0] = NfConstants.NFPROTO_UNSPEC;
        nfgenmsg[1] = NfnetlinkConstants.NFNETLINK_V0;
        BinaryPrimitives.WriteUInt16BigEndian(nfgenmsg[2..], NfnetlinkConstants.NFNL_SUBSYS_NFTABLES);
    }

    private static IEnumerable<IReadOnlyList<NftSetElement>> Chunk(IReadOnlyList<NftSetElement> elements)
    {
        var chunk = new List<NftSetElement>();
        int bytes = 0;
        foreach (var element in elements)
        {
            int size = element.EncodedSize();
            if (chunk.Count > 0 && bytes + size > MaxElementBytesPerMessage)
            {
                yield return chunk;
                chunk = [];
                bytes = 0;
            }
            chunk.Add(element);
            bytes += size;
        }
        if (chunk.Count > 0)
            yield return chunk;
    }
}
