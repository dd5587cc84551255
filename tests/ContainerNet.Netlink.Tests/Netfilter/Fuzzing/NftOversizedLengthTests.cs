using System.Buffers.Binary;
using ContainerNet.Netlink.Constants;
using ContainerNet.Netlink.Netfilter;
using ContainerNet.Netlink.Netfilter.Elements;
using ContainerNet.Netlink.Netfilter.Rules;
using ContainerNet.Netlink.Netfilter.Sets;
using ContainerNet.Netlink.Tests.Netfilter.Support;
using ContainerNet.Netlink.Tests.Support;
using ContainerNet.Netlink.Wire;

namespace ContainerNet.Netlink.Tests.Netfilter.Fuzzing;

/// <summary>
/// Real nf_tables replies with one length set to a lie deep inside: an expression's data, an element's
/// key, a set description. Each is refused with NetlinkFormatException, never read past its parent.
/// </summary>
public sealed class NftOversizedLengthTests
{
    private static byte[] FirstPayload(string fixture, byte operation) =>
        NftFixture.Messages(fixture).First(m => m.Header.Type == NftMessage.Type(operation)).Payload;

    [Theory]
    [InlineData((ushort)0)]
    [InlineData((ushort)3)]
    [InlineData((ushort)0x8000)]
    [InlineData((ushort)0xffff)]
    public void An_expression_data_length_that_does_not_fit_is_refused(ushort length)
    {
        byte[] payload = FirstPayload("nft-rule-dump.hex", NfTablesConstants.NFT_MSG_NEWRULE);
        int data = AttributePath.Find(payload, NfGenMessage.Size, NfTablesConstants.NFTA_RULE_EXPRESSIONS, NfTablesConstants.NFTA_LIST_ELEM,
            NfTablesConstants.NFTA_EXPR_DATA);
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(data), length);

        Assert.Throws<NetlinkFormatException>(() => NftRule.Decode(payload));
    }

    [Fact]
    public void An_expression_longer_than_the_list_is_refused()
    {
        byte[] payload = FirstPayload("nft-rule-dump.hex", NfTablesConstants.NFT_MSG_NEWRULE);
        int list = AttributePath.Find(payload, NfGenMessage.Size, NfTablesConstants.NFTA_RULE_EXPRESSIONS);
        ushort listLength = BinaryPrimitives.ReadUInt16LittleEndian(payload.AsSpan(list));
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(list + 4), listLength); // the first expression claims the whole list and 4 bytes more

        Assert.Throws<NetlinkFormatException>(() => NftRule.Decode(payload));
    }

    [Fact]
    public void An_element_key_longer_than_its_element_is_refused()
    {
        byte[] payload = FirstPayload("nft-setelem-dump-ports.hex", NfTablesConstants.NFT_MSG_NEWSETELEM);
        int key = AttributePath.Find(payload, NfGenMessage.Size, NfTablesConstants.NFTA_SET_ELEM_LIST_ELEMENTS, NfTablesConstants.NFTA_LIST_ELEM,
            NfTablesConstants.NFTA_SET_ELEM_KEY);
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(key), 0x200);

        Assert.Throws<NetlinkFormatException>(() => NftSetElementList.Decode(payload));
    }

    [Fact]
    public void A_verdict_without_a_code_is_refused()
    {
        byte[] payload = FirstPayload("nft-setelem-dump-bridges.hex", NfTablesConstants.NFT_MSG_NEWSETELEM);
        int code = AttributePath.Find(payload, NfGenMessage.Size, NfTablesConstants.NFTA_SET_ELEM_LIST_ELEMENTS, NfTablesConstants.NFTA_LIST_ELEM,
            NfTablesConstants.NFTA_SET_ELEM_DATA, NfTablesConstants.NFTA_DATA_VERDICT, NfTablesConstants.NFTA_VERDICT_CODE);
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(code + 2), 7); // NFTA_VERDICT_CODE becomes an unknown type

        Assert.Throws<NetlinkFormatException>(() => NftSetElementList.Decode(payload));
    }

    [Fact]
    public void A_set_field_length_of_the_wrong_size_is_refused()
    {
        byte[] payload = NftFixture.Messages("nft-set-dump.hex")
            .Select(m => m.Payload)
            .First(p => NftSet.Decode(p).Name == "ranges");
        int field = AttributePath.Find(payload, NfGenMessage.Size, NfTablesConstants.NFTA_SET_DESC, NfTablesConstants.NFTA_SET_DESC_CONCAT,
            NfTablesConstants.NFTA_LIST_ELEM, NfTablesConstants.NFTA_SET_FIELD_LEN);
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(field), 6); // 2 bytes of value where 4 are needed

        Assert.Throws<NetlinkFormatException>(() => NftSet.Decode(payload));
    }

    [Theory]
    [InlineData(0x7fffffffu)]
    [InlineData(1000u)]
    public void An_error_whose_echoed_length_lies_loses_only_the_offset(uint requestLength)
    {
        // nft-batch-eexist.hex's third message is the EEXIST with NLMSGERR_ATTR_OFFS; without NLM_F_CAPPED
        // the TLVs would sit after the echoed request, whose length is the lie.
        var error = NftFixture.Messages("nft-batch-eexist.hex")[2];
        byte[] payload = (byte[])error.Payload.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(4), requestLength);
        var uncapped = error.Header with { Flags = NetlinkConstants.NLM_F_ACK_TLVS };

        Assert.Null(ContainerNet.Netlink.Netfilter.Batches.NftErrorOffset.Read(uncapped, payload));
        Assert.Equal(92, ContainerNet.Netlink.Netfilter.Batches.NftErrorOffset.Read(error.Header, error.Payload));
    }
}
